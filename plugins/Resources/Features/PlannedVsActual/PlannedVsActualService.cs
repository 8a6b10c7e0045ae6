using CrmBlazor.Plugins.Resources.Data;
using CrmBlazor.Plugins.Resources.Features.Capacity;
using CrmBlazor.Plugins.Resources.Features.Shared;
using CrmBlazor.Sdk.Projects;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Resources.Features.PlannedVsActual;

/// <summary>A week's planned hours against the hours logged.</summary>
/// <param name="Week">The week.</param>
/// <param name="PlannedMinutes">Minutes allocated (tentative included, as utilisation counts them).</param>
/// <param name="LoggedMinutes">Minutes logged in the projects plugin.</param>
public sealed record PlannedWeek(IsoWeek Week, decimal PlannedMinutes, decimal LoggedMinutes)
{
    /// <summary>Logged less planned: above zero more was worked than planned.</summary>
    public decimal DifferenceMinutes => LoggedMinutes - PlannedMinutes;
}

/// <summary>
/// Where a project's hours budget is heading: the hours logged so far plus the hours of its confirmed
/// allocations still to come (from today on), against the budget hours.
/// </summary>
/// <param name="BudgetHours">The budget hours, or null when the project has none.</param>
/// <param name="LoggedHours">Hours logged so far.</param>
/// <param name="PlannedHours">Hours of confirmed allocations from today on.</param>
/// <param name="CrossingWeek">The week the budget would be crossed, or null when it would not be (or was already).</param>
public sealed record BudgetProjection(decimal? BudgetHours, decimal LoggedHours, decimal PlannedHours, IsoWeek? CrossingWeek)
{
    /// <summary>Logged plus planned.</summary>
    public decimal ProjectedHours => LoggedHours + PlannedHours;

    /// <summary>The projected hours as a whole percentage of the budget, or null without budget hours.</summary>
    public decimal? Percent => BudgetHours is > 0 ? Math.Round(ProjectedHours / BudgetHours.Value * 100m) : null;

    /// <summary>Whether the hours logged already exceed the budget.</summary>
    public bool AlreadyOver => BudgetHours is { } budget && LoggedHours > budget;
}

/// <summary>
/// Planned against actual: the hours allocated per week (computed like capacity, set-based) against
/// the time logged, read only through <see cref="IProjectFacts.GetLoggedTimeAsync"/>; people are
/// matched to the time they log by their user id. And a project's projected budget burn.
/// </summary>
public sealed class PlannedVsActualService(IDbContextFactory<ResourcesDbContext> contexts, ResourcesAccess access, IProjectFacts projects, TimeProvider clock)
{
    /// <summary>The most weeks shown at once.</summary>
    public const int MostWeeks = 53;

    /// <summary>
    /// A project's weeks: the allocations of the people the user may see, and the time they logged on
    /// it (a planner of all sees everyone's time, people not planned included).
    /// </summary>
    /// <param name="projectId">The project.</param>
    /// <param name="from">A day of the first week.</param>
    /// <param name="to">A day of the last week.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public async Task<IReadOnlyList<PlannedWeek>> ForProjectAsync(long projectId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var weeks = Weeks(from, to);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visible = await access.VisibleAsync(db.People.AsNoTracking(), cancellationToken);
        var people = await visible.Select(p => new { p.Id, p.UserId }).ToListAsync(cancellationToken);
        var first = weeks[0].Monday;
        var last = weeks[^1].Sunday;
        var ids = people.Select(p => p.Id).ToList();
        var planned = await db.Allocations.AsNoTracking()
            .Where(a => a.ProjectId == projectId && ids.Contains(a.PersonId) && a.StartDate <= last && a.EndDate >= first)
            .Select(a => a.PersonId).Distinct().ToListAsync(cancellationToken);
        var grid = await CapacityQueries.LoadAsync(db, planned, first, last, cancellationToken);

        var logged = await projects.GetLoggedTimeAsync(new LoggedTimeQuery(first, last, ProjectId: projectId), cancellationToken);
        if (!await access.CanPlanAllAsync(cancellationToken))
        {
            var users = people.Where(p => p.UserId != null).Select(p => p.UserId!).ToHashSet(StringComparer.Ordinal);
            logged = [.. logged.Where(t => users.Contains(t.UserId))];
        }

