using CrmBlazor.Plugins.Resources.Data;
using CrmBlazor.Plugins.Resources.Features.Capacity;
using CrmBlazor.Plugins.Resources.Features.Shared;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Sdk.Resources;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Resources.Features.Facts;

/// <summary>
/// The plugin's implementation of <see cref="IResourceFacts"/> for other plugins (upsell detection,
/// reports). Like every SDK contract between plugins, it serves the calling plugin's services and jobs,
/// which check their own permissions. Set-based: a call reads the people, then the grid of
/// <see cref="CapacityQueries"/> (five queries), whatever the number of people and weeks.
/// </summary>
public sealed class ResourceFactsSource(IDbContextFactory<ResourcesDbContext> contexts, IProjectFacts projects) : IResourceFacts
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<PersonWeekFacts>> GetWeeksAsync(ResourceWeeksQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckSpan(query.From, query.To);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var people = db.People.AsNoTracking();
        if (query.PersonIds is null && query.UserIds is null)
        {
            people = people.Where(p => p.ReplacedByPersonId == null);
        }
        else
        {
            var ids = (query.PersonIds ?? []).ToList();
            var userIds = (query.UserIds ?? []).ToList();
            people = people.Where(p => ids.Contains(p.Id) || (p.UserId != null && userIds.Contains(p.UserId)));
        }

        var found = await people.Select(p => new { p.Id, p.UserId, p.Name }).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        if (found.Count == 0)
        {
            return [];
        }

        var grid = await CapacityQueries.LoadAsync(db, [.. found.Select(p => p.Id)], query.From, query.To, cancellationToken);
        return [.. found.SelectMany(p => grid.WeeksOf(p.Id).Select(w =>
        {
            var allocated = Hours.WholeMinutes(w.AllocatedMinutes);
            var tentative = Hours.WholeMinutes(w.TentativeMinutes);
            return new PersonWeekFacts(
                p.Id, p.UserId, p.Name, w.Week.Monday, Hours.WholeMinutes(w.CapacityMinutes), Hours.WholeMinutes(w.AwayMinutes),
                allocated, allocated - tentative, tentative);
        }))];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProjectWeekUtilisation>> GetCustomerUtilisationAsync(long customerId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        CheckSpan(from, to);
        var customerProjects = await projects.ListAsync(new ProjectFactsQuery(customerId), cancellationToken);
        if (customerProjects.Count == 0)
        {
            return [];
        }

        var weeks = IsoWeek.Span(from, to).ToList();
        var first = weeks[0].Monday;
        var last = weeks[^1].Sunday;
        var projectIds = customerProjects.Select(p => p.ProjectId).ToList();

        // Planned: the projects' allocations in the span, each spread over its person's working days.
        Dictionary<(long Project, DateOnly Week), (decimal Allocated, decimal Tentative)> planned = [];
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var personIds = await db.Allocations.AsNoTracking()
                .Where(a => projectIds.Contains(a.ProjectId) && a.StartDate <= last && a.EndDate >= first)
                .Select(a => a.PersonId).Distinct().ToListAsync(cancellationToken);
            if (personIds.Count > 0)
            {
                var grid = await CapacityQueries.LoadAsync(db, personIds, first, last, cancellationToken);
                foreach (var personId in grid.PersonIds)
                {
                    var calendar = grid.CalendarOf(personId);
                    foreach (var allocation in grid.AllocationsOf(personId).Where(a => projectIds.Contains(a.ProjectId)))
                    {
                        foreach (var week in weeks)
                        {
                            var minutes = calendar.AllocatedMinutes(allocation, week);
                            if (minutes > 0)
                            {
                                var (allocated, tentative) = planned.GetValueOrDefault((allocation.ProjectId, week.Monday));
                                planned[(allocation.ProjectId, week.Monday)] = (allocated + minutes, tentative + (allocation.IsTentative ? minutes : 0));
                            }
                        }
                    }
                }
            }
        }

        // Logged: one query for the customer's time in the span, summed by project and ISO week.
        var logged = (await projects.GetLoggedTimeAsync(new LoggedTimeQuery(first, last, CustomerId: customerId), cancellationToken))
            .GroupBy(t => (t.ProjectId, IsoWeek.Of(t.Date).Monday))
            .ToDictionary(g => g.Key, g => (Minutes: g.Sum(t => t.Minutes), Billable: g.Sum(t => t.BillableMinutes)));

        return [.. customerProjects.OrderBy(p => p.ProjectId).SelectMany(p => weeks.Select(w =>
        {
            var (allocated, tentative) = planned.GetValueOrDefault((p.ProjectId, w.Monday));
            var (minutes, billable) = logged.GetValueOrDefault((p.ProjectId, w.Monday));
            return new ProjectWeekUtilisation(
                p.ProjectId, p.CustomerId, p.Name, w.Monday, Hours.WholeMinutes(allocated), Hours.WholeMinutes(tentative), minutes, billable);
        }))];
    }

    private static void CheckSpan(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), "The last week cannot be before the first.");
        }

        if (IsoWeek.Span(from, to).Count() > IResourceFacts.MostWeeks)
        {
            throw new ArgumentOutOfRangeException(nameof(to), $"Ask for at most {IResourceFacts.MostWeeks} weeks at once.");
        }
    }
}
