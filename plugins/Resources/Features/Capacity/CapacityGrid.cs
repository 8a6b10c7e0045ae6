using CrmBlazor.Plugins.Resources.Data;

namespace CrmBlazor.Plugins.Resources.Features.Capacity;

/// <summary>
/// Capacity and allocations of many people over a run of weeks, loaded in a handful of set-based
/// queries by <see cref="CapacityQueries"/> and computed in memory: a board of 200 people and 52
/// weeks is five queries, whatever the number of cells.
/// </summary>
public sealed class CapacityGrid
{
    private readonly IReadOnlyDictionary<long, PersonCalendar> _calendars;
    private readonly ILookup<long, Allocation> _allocations;

    internal CapacityGrid(IReadOnlyList<IsoWeek> weeks, IReadOnlyDictionary<long, PersonCalendar> calendars, ILookup<long, Allocation> allocations)
    {
        Weeks = weeks;
        _calendars = calendars;
        _allocations = allocations;
    }

    /// <summary>The weeks loaded, in order.</summary>
    public IReadOnlyList<IsoWeek> Weeks { get; }

    /// <summary>The people loaded.</summary>
    public IEnumerable<long> PersonIds => _calendars.Keys;

    /// <summary>A person's calendar (schedules, time off, holidays).</summary>
    /// <param name="personId">The person.</param>
    public PersonCalendar CalendarOf(long personId) => _calendars[personId];

    /// <summary>The allocations of a person that overlap the weeks loaded.</summary>
    /// <param name="personId">The person.</param>
    public IEnumerable<Allocation> AllocationsOf(long personId) => _allocations[personId];

    /// <summary>Every loaded week of a person.</summary>
    /// <param name="personId">The person.</param>
    public IReadOnlyList<WeekLoad> WeeksOf(long personId) => [.. Weeks.Select(w => Load(personId, w))];

    /// <summary>One week of a person.</summary>
    /// <param name="personId">The person.</param>
    /// <param name="week">The week.</param>
    public WeekLoad Load(long personId, IsoWeek week) => Load(CalendarOf(personId), AllocationsOf(personId), week);

    /// <summary>A week of a calendar with the given allocations (the planned state of a change not saved yet).</summary>
    /// <param name="calendar">The person's calendar.</param>
    /// <param name="allocations">The person's allocations.</param>
    /// <param name="week">The week.</param>
    public static WeekLoad Load(PersonCalendar calendar, IEnumerable<Allocation> allocations, IsoWeek week)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(allocations);
        var (scheduled, away, capacity) = calendar.Week(week);
        decimal allocated = 0, tentative = 0;
        foreach (var allocation in allocations)
        {
            var minutes = calendar.AllocatedMinutes(allocation, week);
            allocated += minutes;
            if (allocation.IsTentative)
            {
                tentative += minutes;
            }
        }

        return new WeekLoad(week, scheduled, away, capacity, allocated, tentative);
    }
}
