using CrmBlazor.Sdk.Projects;

namespace CrmBlazor.Plugins.Projects.Features.Projects;

/// <summary>The ways a project's status may change, and how each status is called.</summary>
public static class ProjectStatuses
{
    private static readonly Dictionary<ProjectStatus, ProjectStatus[]> Moves = new()
    {
        [ProjectStatus.Planned] = [ProjectStatus.Active, ProjectStatus.OnHold, ProjectStatus.Cancelled],
        [ProjectStatus.Active] = [ProjectStatus.OnHold, ProjectStatus.Completed, ProjectStatus.Cancelled],
        [ProjectStatus.OnHold] = [ProjectStatus.Active, ProjectStatus.Completed, ProjectStatus.Cancelled],
        [ProjectStatus.Completed] = [ProjectStatus.Active],
        [ProjectStatus.Cancelled] = [ProjectStatus.Planned],
    };

    /// <summary>The statuses a project in <paramref name="from"/> can move to.</summary>
    /// <param name="from">The current status.</param>
    public static IReadOnlyList<ProjectStatus> Next(ProjectStatus from) => Moves[from];

    /// <summary>Whether a project can move from one status to another.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    public static bool CanMove(ProjectStatus from, ProjectStatus to) => Moves[from].Contains(to);

    /// <summary>The English name of a status (a resource key).</summary>
    /// <param name="status">The status.</param>
    public static string Title(ProjectStatus status) => status switch
    {
        ProjectStatus.Planned => "Planned",
        ProjectStatus.Active => "Active",
        ProjectStatus.OnHold => "On hold",
        ProjectStatus.Completed => "Completed",
        _ => "Cancelled",
    };

    /// <summary>The English name of the action that moves a project to a status (a resource key).</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    public static string Action(ProjectStatus from, ProjectStatus to) => (from, to) switch
    {
        (ProjectStatus.Planned, ProjectStatus.Active) => "Start",
        (ProjectStatus.OnHold, ProjectStatus.Active) => "Resume",
        (ProjectStatus.Completed, ProjectStatus.Active) or (ProjectStatus.Cancelled, ProjectStatus.Planned) => "Reopen",
        (_, ProjectStatus.OnHold) => "Put on hold",
        (_, ProjectStatus.Completed) => "Complete",
        _ => "Cancel project",
    };

    /// <summary>The English name of a billing mode (a resource key).</summary>
    /// <param name="mode">The billing mode.</param>
    public static string Title(BillingMode mode) => mode switch
    {
        BillingMode.TimeAndMaterials => "Time and materials",
        BillingMode.FixedFee => "Fixed fee",
        _ => "Prepaid hours",
    };
}
