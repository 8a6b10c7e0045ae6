using CrmBlazor.Plugins.Resources.Data;
using CrmBlazor.Plugins.Resources.Features.Capacity;

namespace CrmBlazor.Plugins.Resources.Tests.Features.Capacity;

/// <summary>A person's capacity per day and week: the schedule in effect, less time off and public holidays.</summary>
public sealed class PersonCalendarTests
{
    // ISO week 2 of 2027: Monday 11 to Sunday 17 January.
    private static readonly IsoWeek Week = new(2027, 2);
    private static readonly DateOnly Monday = new(2027, 1, 11);

    [Fact]
    public void Capacity_BeforeTheFirstSchedule_IsNone()
    {
        var calendar = new PersonCalendar([Schedule(Monday.AddDays(7), 480)], [], []);

        Assert.Equal((0m, 0m, 0m), calendar.Week(Week));
    }

    [Fact]
    public void Capacity_OfAWeekWhereANewScheduleStartsMidweek_TakesEachDayFromTheScheduleInEffect()
    {
        // 8 h until Tuesday, 4 h from Wednesday on.
        var calendar = new PersonCalendar([Schedule(Monday.AddDays(2), 240), Schedule(Monday.AddDays(-30), 480)], [], []);

        Assert.Equal(8 * 60 * 2 + 4 * 60 * 3, calendar.Week(Week).Capacity);
    }

    [Fact]
    public void Capacity_OnAPublicHolidayWithAHalfDayOffToo_IsNoneAndNeverNegative()
    {
        var calendar = new PersonCalendar([Schedule(Monday.AddDays(-30), 480)], [Off(Monday, Monday, DayPortion.FirstHalf)], [Monday]);

        Assert.Equal((0m, 480m), (calendar.CapacityMinutes(Monday), calendar.AwayMinutes(Monday)));
    }

    [Fact]
    public void Capacity_WithBothHalvesOfADayOff_IsNone()
    {
        var calendar = new PersonCalendar(
            [Schedule(Monday.AddDays(-30), 450)], [Off(Monday, Monday, DayPortion.FirstHalf), Off(Monday, Monday, DayPortion.SecondHalf)], []);

        Assert.Equal(0m, calendar.CapacityMinutes(Monday));
    }

    [Fact]
    public void Capacity_WithTimeOffOnAWeekend_IsUnchanged()
    {
        var calendar = new PersonCalendar([Schedule(Monday.AddDays(-30), 480)], [Off(Monday.AddDays(5), Monday.AddDays(6), DayPortion.FullDay)], []);

        Assert.Equal((2400m, 0m), (calendar.Week(Week).Capacity, calendar.Week(Week).Away));
    }

    [Fact]
    public void Allocation_PerWeekStartingOnWednesday_TakesItsShareOfTheWorkingDays()
    {
        var calendar = new PersonCalendar([Schedule(Monday.AddDays(-30), 480)], [], []);
        var allocation = new Allocation { StartDate = Monday.AddDays(2), EndDate = Monday.AddDays(30), Unit = AllocationUnit.PerWeek, Minutes = 1000 };

        Assert.Equal(600m, calendar.AllocatedMinutes(allocation, Week));
    }

    [Fact]
    public void Allocation_PerDay_CountsWorkingDaysOnly()
    {
        var calendar = new PersonCalendar([Schedule(Monday.AddDays(-30), 480)], [], []);
        var allocation = new Allocation { StartDate = Monday.AddDays(3), EndDate = Monday.AddDays(9), Unit = AllocationUnit.PerDay, Minutes = 120 };

        Assert.Equal(2 * 120m, calendar.AllocatedMinutes(allocation, Week));
    }

    [Fact]
    public void Allocation_InAWeekWithoutWorkingDays_StillShowsByCalendarDays()
    {
        var calendar = new PersonCalendar([], [], []);
        var allocation = new Allocation { StartDate = Monday, EndDate = Monday.AddDays(6), Unit = AllocationUnit.PerWeek, Minutes = 600 };

        Assert.Equal(600m, calendar.AllocatedMinutes(allocation, Week));
    }

    [Fact]
    public void IsoWeek_AroundTheTurnOfTheYear_FollowsIso8601()
    {
        Assert.Equal(new IsoWeek(2026, 53), IsoWeek.Of(new DateOnly(2027, 1, 3)));
        Assert.Equal(new DateOnly(2026, 12, 28), new IsoWeek(2026, 53).Monday);
        Assert.Equal(new IsoWeek(2027, 1), new IsoWeek(2026, 53).Next);
    }

    private static WorkSchedule Schedule(DateOnly from, int minutesMondayToFriday) => new()
    {
        EffectiveFrom = from,
        MondayMinutes = minutesMondayToFriday,
        TuesdayMinutes = minutesMondayToFriday,
        WednesdayMinutes = minutesMondayToFriday,
        ThursdayMinutes = minutesMondayToFriday,
        FridayMinutes = minutesMondayToFriday,
    };

    private static TimeOff Off(DateOnly start, DateOnly end, DayPortion portion) => new() { StartDate = start, EndDate = end, Portion = portion };
}
