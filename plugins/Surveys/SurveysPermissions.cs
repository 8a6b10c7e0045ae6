namespace CrmBlazor.Plugins.Surveys;

/// <summary>The plugin's permissions (policies of the same names), checked in pages and again in services.</summary>
public static class SurveysPermissions
{
    /// <summary>See the surveys, their questions and (later) their results.</summary>
    public const string View = "surveys.view";

    /// <summary>Create surveys, build their questions, open and close them.</summary>
    public const string Manage = "surveys.manage";
}
