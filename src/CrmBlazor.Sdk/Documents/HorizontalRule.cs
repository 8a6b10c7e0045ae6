namespace CrmBlazor.Sdk.Documents;

/// <summary>A horizontal line across the available width.</summary>
public sealed class HorizontalRule : Block
{
    /// <summary>The line's thickness in points.</summary>
    public float Thickness { get; init; } = 0.75f;

    /// <summary>The line's colour.</summary>
    public DocumentColor Color { get; init; } = DocumentColor.Gray;
}
