using CrmBlazor.Plugins.Projects.Data;
using CrmBlazor.Plugins.Projects.Features.Shared;

namespace CrmBlazor.Plugins.Projects.Features.Time;

/// <summary>The rules every change of time obeys, in the week grid and the day view alike.</summary>
public static class TimeRules
{
    /// <summary>Minutes in a day: the most one person can log on one day, across all projects.</summary>
    public const int MinutesPerDay = 24 * 60;

    /// <summary>Refuses negative durations and more than a day.</summary>
    /// <param name="minutes">The duration.</param>
    public static Problem? CheckDuration(int minutes) => minutes switch
    {
        < 0 => new Problem("Hours cannot be negative."),
        > MinutesPerDay => new Problem("A day has 24 hours; enter at most 24."),
        _ => null,
    };

    /// <summary>Refuses time on a missing, completed or cancelled project.</summary>
    /// <param name="project">The project, or null if it does not exist.</param>
    public static Problem? CheckProject(Project? project) => project switch
    {
        null => new Problem("The project no longer exists."),
        { Status: Sdk.Projects.ProjectStatus.Completed } => new Problem("Time cannot be logged on {0}: the project is completed.", project.Name),
        { AcceptsTime: false } => new Problem("Time cannot be logged on {0}: the project is cancelled.", project.Name),
        _ => null,
    };

    /// <summary>Refuses a task of another project, and new time on a closed task.</summary>
    /// <param name="task">The task, or null when the time is on the project as a whole.</param>
    /// <param name="projectId">The project of the time.</param>
    /// <param name="isNew">Whether the time is new (existing time on a task closed later may still be corrected).</param>
    public static Problem? CheckTask(ProjectTask? task, long projectId, bool isNew) => task switch
    {
        null => null,
        _ when task.ProjectId != projectId => new Problem("The task belongs to another project."),
        { IsClosed: true } when isNew => new Problem("The task {0} is closed; log the time on another task.", task.Name),
        _ => null,
    };

    /// <summary>Refuses changes to billed time.</summary>
    /// <param name="entry">The existing entry.</param>
    public static Problem? CheckNotLocked(TimeEntry entry) =>
        BilledInvoice.Of(entry) switch
        {
            null => null,
            "" => new Problem("This time is on a draft invoice and can no longer be changed; take it off the draft first."),
            var number => new Problem("This time was billed on invoice {0} and can no longer be changed.", number),
        };

    /// <summary>Refuses a day with more than 24 hours across all projects.</summary>
    /// <param name="date">The day.</param>
    /// <param name="totalMinutes">The person's total that day if the change were saved.</param>
    public static Problem? CheckDayTotal(DateOnly date, int totalMinutes) =>
        totalMinutes > MinutesPerDay
            ? new Problem("At most 24 hours can be logged per day: {0:D} would have {1} hours.", date.ToDateTime(TimeOnly.MinValue), Math.Round(totalMinutes / 60m, 2))
            : null;

    /// <summary>Refuses a change whose entry was changed or removed by someone else meanwhile.</summary>
    public static Problem ChangedMeanwhile { get; } = new Problem("This time was changed by someone else since you loaded it; reload to see the current hours.");
}
