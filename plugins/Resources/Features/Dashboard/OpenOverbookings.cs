using CrmBlazor.Plugins.Resources.Data;
using CrmBlazor.Plugins.Resources.Features.Capacity;
using CrmBlazor.Plugins.Resources.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Resources.Features.Dashboard;

/// <summary>An open over-allocation as the dashboard lists it.</summary>
/// <param name="PersonId">The person.</param>
/// <param name="PersonName">The person's name.</param>
/// <param name="Year">The ISO week's year.</param>
/// <param name="Week">The ISO week's number.</param>
/// <param name="AllocatedMinutes">What was planned when the daily check found it.</param>
/// <param name="CapacityMinutes">The capacity then.</param>
public sealed record OpenOverbooking(long PersonId, string PersonName, int Year, int Week, int AllocatedMinutes, int CapacityMinutes);

/// <summary>
/// The over-allocations the daily check found and that are still open, from the current week on, of the
/// people the user plans (their team; everyone for a planner of all): what a manager's dashboard lists.
/// </summary>
public sealed class OpenOverbookings(IDbContextFactory<ResourcesDbContext> contexts, ResourcesAccess access, TimeProvider clock)
{
    /// <summary>How many the dashboard lists at most; it says how many more there are.</summary>
    public const int MostListed = 10;

    /// <summary>The open over-allocations of the people the user plans, soonest week first, at most <see cref="MostListed"/>, and how many there are in all.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="UnauthorizedAccessException">The user plans nobody.</exception>
    public async Task<(IReadOnlyList<OpenOverbooking> Listed, int Total)> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!await access.CanPlanAnyoneAsync(cancellationToken))
        {
            throw new UnauthorizedAccessException("You plan nobody.");
        }

        var thisWeek = IsoWeek.Of(DateOnly.FromDateTime(clock.GetLocalNow().DateTime)).Monday;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var planned = await PlannedAsync(db.People.AsNoTracking(), cancellationToken);
        var open = from o in db.Overbookings.AsNoTracking()
                   join p in planned on o.PersonId equals p.Id
                   where o.ResolvedAt == null && o.WeekStart >= thisWeek
                   select new { o.PersonId, p.Name, o.WeekStart, o.AllocatedMinutes, o.CapacityMinutes };
        var total = await open.CountAsync(cancellationToken);
        var rows = await open.OrderBy(o => o.WeekStart).ThenBy(o => o.PersonId).Take(MostListed).ToListAsync(cancellationToken);
        return ([.. rows.Select(r =>
        {
            var week = IsoWeek.Of(r.WeekStart);
            return new OpenOverbooking(r.PersonId, r.Name, week.Year, week.Week, r.AllocatedMinutes, r.CapacityMinutes);
        })], total);
    }

    // Those the user plans, not merely sees: a manager's own over-allocation is their manager's to resolve.
    private async Task<IQueryable<Person>> PlannedAsync(IQueryable<Person> people, CancellationToken cancellationToken)
    {
        if (await access.CanPlanAllAsync(cancellationToken))
        {
            return people;
        }

        var me = access.UserId;
        return people.Where(p => p.ManagerUserId == me);
    }
}
