using System.Globalization;
using System.Text.RegularExpressions;
using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Resources;

/// <summary>
/// The public-holiday calendars in the browser: an administrator opens them from the people page, adds a day
/// to the Georgian calendar with a Georgian name, is told when the day is there already or the name is
/// missing, and sees the capacity of a person following the calendar drop by the day's hours on the person's
/// page, and come back once the day is removed. The page passes axe in English and in Urdu.
/// Screenshots: resources-holidays-en.png and resources-holidays-ur.png.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class HolidayCalendarTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Administrator_AddingAndRemovingAHoliday_ChangesTheCapacityOfWhoFollowsTheCalendar()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var personName = $"Tamar Kapanadze {suffix}";
        var holidayName = $"თბილისობა {suffix}";
        await HostUsers.CreateAsync(app.Host, "Staff", personName);
        await using var admin = await app.OpenBrowserAsync(nameof(Administrator_AddingAndRemovingAHoliday_ChangesTheCapacityOfWhoFollowsTheCalendar), output);
        var shell = await admin.SignInAsync(EndToEndFixture.Admin);
        var page = admin.Page;

        // A person following the Georgian calendar, and next week's capacity.
        var people = new ResourcesPeoplePage(page);
        await people.OpenAsync();
        var personId = await people.AddUserAsync(personName);
        var person = new ResourcesPersonPage(page);
        await person.OpenAsync(personId);
        await person.SaveDetailsAsync(calendar: "Georgia");
        var day = await FreeWorkdayNextWeekAsync("GE");
        var capacity = person.Weeks.Nth(1).Locator("td").First;
        await Expect(capacity).ToHaveTextAsync(HoursText());
        var before = decimal.Parse((await capacity.TextContentAsync())!.Replace(" h", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

        // The calendars, from the people page.
        await people.OpenAsync();
        await page.GetByTestId("resources-people-holidays").ClickAsync();
        var holidays = new ResourcesHolidaysPage(page);
        await holidays.ExpectShownAsync();
        await holidays.ChooseCalendarAsync("Georgia");
        var typed = day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

        // No name: refused on the name, nothing added.
        await holidays.AddAsync(typed, "");
        await Expect(holidays.Form).ToContainTextAsync("Enter the holiday's name.");
        await Expect(holidays.Days.Filter(new() { HasText = suffix })).ToHaveCountAsync(0);

        await holidays.AddAsync(typed, holidayName);
        await Expect(holidays.Saved).ToHaveTextAsync($"{holidayName} added.");
        await Expect(page.GetByTestId("resources-holidays-year")).ToHaveTextAsync(day.Year.ToString(CultureInfo.InvariantCulture));
        await Expect(holidays.Days.Filter(new() { HasText = holidayName })).ToHaveCountAsync(1);

        // The same day again: refused on the date.
        await holidays.AddAsync(typed, "Another name");
        await Expect(holidays.Form).ToContainTextAsync("That day is in the calendar already.");
        await Expect(holidays.Days.Filter(new() { HasText = "Another name" })).ToHaveCountAsync(0);
        await AxeCheck.AssertCleanAsync(page);
        await admin.ScreenshotAsync("resources-holidays-en");

        // The person's next week is a day shorter.
        await person.OpenAsync(personId);
        await Expect(capacity).ToHaveTextAsync(Hours(before - 7.5m));

        // Removed, the day gives its hours back.
        await page.GotoAsync("/resources/holidays");
        await holidays.ExpectShownAsync();
        await holidays.ChooseCalendarAsync("Georgia");
        if (day.Year != DateTime.Now.Year)
        {
            await page.GetByTestId("resources-holidays-next").ClickAsync();
        }

        await holidays.RemoveAsync(holidayName);
        await Expect(holidays.Saved).ToHaveTextAsync($"{holidayName} removed.");
        await Expect(holidays.Days.Filter(new() { HasText = holidayName })).ToHaveCountAsync(0);
        await person.OpenAsync(personId);
        await Expect(capacity).ToHaveTextAsync(Hours(before));

        // In Urdu, right to left.
        await shell.ChooseLanguageAsync("ur-PK", "اردو");
        await page.GotoAsync("/resources/holidays");
        await holidays.ExpectShownAsync();
        await Expect(shell.Document).ToHaveAttributeAsync("dir", "rtl");
        await holidays.ChooseCalendarAsync("Pakistan");
        await Expect(holidays.Days.First).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(page);
        await admin.ScreenshotAsync("resources-holidays-ur");
    }

    private static string Hours(decimal hours) => hours.ToString("0.##", CultureInfo.InvariantCulture) + " h";

    [GeneratedRegex(@"^\d+(\.\d+)? h$")]
    private static partial Regex HoursText();

    // A weekday of next week that is no holiday of the calendar yet, so that adding one takes 7.5 hours off.
    private async Task<DateOnly> FreeWorkdayNextWeekAsync(string calendarCode)
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        var monday = today.AddDays(7 - (((int)today.DayOfWeek + 6) % 7));
        for (var day = monday.AddDays(2); day < monday.AddDays(5); day = day.AddDays(1))
        {
            var taken = await HostDatabase.ScalarAsync(app.Host, """
                SELECT COUNT(*) FROM resources_public_holidays h JOIN resources_holiday_calendars c ON c."Id" = h."CalendarId"
                WHERE c."Code" = @p0 AND h."Date" = @p1
                """, calendarCode, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (Convert.ToInt64(taken, CultureInfo.InvariantCulture) == 0)
            {
                return day;
            }
        }

        throw new InvalidOperationException("Next week has no free weekday in the calendar.");
    }
}
