using System.Globalization;
using System.Text.RegularExpressions;
using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Resources;

/// <summary>
/// Over-allocation refused where it is made: with 30 hours a week planned on one project, 20 more on a second
/// project take the person to 50 of 37.5 hours; the allocation dialog says so for each of the four weeks and
/// saves nothing, until the planner presses "Save anyway". Screenshot: resources-overallocation-en.png.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class OverallocationDialogTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Allocation_AboveCapacity_IsRefusedNamingTheWeeks_AndSavedOnlyWithSaveAnyway()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var personName = $"Ayesha Siddiqui {suffix}";
        var firstProject = $"Warehouse portal {suffix}";
        var secondProject = $"Courier tracking {suffix}";
        await HostUsers.CreateAsync(app.Host, "Staff", personName);
        await using var admin = await app.OpenBrowserAsync(nameof(Allocation_AboveCapacity_IsRefusedNamingTheWeeks_AndSavedOnlyWithSaveAnyway), output);
        var (customerId, firstId) = await BillableTime.ArrangeAsync(admin, EndToEndFixture.Admin, $"Karachi Freight {suffix}", firstProject);
        var page = admin.Page;
        var edit = new ProjectEditPage(page);
        await edit.OpenNewAsync(customerId);
        await edit.CreateAsync(secondProject, "Active", "95", "400");
        await new ProjectPage(page).ExpectShownAsync(secondProject);
        var secondId = long.Parse(ProjectId().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
        var people = new ResourcesPeoplePage(page);
        await people.OpenAsync();
        await people.AddUserAsync(personName);

        // 30 hours a week on the first project for the four weeks from next Monday: within capacity.
        var team = new ProjectTeam(page);
        await OpenTeamAsync(firstId);
        await team.AddAsync(personName, "30");
        await Expect(team.Dialog).ToHaveCountAsync(0);
        await Expect(team.Allocations).ToContainTextAsync(personName);

        // 20 more on the second project: refused, naming the person and each week's hours; nothing saved.
        await OpenTeamAsync(secondId);
        await team.AddAsync(personName, "20");
        await Expect(team.Overallocation).ToContainTextAsync($"This takes {personName} above capacity. Confirm to save it anyway.");
        foreach (var (year, week) in NextFourWeeks())
        {
            await Expect(team.Overallocation).ToContainTextAsync($"50 h of 37.5 h in week {week} of {year}");
        }

        await Expect(team.Dialog.GetByTestId("resources-allocation-save")).ToHaveCountAsync(0);
        await AxeCheck.AssertCleanAsync(page);
        await admin.ScreenshotAsync("resources-overallocation-en");
        await team.Dialog.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(team.Dialog).ToHaveCountAsync(0);
        await OpenTeamAsync(secondId);
        await Expect(page.GetByTestId("resources-team-empty")).ToBeVisibleAsync();

        // Again, and "Save anyway": saved, and the person's weeks show above capacity.
        await team.AddAsync(personName, "20");
        await Expect(team.Overallocation).ToBeVisibleAsync();
        await team.Dialog.GetByTestId("resources-allocation-confirm").ClickAsync();
        await Expect(team.Dialog).ToHaveCountAsync(0);
        await Expect(team.Allocations).ToContainTextAsync(personName);
        await Expect(team.Allocations).ToContainTextAsync("20 h per week");

        async Task OpenTeamAsync(long projectId)
        {
            await page.GotoAsync($"/resources/projects/{projectId}");
            await Expect(page.GetByTestId("resources-team-add")).ToBeVisibleAsync();
            await new Shell(page).WaitUntilInteractiveAsync();
        }
    }

    // The ISO year and number of next week and the three after it, the weeks the dialog plans by default.
    private static IEnumerable<(int Year, int Week)> NextFourWeeks()
    {
        var today = DateTime.Now.Date;
        var monday = today.AddDays(7 - (((int)today.DayOfWeek + 6) % 7));
        return Enumerable.Range(0, 4).Select(i => monday.AddDays(7 * i)).Select(d => (ISOWeek.GetYear(d), ISOWeek.GetWeekOfYear(d)));
    }

    [GeneratedRegex(@"/projects/(\d+)")]
    private static partial Regex ProjectId();
}
