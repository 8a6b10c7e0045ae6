using CrmBlazor.Plugins.Projects.Data;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Projects;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Projects.Features.Customers;

/// <summary>
/// The figures the plugin keeps about customers in the core, for segment rules and the customer page:
/// open projects and hours of the last 90 days. Refreshed for one customer when its projects or time
/// change, and for all every night (the 90 days move on).
/// </summary>
public sealed class ProjectCustomerFigures(IDbContextFactory<ProjectsDbContext> contexts, ICustomerFigures figures, TimeProvider clock)
{
    /// <summary>Open (planned, active or on hold) projects.</summary>
    public const string OpenProjects = "projects.open-projects";

    /// <summary>Hours logged on the customer's projects in the last 90 days.</summary>
    public const string HoursLast90Days = "projects.hours-last-90-days";

    /// <summary>The declarations registered by the plugin.</summary>
    public static IReadOnlyList<CustomerFigureDefinition> Definitions { get; } =
    [
        new(OpenProjects, "Open projects", FigureKind.Number),
        new(HoursLast90Days, "Hours in the last 90 days", FigureKind.Number),
    ];

    /// <summary>Recomputes one customer's figures.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task RefreshAsync(long customerId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = await OpenProjectsQuery(db).CountAsync(p => p.CustomerId == customerId, cancellationToken);
        var since = Since();
        var minutes = await db.TimeEntries.Where(t => t.Date >= since && db.Projects.Any(p => p.Id == t.ProjectId && p.CustomerId == customerId))
            .SumAsync(t => t.Minutes, cancellationToken);
        await figures.SetAsync(customerId, OpenProjects, open == 0 ? null : open, cancellationToken: cancellationToken);
        await figures.SetAsync(customerId, HoursLast90Days, minutes == 0 ? null : Math.Round(minutes / 60.0, 2), cancellationToken: cancellationToken);
    }

    /// <summary>Recomputes every customer's figures (customers without projects or recent time lose them).</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task RefreshAllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = await OpenProjectsQuery(db).GroupBy(p => p.CustomerId)
            .Select(g => new { CustomerId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.CustomerId, g => (double)g.Count, cancellationToken);
        var since = Since();
        var hours = await (from t in db.TimeEntries
                           join p in db.Projects on t.ProjectId equals p.Id
                           where t.Date >= since
                           group t by p.CustomerId into g
                           select new { CustomerId = g.Key, Minutes = g.Sum(t => t.Minutes) })
            .ToDictionaryAsync(g => g.CustomerId, g => Math.Round(g.Minutes / 60.0, 2), cancellationToken);
        await figures.ReplaceAllAsync(OpenProjects, open, cancellationToken);
        await figures.ReplaceAllAsync(HoursLast90Days, hours.Where(h => h.Value > 0).ToDictionary(), cancellationToken);
    }

    private static IQueryable<Project> OpenProjectsQuery(ProjectsDbContext db) =>
        db.Projects.Where(p => p.Status == ProjectStatus.Planned || p.Status == ProjectStatus.Active || p.Status == ProjectStatus.OnHold);

    private DateOnly Since() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-89);
}
