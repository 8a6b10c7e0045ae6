using CrmBlazor.Plugins.Resources.Data;

namespace CrmBlazor.Plugins.Resources.Features.Capacity;

/// <summary>
/// What one person can work on each day: the schedule in effect that day, less time off and public
/// holidays. Built from rows loaded for many people at once (<see cref="CapacityQueries"/>); computes
/// in memory without touching the database.
/// </summary>
public sealed class PersonCalendar
{
    private readonly WorkSchedule[] _schedules;
    private readonly TimeOff[] _timeOff;
    private readonly HashSet<DateOnly> _holidays;

    /// <summary>A person's calendar.</summary>
    /// <param name="schedules">The person's schedules (any order).</param>
    /// <param name="timeOff">The person's time off (at least that overlapping the days asked about).</param>
    /// <param name="holidays">The public holidays of the person's calendar.</param>
    public PersonCalendar(IEnumerable<WorkSchedule> schedules, IEnumerable<TimeOff> timeOff, IEnumerable<DateOnly> holidays)
    {
        _schedules = [.. schedules.OrderBy(s => s.EffectiveFrom)];
        _timeOff = [.. timeOff];
        _holidays = [.. holidays];
    }

    /// <summary>The schedule in effect on a day: the latest one starting on or before it; none before the first.</summary>
    /// <param name="day">The day.</param>
    public WorkSchedule? ScheduleOn(DateOnly day)
    {
        WorkSchedule? found = null;
        foreach (var schedule in _schedules)
        {
            if (schedule.EffectiveFrom > day)
            {
                break;
            }

            found = schedule;
        }

        return found;
    }

    /// <summary>The minutes the schedule in effect gives a day, before time off and holidays.</summary>
    /// <param name="day">The day.</param>
    public int ScheduledMinutes(DateOnly day) => ScheduleOn(day)?.MinutesOn(day.DayOfWeek) ?? 0;

    /// <summary>Whether the day is a public holiday of the person's calendar.</summary>
    /// <param name="day">The day.</param>
    public bool IsHoliday(DateOnly day) => _holidays.Contains(day);

    /// <summary>
    /// The scheduled minutes of a day the person is away: all of them on a public holiday or a full
    /// day off, half of them for each half day off (two half days make the whole day).
    /// </summary>
    /// <param name="day">The day.</param>
    public decimal AwayMinutes(DateOnly day)
    {
        var scheduled = ScheduledMinutes(day);
        if (scheduled == 0)
        {
            return 0;
        }

        if (IsHoliday(day))
        {
            return scheduled;
        }

        decimal away = 0;
        foreach (var off in _timeOff)
        {
            if (off.StartDate <= day && day <= off.EndDate)
            {
                away += off.Portion == DayPortion.FullDay ? scheduled : scheduled / 2m;
            }
        }

        return Math.Min(away, scheduled);
    }

    /// <summary>The minutes the person can work on a day.</summary>
    /// <param name="day">The day.</param>
    public decimal CapacityMinutes(DateOnly day) => ScheduledMinutes(day) - AwayMinutes(day);

    /// <summary>A week's scheduled minutes, minutes away and capacity.</summary>
    /// <param name="week">The week.</param>
    public (decimal Scheduled, decimal Away, decimal Capacity) Week(IsoWeek week)
    {
        decimal scheduled = 0, away = 0;
        foreach (var day in week.Days)
        {
            scheduled += ScheduledMinutes(day);
            away += AwayMinutes(day);
        }

        return (scheduled, away, scheduled - away);
    }

    /// <summary>
    /// The minutes an allocation takes in a week. Per day: its minutes on each working day (a day the
    /// schedule in effect gives hours) of the range in that week. Per week: its minutes, shared out by
    /// working days when the range covers part of the week; in a week without working days, by
    /// calendar days, so that the allocation still shows (against no capacity). Time off does not
    /// shrink an allocation: planned work on a day off is over-allocation to resolve, not to hide.
    /// </summary>
    /// <param name="allocation">The allocation.</param>
    /// <param name="week">The week.</param>
    public decimal AllocatedMinutes(Allocation allocation, IsoWeek week)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        var from = Max(allocation.StartDate, week.Monday);
        var to = Min(allocation.EndDate, week.Sunday);
        if (from > to)
        {
            return 0;
        }

        int workingDays = 0, workingDaysInRange = 0;
        foreach (var day in week.Days)
        {
            if (ScheduledMinutes(day) > 0)
            {
                workingDays++;
                if (day >= from && day <= to)
                {
                    workingDaysInRange++;
                }
            }
        }

        if (allocation.Unit == AllocationUnit.PerDay)
        {
            return (decimal)allocation.Minutes * workingDaysInRange;
        }

        if (workingDays == 0)
        {
            return allocation.Minutes * (to.DayNumber - from.DayNumber + 1) / 7m;
        }

        return allocation.Minutes * (decimal)workingDaysInRange / workingDays;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
