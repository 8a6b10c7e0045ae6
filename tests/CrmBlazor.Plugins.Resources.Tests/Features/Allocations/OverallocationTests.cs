using CrmBlazor.Plugins.Resources.Data;
using CrmBlazor.Plugins.Resources.Features.Allocations;
using CrmBlazor.Plugins.Resources.Features.Capacity;

namespace CrmBlazor.Plugins.Resources.Tests.Features.Allocations;

/// <summary>Which weeks a change takes above capacity, and how the refusal names them.</summary>
public sealed class OverallocationTests
{
    private static readonly DateOnly Monday = new(2026, 11, 30);
    private static readonly PersonCalendar Calendar = new(
        [new WorkSchedule { EffectiveFrom = new DateOnly(2026, 1, 5), MondayMinutes = 450, TuesdayMinutes = 450, WednesdayMinutes = 450, ThursdayMinutes = 450, FridayMinutes = 450 }], [], []);

    [Fact]
    public void Find_AChangeThatLowersAnOverAllocatedWeek_IsNotAnOverAllocation()
    {
        var before = new[] { Week(1, 3000) };
        var after = new[] { Week(1, 2500) };

        Assert.Empty(Overallocation.Find(Calendar, before, after, [IsoWeek.Of(Monday)]));
    }

    [Fact]
    public void Find_AChangeThatFillsAWeekExactly_IsNotAnOverAllocation()
    {
        Assert.Empty(Overallocation.Find(Calendar, [], [Week(1, 2250)], [IsoWeek.Of(Monday)]));
    }

    [Fact]
    public void Refusal_NamesThePersonAndEachWeeksHoursOnTheConfirmationField()
    {
        var refusal = Overallocation.Refusal("Kavya", [new OverallocatedWeek(new IsoWeek(2026, 49), 2760, 2250)]);

        Assert.Equal(ChangeStatus.Invalid, refusal.Status);
        Assert.Equal(
            ["This takes Kavya above capacity. Confirm to save it anyway.", "46 h of 37.5 h in week 49 of 2026"],
            refusal.For(nameof(AllocationInput.ConfirmOverallocation)).Select(p => p.ToString()));
    }

    [Fact]
    public void Refusal_ForManyWeeks_ListsSixAndSumsUpTheRest()
    {
        var weeks = Enumerable.Range(1, 10).Select(w => new OverallocatedWeek(new IsoWeek(2027, w), 2400, 2250)).ToList();

        var messages = Overallocation.Refusal("Kavya", weeks).Messages.Select(p => p.ToString()).ToList();

        Assert.Equal(8, messages.Count);
        Assert.Equal("and 4 more weeks above capacity", messages[^1]);
    }

    private static Allocation Week(long id, int minutes) =>
        new() { Id = id, StartDate = Monday, EndDate = Monday.AddDays(6), Unit = AllocationUnit.PerWeek, Minutes = minutes };
}
