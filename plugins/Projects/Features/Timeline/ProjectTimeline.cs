using System.Globalization;
using CrmBlazor.Plugins.Projects.Data;
using CrmBlazor.Plugins.Projects.Features.Customers;
using CrmBlazor.Plugins.Projects.Features.Shared;
using CrmBlazor.Sdk.Events;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Sdk.Timeline;
using CrmBlazor.Sdk.Users;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Projects.Features.Timeline;

/// <summary>The plugin's entries on customers' timelines, and their keys (one per fact, so recording again replaces).</summary>
public static class ProjectTimeline
{
    /// <summary>A project became active.</summary>
    public const string StartedKind = "projects.project-started";

    /// <summary>A project was completed.</summary>
    public const string CompletedKind = "projects.project-completed";

    /// <summary>The time logged for a customer on a day, all projects and people together.</summary>
    public const string TimeKind = "projects.time-logged";

    /// <summary>The kinds the plugin declares.</summary>
    public static IReadOnlyList<TimelineKind> Kinds { get; } =
    [
        new(StartedKind, "Project started", MudBlazor.Icons.Material.Filled.PlayArrow),
        new(CompletedKind, "Project completed", MudBlazor.Icons.Material.Filled.Flag),
        new(TimeKind, "Time logged", MudBlazor.Icons.Material.Filled.Timer),
    ];

    /// <summary>The key of a customer's time summary for a day.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="date">The day.</param>
    public static string TimeKey(long customerId, DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"projects.time:{customerId}:{date:yyyy-MM-dd}");

    /// <summary>The time stamp of a day's summary: noon UTC of the day, so that it sorts within the day wherever the reader is.</summary>
    /// <param name="date">The day.</param>
    public static DateTimeOffset NoonOf(DateOnly date) => new(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}

/// <summary>Puts a started project on its customer's timeline.</summary>
public sealed class ProjectStartedTimelineHandler(ITimeline timeline) : IDomainEventHandler<ProjectStarted>
{
    /// <inheritdoc />
    public Task HandleAsync(ProjectStarted domainEvent, DomainEventContext context, CancellationToken cancellationToken) =>
        timeline.RecordAsync(new TimelineEntry(
            domainEvent.CustomerId, ProjectTimeline.StartedKind, $"projects.project:{domainEvent.ProjectId}:started", context.OccurredAt,
            "Project started: " + domainEvent.ProjectName, Link: $"/projects/{domainEvent.ProjectId}"), cancellationToken);
}

/// <summary>Puts a completed project on its customer's timeline.</summary>
public sealed class ProjectCompletedTimelineHandler(ITimeline timeline) : IDomainEventHandler<ProjectCompleted>
{
    /// <inheritdoc />
    public Task HandleAsync(ProjectCompleted domainEvent, DomainEventContext context, CancellationToken cancellationToken) =>
        timeline.RecordAsync(new TimelineEntry(
            domainEvent.CustomerId, ProjectTimeline.CompletedKind, $"projects.project:{domainEvent.ProjectId}:completed", context.OccurredAt,
            "Project completed: " + domainEvent.ProjectName, Link: $"/projects/{domainEvent.ProjectId}"), cancellationToken);
}

/// <summary>
/// Keeps one timeline entry per customer and day with all the time logged for the customer that day,
/// recomputed from the entries at each delivery (so repeated or late deliveries leave it right), and
/// refreshes the customer's figures.
/// </summary>
public sealed class TimeLoggedTimelineHandler(
    IDbContextFactory<ProjectsDbContext> contexts,
    ITimeline timeline,
    IUserDirectory users,
    ProjectCustomerFigures figures) : IDomainEventHandler<TimeLogged>
{
    /// <inheritdoc />
    public async Task HandleAsync(TimeLogged domainEvent, DomainEventContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var customerId = domainEvent.CustomerId;
        var key = ProjectTimeline.TimeKey(customerId, domainEvent.Date);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var day = await (from t in db.TimeEntries.AsNoTracking()
                         join p in db.Projects on t.ProjectId equals p.Id
                         where p.CustomerId == customerId && t.Date == domainEvent.Date
                         group t by new { p.Id, p.Name, t.UserId } into g
                         select new { ProjectId = g.Key.Id, ProjectName = g.Key.Name, g.Key.UserId, Minutes = g.Sum(t => t.Minutes) })
            .ToListAsync(cancellationToken);
        if (day.Sum(d => d.Minutes) == 0)
        {
            await timeline.RemoveAsync(key, cancellationToken);
        }
        else
        {
            var people = await users.GetManyAsync([.. day.Select(d => d.UserId).Distinct()], cancellationToken);
            var projects = day.GroupBy(d => (d.ProjectId, d.ProjectName)).OrderByDescending(g => g.Sum(d => d.Minutes)).ToList();
            var title = projects.Count == 1
                ? $"{Hours(day.Sum(d => d.Minutes))} h logged on {projects[0].Key.ProjectName}"
                : $"{Hours(day.Sum(d => d.Minutes))} h logged on {projects.Count} projects";
            var summary = string.Join("; ", projects.Select(g => $"{g.Key.ProjectName}: " + string.Join(", ",
                g.OrderByDescending(d => d.Minutes).Select(d => $"{(people.TryGetValue(d.UserId, out var u) ? u.Name : d.UserId)} {Hours(d.Minutes)} h"))));
            await timeline.RecordAsync(new TimelineEntry(
                customerId, ProjectTimeline.TimeKind, key, ProjectTimeline.NoonOf(domainEvent.Date), title, summary,
                projects.Count == 1 ? $"/projects/{projects[0].Key.ProjectId}" : null), cancellationToken);
        }

        await figures.RefreshAsync(customerId, cancellationToken);
    }

    private static string Hours(int minutes) => HoursText.Format(minutes, CultureInfo.InvariantCulture);
}
