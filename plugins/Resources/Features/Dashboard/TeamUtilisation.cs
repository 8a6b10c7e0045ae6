using CrmBlazor.Plugins.Resources.Data;
using CrmBlazor.Plugins.Resources.Features.Capacity;
using CrmBlazor.Plugins.Resources.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Resources.Features.Dashboard;

/// <summary>The planning of everyone one may see in one week.</summary>
/// <param name="WeekStart">The week's Monday.</param>
/// <param name="Week">The ISO week's number.</param>
/// <param name="CapacityMinutes">Their capacity together.</param>
/// <param name="AllocatedMinutes">What is planned for them together.</param>
public sealed record TeamWeek(DateOnly WeekStart, int Week, decimal CapacityMinutes, decimal AllocatedMinutes)
{
    /// <summary>Allocated ÷ capacity of them all, or null without capacity.</summary>
    public decimal? Utilisation => CapacityMinutes > 0 ? AllocatedMinutes / CapacityMinutes : null;
}

/// <summary>One person's planning over the weeks shown.</summary>
/// <param name="PersonId">The person.</param>
/// <param name="Name">The name.</param>
/// <param name="CapacityMinutes">Capacity over the weeks.</param>
/// <param name="AllocatedMinutes">Planned over the weeks.</param>
public sealed record PersonUtilisation(long PersonId, string Name, decimal CapacityMinutes, decimal AllocatedMinutes)
{
    /// <summary>Allocated ÷ capacity, or null without capacity.</summary>
    public decimal? Utilisation => CapacityMinutes > 0 ? AllocatedMinutes / CapacityMinutes : null;
}

/// <summary>What the utilisation widget shows.</summary>
/// <param name="Weeks">The weeks, the current one first.</param>
/// <param name="People">How many people it covers.</param>
/// <param name="MostUsed">The most planned people (above the average), most planned first.</param>
/// <param name="LeastUsed">The least planned people (below the average), least planned first.</param>
public sealed record TeamUtilisationView(IReadOnlyList<TeamWeek> Weeks, int People, IReadOnlyList<PersonUtilisation> MostUsed, IReadOnlyList<PersonUtilisation> LeastUsed)
{
    /// <summary>Allocated ÷ capacity over all the weeks, or null without capacity.</summary>
    public decimal? Average
    {
        get
        {
            var capacity = Weeks.Sum(w => w.CapacityMinutes);
            return capacity > 0 ? Weeks.Sum(w => w.AllocatedMinutes) / capacity : null;
        }
    }
}

/// <summary>
/// The utilisation of the people the user may see (their own for everyone, their team's for a manager,
/// everyone's for a planner of all) over the next weeks: per week for them all, and the people most and
/// least planned. Set-based: the people, then the grid of <see cref="CapacityQueries"/>.
/// </summary>
public sealed class TeamUtilisation(IDbContextFactory<ResourcesDbContext> contexts, ResourcesAccess access, TimeProvider clock)
{
    /// <summary>How many weeks the widget shows, the current one first.</summary>
    public const int WeeksShown = 4;

    /// <summary>How many people each of the most and least planned lists names at most.</summary>
    public const int PeopleNamed = 3;

    /// <summary>The view for the user.</summary>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public async Task<TeamUtilisationView> LoadAsync(CancellationToken cancellationToken = default)
    {
        var first = IsoWeek.Of(DateOnly.FromDateTime(clock.GetLocalNow().DateTime)).Monday;
        var last = first.AddDays((7 * WeeksShown) - 1);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visible = (await access.VisibleAsync(db.People.AsNoTracking(), cancellationToken)).Where(p => p.ReplacedByPersonId == null);
        var people = await visible.Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        var grid = await CapacityQueries.LoadAsync(db, [.. people.Select(p => p.Id)], first, last, cancellationToken);
        var loads = people.ToDictionary(p => p.Id, p => grid.WeeksOf(p.Id));
        var weeks = grid.Weeks.Select((week, i) => new TeamWeek(
            week.Monday, week.Week, loads.Values.Sum(l => l[i].CapacityMinutes), loads.Values.Sum(l => l[i].AllocatedMinutes))).ToList();
        var persons = people.Select(p => new PersonUtilisation(p.Id, p.Name, loads[p.Id].Sum(w => w.CapacityMinutes), loads[p.Id].Sum(w => w.AllocatedMinutes)))
            .Where(p => p.Utilisation is not null).ToList();
        var view = new TeamUtilisationView(weeks, people.Count, [], []);
        var average = view.Average ?? 0;
        return view with
        {
            MostUsed = [.. persons.Where(p => p.Utilisation > average).OrderByDescending(p => p.Utilisation).ThenBy(p => p.Name, StringComparer.CurrentCulture).Take(PeopleNamed)],
            LeastUsed = [.. persons.Where(p => p.Utilisation < average).OrderBy(p => p.Utilisation).ThenBy(p => p.Name, StringComparer.CurrentCulture).Take(PeopleNamed)],
        };
    }
}
