using CrmBlazor.Plugins.Resources.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Resources.IntegrationTests.Capacity;

/// <summary>
/// Capacity over time: a schedule holds from its first day on and never reaches back, so past weeks
/// keep their capacity and utilisation; time off (whole and half days) and public holidays reduce it.
/// </summary>
public abstract class CapacityHistoryTests(ResourcesHostFixture fixture)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Schedule_ChangedFromNextMonth_LeavesEveryEarlierWeekAsItWas()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var project = await fixture.Resources.CreateProjectAsync(admin, (await new CustomerBuilder().SaveAsync(fixture.Host)).Id);
        var from = Today.AddDays(-7 * 26 - ((int)Today.DayOfWeek + 6) % 7); // a Monday
        var to = from.AddDays(7 * 39 - 1); // a Sunday about 12 weeks ahead, so that every week is whole
        var person = await fixture.Resources.AddPersonAsync(admin, from.AddDays(-14), hoursPerDay: 7.5m);
        Assert.True((await fixture.Resources.AllocateAsync(admin, person, project, from, to, hours: 30m)).Saved);
        var before = await fixture.Resources.WeeksAsync(admin, person, from, to);
        var nextMonth = new DateOnly(Today.Year, Today.Month, 1).AddMonths(1);

        var outcome = await fixture.Resources.SetScheduleAsync(admin, person, nextMonth, hoursPerDay: 4m);
        var after = await fixture.Resources.WeeksAsync(admin, person, from, to);

        Assert.True(outcome.Saved, string.Join(" ", outcome.Messages));
        var earlier = before.Where(w => w.Monday.AddDays(6) < nextMonth).ToList();
        Assert.True(earlier.Count >= 26);
        Assert.All(earlier, w => Assert.Equal((37.5m, 30m, 0.8m), (w.Capacity, w.Allocated, w.Utilisation!.Value)));
        Assert.Equal(earlier, after.Where(w => w.Monday.AddDays(6) < nextMonth));
        Assert.All(after.Where(w => w.Monday >= nextMonth), w => Assert.Equal((20m, 1.5m), (w.Capacity, w.Utilisation!.Value)));
    }

    [Fact]
    public async Task Schedule_StartingBeforeThisWeek_IsRefusedAndChangesNothing()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var person = await fixture.Resources.AddPersonAsync(admin, Today.AddDays(-60));
        var before = await fixture.Resources.WeeksAsync(admin, person, Today.AddDays(-30), Today);

        var outcome = await fixture.Resources.SetScheduleAsync(admin, person, Today.AddDays(-14), hoursPerDay: 4m);

        Assert.Equal(("Invalid", "A new schedule starts this week or later; earlier weeks keep the hours they had."), (outcome.Status, Assert.Single(outcome.Messages)));
        Assert.Equal(before, await fixture.Resources.WeeksAsync(admin, person, Today.AddDays(-30), Today));
    }

    [Fact]
    public async Task PublicHoliday_OfThePersonsCalendar_TakesTheDayOutOfTheWeek()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var person = await fixture.Resources.AddPersonAsync(admin, new DateOnly(2026, 1, 5), calendarCode: "GB");

        // Week 52 of 2026 holds Christmas Day (Friday 25 December).
        var week = Assert.Single(await fixture.Resources.WeeksAsync(admin, person, new DateOnly(2026, 12, 21), new DateOnly(2026, 12, 21)));

        Assert.Equal((52, 30m, 7.5m), (week.Number, week.Capacity, week.Away));
    }

    [Fact]
    public async Task TimeOff_AWholeDayAndAHalfDay_ReduceTheWeeksCapacityByTheirScheduledHours()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var person = await fixture.Resources.AddPersonAsync(admin, new DateOnly(2026, 1, 5), hoursPerDay: 8m);
        var monday = new DateOnly(2027, 2, 1);

        Assert.True((await fixture.Resources.AddTimeOffAsync(admin, person, monday, monday, portion: "FirstHalf", kind: "Holiday")).Saved);
        Assert.True((await fixture.Resources.AddTimeOffAsync(admin, person, monday.AddDays(1), monday.AddDays(1), kind: "Sick")).Saved);
        var week = Assert.Single(await fixture.Resources.WeeksAsync(admin, person, monday, monday));

        Assert.Equal((40m - 4m - 8m, 12m), (week.Capacity, week.Away));
    }

    [Fact]
    public async Task TimeOff_AHalfDayAcrossTwoDays_IsRefusedOnThePortion()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var person = await fixture.Resources.AddPersonAsync(admin, new DateOnly(2026, 1, 5));

        var outcome = await fixture.Resources.AddTimeOffAsync(admin, person, new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 2), portion: "SecondHalf");

        Assert.Equal(("Invalid", "Portion", "A half day is one day: make the first and the last day the same."),
            (outcome.Status, Assert.Single(outcome.Fields), Assert.Single(outcome.Messages)));
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteResourcesHostFixture fixture) : CapacityHistoryTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresResourcesHostFixture fixture) : CapacityHistoryTests(fixture);
}
