using CrmBlazor.Plugins.Resources.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Resources.Features.Capacity;

/// <summary>
/// Loads a <see cref="CapacityGrid"/>: people, their schedules, time off, public holidays and
/// allocations for a span of weeks, one query each, with no check of who asks (the services that
/// call it check).
/// </summary>
public static class CapacityQueries
{
    /// <summary>Loads the grid of some people over the weeks holding <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="db">The context to read with.</param>
    /// <param name="personIds">The people (unknown ids are left out).</param>
    /// <param name="from">A day of the first week.</param>
    /// <param name="to">A day of the last week.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public static async Task<CapacityGrid> LoadAsync(ResourcesDbContext db, IReadOnlyCollection<long> personIds, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(personIds);
        var weeks = IsoWeek.Span(from, to).ToList();
        var first = weeks[0].Monday;
        var last = weeks[^1].Sunday;
        var ids = personIds.Distinct().ToList();

        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.HolidayCalendarId }).ToListAsync(cancellationToken);
        var schedules = await db.Schedules.AsNoTracking()
            .Where(s => ids.Contains(s.PersonId) && s.EffectiveFrom <= last).ToListAsync(cancellationToken);
        var timeOff = await db.TimeOff.AsNoTracking()
            .Where(t => ids.Contains(t.PersonId) && t.StartDate <= last && t.EndDate >= first).ToListAsync(cancellationToken);
        var calendarIds = people.Where(p => p.HolidayCalendarId != null).Select(p => p.HolidayCalendarId!.Value).Distinct().ToList();
        var holidays = calendarIds.Count == 0
            ? []
            : await db.PublicHolidays.AsNoTracking()
                .Where(h => calendarIds.Contains(h.CalendarId) && h.Date >= first && h.Date <= last)
                .Select(h => new { h.CalendarId, h.Date }).ToListAsync(cancellationToken);
        var allocations = await db.Allocations.AsNoTracking()
            .Where(a => ids.Contains(a.PersonId) && a.StartDate <= last && a.EndDate >= first).ToListAsync(cancellationToken);

        var schedulesOf = schedules.ToLookup(s => s.PersonId);
        var timeOffOf = timeOff.ToLookup(t => t.PersonId);
        var holidaysOf = holidays.ToLookup(h => h.CalendarId, h => h.Date);
        var calendars = people.ToDictionary(
            p => p.Id,
            p => new PersonCalendar(schedulesOf[p.Id], timeOffOf[p.Id], p.HolidayCalendarId is { } c ? holidaysOf[c] : []));
        return new CapacityGrid(weeks, calendars, allocations.ToLookup(a => a.PersonId));
    }
}