        var loggedByWeek = logged.GroupBy(t => IsoWeek.Of(t.Date)).ToDictionary(g => g.Key, g => (decimal)g.Sum(t => t.Minutes));
        return [.. weeks.Select(week => new PlannedWeek(
            week,
            grid.PersonIds.Sum(id => grid.AllocationsOf(id).Where(a => a.ProjectId == projectId).Sum(a => grid.CalendarOf(id).AllocatedMinutes(a, week))),
            loggedByWeek.GetValueOrDefault(week)))];
    }

    /// <summary>A person's weeks: their allocations on every project against the time they logged on every project.</summary>
    /// <param name="personId">The person.</param>
    /// <param name="from">A day of the first week.</param>
    /// <param name="to">A day of the last week.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <exception cref="UnauthorizedAccessException">The user may not see the person's planning (or there is no such person).</exception>
    public async Task<IReadOnlyList<PlannedWeek>> ForPersonAsync(long personId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var weeks = Weeks(from, to);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var person = await access.FindVisibleAsync(db, personId, cancellationToken)
            ?? throw new UnauthorizedAccessException("You cannot see this person's planning.");
        var grid = await CapacityQueries.LoadAsync(db, [person.Id], weeks[0].Monday, weeks[^1].Sunday, cancellationToken);
        IReadOnlyList<LoggedTime> logged = person.UserId is null
            ? []
            : await projects.GetLoggedTimeAsync(new LoggedTimeQuery(weeks[0].Monday, weeks[^1].Sunday, UserId: person.UserId), cancellationToken);
        var loggedByWeek = logged.GroupBy(t => IsoWeek.Of(t.Date)).ToDictionary(g => g.Key, g => (decimal)g.Sum(t => t.Minutes));
        return [.. grid.WeeksOf(person.Id).Select(w => new PlannedWeek(w.Week, w.AllocatedMinutes, loggedByWeek.GetValueOrDefault(w.Week)))];
    }

    /// <summary>
    /// Where a project's hours budget is heading: the hours logged (the project's burn) plus the hours of
    /// every confirmed allocation from today on, whoever is planned, and the week the total would pass
    /// the budget hours. Null when there is no such project.
    /// </summary>
    /// <param name="projectId">The project.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public async Task<BudgetProjection?> ProjectAsync(long projectId, CancellationToken cancellationToken = default)
    {
        var facts = await projects.GetAsync(projectId, cancellationToken);
        if (facts is null || !await access.CanSeeAnyoneAsync(cancellationToken))
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var confirmed = await db.Allocations.AsNoTracking()
            .Where(a => a.ProjectId == projectId && !a.IsTentative && a.EndDate >= today)
            .ToListAsync(cancellationToken);
        var budget = facts.Budget.Hours;
        var logged = facts.Burn.Hours;
        if (confirmed.Count == 0)
        {
            return new BudgetProjection(budget, logged, 0m, null);
        }

        // Only the part still to come: an allocation that started earlier counts from today.
        foreach (var allocation in confirmed.Where(a => a.StartDate < today))
        {
            allocation.StartDate = today;
        }

        var grid = await CapacityQueries.LoadAsync(db, [.. confirmed.Select(a => a.PersonId).Distinct()], today, confirmed.Max(a => a.EndDate), cancellationToken);
        var byPerson = confirmed.ToLookup(a => a.PersonId);
        decimal plannedMinutes = 0;
        IsoWeek? crossing = null;
        var budgetMinutes = budget * 60m;
        foreach (var week in grid.Weeks)
        {
            plannedMinutes += grid.PersonIds.Sum(id => byPerson[id].Sum(a => grid.CalendarOf(id).AllocatedMinutes(a, week)));
            if (crossing is null && budgetMinutes is { } limit && logged * 60m <= limit && logged * 60m + Math.Round(plannedMinutes) > limit)
            {
                crossing = week;
            }
        }

        return new BudgetProjection(budget, logged, Hours.FromMinutes(plannedMinutes), crossing);
    }

    private static List<IsoWeek> Weeks(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), "The last week cannot be before the first.");
        }

        return [.. IsoWeek.Span(from, to).Take(MostWeeks)];
    }
}
