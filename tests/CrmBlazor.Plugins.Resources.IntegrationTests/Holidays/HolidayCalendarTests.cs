using CrmBlazor.Plugins.Resources.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Resources.IntegrationTests.Holidays;

/// <summary>
/// Keeping the public-holiday calendars, as the holidays page does: a day added (its name in any script)
/// takes its hours out of the capacity of everyone following the calendar, and removing it gives them back;
/// a day twice, an empty or too long name are refused on their field with nothing added; only planners of all
/// change a calendar.
/// </summary>
public abstract class HolidayCalendarTests(ResourcesHostFixture fixture)
{
    [Fact]
    public async Task Holiday_AddedAndRemoved_ChangesTheCapacityOfWhoFollowsTheCalendar()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var calendar = await fixture.Resources.CalendarIdAsync(admin, "GE");
        var person = await fixture.Resources.AddPersonAsync(admin, new DateOnly(2026, 1, 5), calendarCode: "GE");
        var wednesday = new DateOnly(2027, 6, 16);
        var monday = wednesday.AddDays(-2);

        var added = await fixture.Resources.AddHolidayAsync(admin, calendar, wednesday, "  ქალაქის დღე  ");
        var listed = await fixture.Resources.HolidaysAsync(admin, calendar, 2027);
        var withHoliday = Assert.Single(await fixture.Resources.WeeksAsync(admin, person, monday, monday));
        var removed = await fixture.Resources.RemoveHolidayAsync(admin, calendar, wednesday);
        var without = Assert.Single(await fixture.Resources.WeeksAsync(admin, person, monday, monday));

        Assert.True(added.Saved, string.Join(" ", added.Messages));
        Assert.Contains((wednesday, "ქალაქის დღე"), listed);
        Assert.Equal(listed.OrderBy(d => d.Date), listed);
        Assert.Equal((30m, 7.5m), (withHoliday.Capacity, withHoliday.Away));
        Assert.True(removed.Saved, string.Join(" ", removed.Messages));
        Assert.Equal((37.5m, 0m), (without.Capacity, without.Away));
        Assert.DoesNotContain(await fixture.Resources.HolidaysAsync(admin, calendar, 2027), d => d.Date == wednesday);
    }

    [Fact]
    public async Task Holiday_OnADayThatHasOne_IsRefusedOnTheDate()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var calendar = await fixture.Resources.CalendarIdAsync(admin, "GB");

        // Christmas Day is in the shipped calendar.
        var outcome = await fixture.Resources.AddHolidayAsync(admin, calendar, new DateOnly(2026, 12, 25), "Another Christmas");

        Assert.Equal(("Invalid", "Date", "That day is in the calendar already."), (outcome.Status, Assert.Single(outcome.Fields), Assert.Single(outcome.Messages)));
        Assert.Single(await fixture.Resources.HolidaysAsync(admin, calendar, 2026), d => d.Date == new DateOnly(2026, 12, 25));
    }

    [Theory]
    [InlineData(" ", "Enter the holiday's name.")]
    [InlineData(null, "Enter the holiday's name.")]
    [InlineData("x", "The name can be at most 100 characters long.")]
    public async Task Holiday_WithoutANameOrWithATooLongOne_IsRefusedOnTheName(string? name, string message)
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var calendar = await fixture.Resources.CalendarIdAsync(admin, "IN");
        var day = new DateOnly(2027, 7, 7);
        name = name == "x" ? new string('ஆ', 101) : name;

        var outcome = await fixture.Resources.AddHolidayAsync(admin, calendar, day, name);

        Assert.Equal(("Invalid", "Name", message), (outcome.Status, Assert.Single(outcome.Fields), Assert.Single(outcome.Messages)));
        Assert.DoesNotContain(await fixture.Resources.HolidaysAsync(admin, calendar, 2027), d => d.Date == day);
    }

    [Fact]
    public async Task Holiday_WithoutADate_IsRefusedOnTheDate()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var calendar = await fixture.Resources.CalendarIdAsync(admin, "IN");

        var outcome = await fixture.Resources.AddHolidayAsync(admin, calendar, null, "Founders' day");

        Assert.Equal(("Invalid", "Date", "Enter the day."), (outcome.Status, Assert.Single(outcome.Fields), Assert.Single(outcome.Messages)));
    }

    [Fact]
    public async Task Manager_ChangingACalendar_IsForbidden()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var calendar = await fixture.Resources.CalendarIdAsync(admin, "PK");
        var day = new DateOnly(2027, 8, 4);

        var added = await fixture.Resources.AddHolidayAsync(manager, calendar, day, "یومِ تاسیس");
        var removed = await fixture.Resources.RemoveHolidayAsync(manager, calendar, new DateOnly(2026, 8, 14));

        Assert.Equal(("Forbidden", "Forbidden"), (added.Status, removed.Status));
        var days = await fixture.Resources.HolidaysAsync(admin, calendar, 2027);
        Assert.DoesNotContain(days, d => d.Date == day);
        Assert.Contains(await fixture.Resources.HolidaysAsync(admin, calendar, 2026), d => d.Date == new DateOnly(2026, 8, 14));
    }

    [Fact]
    public async Task Holiday_RemovedWhenItIsNotInTheCalendar_IsRefusedWithAMessage()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var calendar = await fixture.Resources.CalendarIdAsync(admin, "GB");

        var outcome = await fixture.Resources.RemoveHolidayAsync(admin, calendar, new DateOnly(2027, 9, 15));

        Assert.False(outcome.Saved);
        Assert.Equal("That day is not in the calendar any more; someone may have removed it.", Assert.Single(outcome.Messages));
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteResourcesHostFixture fixture) : HolidayCalendarTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresResourcesHostFixture fixture) : HolidayCalendarTests(fixture);
}
