namespace CrmBlazor.Plugins.Projects;

/// <summary>The plugin's permissions (policies of the same names), checked in pages and again in services.</summary>
public static class ProjectsPermissions
{
    /// <summary>See projects, their budgets and burn, and the hours logged on them.</summary>
    public const string View = "projects.view";

    /// <summary>Create and change projects, tasks, milestones, rates and budgets.</summary>
    public const string Manage = "projects.manage";

    /// <summary>Log and correct one's own time.</summary>
    public const string LogOwnTime = "projects.log-own-time";

    /// <summary>See, log and correct everyone's time.</summary>
    public const string ManageAllTime = "projects.manage-all-time";
}
