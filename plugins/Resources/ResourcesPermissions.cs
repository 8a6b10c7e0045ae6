namespace CrmBlazor.Plugins.Resources;

/// <summary>The plugin's permissions (policies of the same names), checked in pages and again in services.</summary>
public static class ResourcesPermissions
{
    /// <summary>See one's own schedule, time off and allocations, and record one's own time off.</summary>
    public const string View = "resources.view";

    /// <summary>Plan one's team: the people whose manager one is (schedules, time off, skills, allocations) and placeholders of one's own.</summary>
    public const string PlanTeam = "resources.plan-team";

    /// <summary>Plan everyone, add people and teams, and keep the public-holiday calendars.</summary>
    public const string PlanAll = "resources.plan-all";
}
