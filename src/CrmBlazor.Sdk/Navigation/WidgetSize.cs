namespace CrmBlazor.Sdk.Navigation;

/// <summary>How much of the dashboard's width a widget takes on a wide screen.</summary>
public enum WidgetSize
{
    /// <summary>A third of the width.</summary>
    Third = 4,

    /// <summary>Half of the width.</summary>
    Half = 6,

    /// <summary>The full width.</summary>
    Full = 12,
}
