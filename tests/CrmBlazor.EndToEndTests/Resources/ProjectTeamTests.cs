using System.Globalization;
using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Resources;

/// <summary>
/// The resources plugin on the project page: a planner opens the project's Team tab, finds a designer
/// with the skill and free weeks, plans her from the list, and sees the planned hours against those
/// logged and where the hours budget is heading; the same in Urdu, right to left, and on the plugin's
/// own page for the project. Every view passes axe.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ProjectTeamTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Planner_FindingADesignerOnTheTeamTab_PlansHerAndSeesPlannedAgainstLoggedAndTheProjectedBurn()
    {
        var designerName = "Kavya Reddy " + Random.Shared.Next(100, 999);
        var skill = "Service design " + Random.Shared.Next(1000, 9999);
        await HostUsers.CreateAsync(app.Host, "Staff", designerName);
        var customerName = "ಮೈಸೂರು ರೇಷ್ಮೆ ಮಳಿಗೆ " + Random.Shared.Next(100, 999);
        var projectName = "Store redesign " + Random.Shared.Next(1000, 9999);

        // The administrator sets up the project (40 budget hours, 7.5 hours logged this week) and adds the designer as a person.
        await using var browser = await app.OpenBrowserAsync(nameof(Planner_FindingADesignerOnTheTeamTab_PlansHerAndSeesPlannedAgainstLoggedAndTheProjectedBurn), output);
        var (_, projectId) = await BillableTime.ArrangeAsync(browser, EndToEndFixture.Admin, customerName, projectName);
        var page = browser.Page;
        var people = new ResourcesPeoplePage(page);
        await people.OpenAsync();
        var personId = await people.AddUserAsync(designerName);
        var person = new ResourcesPersonPage(page);
        await person.OpenAsync(personId);
        await person.AddSkillAsync(skill, 4);

        // The Team tab of the project page: nobody planned yet.
        await page.GotoAsync($"/projects/{projectId}");
        var project = new ProjectPage(page);
        await project.ExpectShownAsync(projectName);
        var team = new ProjectTeam(page);
        await team.OpenTabAsync();
        await Expect(page.GetByTestId("resources-team-empty")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(page);

        // Find people: the designer fits each of the four weeks from next Monday; "Plan" plans her for them.
        await team.FindAsync(skill, 3, "20", 4);
        await Expect(team.Suggestions).ToHaveCountAsync(1);
        await Expect(team.Suggestions.First).ToContainTextAsync(designerName);
        await Expect(team.Suggestions.First.GetByTestId("resources-suggestion-fit")).ToHaveTextAsync("Fits every week");
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("resources-10-team-tab-find-people");
        await team.PlanAsync(designerName);
        await Expect(team.Allocations).ToContainTextAsync("20 h per week");

        // Planned against logged: 80 hours planned over the four weeks, the 7.5 hours logged this week;
        // 7.5 + 20 + 20 passes the 40 budget hours in the second planned week.
        await Expect(team.PlannedAgainstLoggedTotals).ToContainTextAsync("80 h planned, 7.5 h logged");
        await Expect(team.ProjectedTotal).ToContainTextAsync("87.5 h");
        await Expect(team.ProjectedTotal).ToContainTextAsync("219 % of the budget");
        var secondWeek = ISOWeek.GetWeekOfYear(NextMonday().AddDays(7).ToDateTime(TimeOnly.MinValue));
        await Expect(team.BurnVerdict).ToContainTextAsync($"used up in week {secondWeek} of");
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("resources-11-team-tab-planned");

        // The plugin's own page for the project shows the same.
        await page.GotoAsync($"/resources/projects/{projectId}");
        await Expect(team.PlannedAgainstLoggedTotals).ToContainTextAsync("80 h planned, 7.5 h logged");
        await new Shell(page).WaitUntilInteractiveAsync();
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("resources-20-project-team-page");

        // In Urdu, right to left.
        var shell = new Shell(page);
        await shell.ChooseLanguageAsync("ur-PK", "اردو");
        await Expect(shell.Document).ToHaveAttributeAsync("dir", "rtl");
        await Expect(team.PlannedAgainstLoggedWeeks.First).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("resources-21-project-team-page-ur");
        await page.GotoAsync($"/projects/{projectId}");
        await project.ExpectShownAsync(projectName);
        await team.OpenTabAsync("ٹیم");
        await team.FindAsync(skill, 3, "20", 4);
        await Expect(team.Suggestions).ToHaveCountAsync(1);
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("resources-12-team-tab-ur");

        // The designer's page: her planned weeks against the time she logged (none yet).
        await page.GotoAsync($"/resources/people/{personId}");
        await Expect(team.PlannedAgainstLoggedWeeks.First).ToBeVisibleAsync();
        await shell.WaitUntilInteractiveAsync();
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("resources-30-person-ur");
    }

    private static DateOnly NextMonday()
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        return today.AddDays(7 - (((int)today.DayOfWeek + 6) % 7));
    }
}
