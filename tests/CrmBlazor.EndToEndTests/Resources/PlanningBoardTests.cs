using System.Globalization;
using System.Text.RegularExpressions;
using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Resources;

/// <summary>
/// The planning board in a browser: a manager filters her team by a skill, finds a person with free weeks,
/// plans her onto a project for four weeks with the keyboard only (arrow keys, Shift+Arrow, Enter, the
/// dialog), sees the four cells change and the project's planned against logged hours; the board passes axe in English and in Urdu, where the weeks
/// run from right to left. Screenshots: resources-board-en.png and resources-board-ur.png.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class PlanningBoardTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Manager_PlanningAPersonWithTheSkillForFourWeeksByKeyboard_SeesTheFourWeeksFilled()
    {
        var suffix = Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
        var managerName = "Meera Iyer " + suffix;
        var manager = await HostUsers.CreateAsync(app.Host, "Manager", managerName);
        var kavyaName = "Kavya Reddy " + suffix;
        var arjunName = "Arjun Rao " + suffix;
        await HostUsers.CreateAsync(app.Host, "Staff", kavyaName);
        await HostUsers.CreateAsync(app.Host, "Staff", arjunName);
        var projectName = "Mobile banking app " + suffix;

        // The manager's project, made through its pages.
        await using var browser = await app.OpenBrowserAsync(nameof(Manager_PlanningAPersonWithTheSkillForFourWeeksByKeyboard_SeesTheFourWeeksFilled), output);
        var shell = await browser.SignInAsync(manager);
        var page = browser.Page;
        await shell.OpenFromMenuAsync("Customers");
        var customers = new CustomersPage(page);
        await customers.ExpectShownAsync();
        var customerDialog = await customers.OpenNewCustomerAsync();
        await customerDialog.FillAsync("Lahore Textiles " + suffix, "office@lahore-textiles.example", "+92 42 111 2222", "", "Lahore", "PK");
        await customerDialog.SaveAsync();
        await new CustomerPage(page).ExpectShownAsync("Lahore Textiles " + suffix);
        var customerId = long.Parse(CustomerId().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
        var edit = new ProjectEditPage(page);
        await edit.OpenNewAsync(customerId);
        await edit.CreateAsync(projectName, "Active", "95", "400");
        await new ProjectPage(page).ExpectShownAsync(projectName);
        var projectAddress = page.Url;

        // The administrator adds both as people to plan, with Meera as their manager and a skill each, on their pages.
        await ArrangePeopleAsync(managerName, (kavyaName, "Kotlin", 4), (arjunName, "Figma", 3));

        // The board: both of her team; filtered by the skill, only Kavya.
        await shell.OpenFromMenuAsync("Planning board");
        var board = new PlanningBoardPage(page);
        await board.ExpectShownAsync();
        await Expect(board.Rows).ToHaveCountAsync(2);
        var user = new KeyboardUser(page);
        await user.TabToAsync("Skill", "combobox");
        await user.ChooseAsync("Kotlin");
        await Expect(board.Rows).ToHaveCountAsync(1);
        await Expect(board.Rows).ToContainTextAsync(kavyaName);

        // Next week and the three after are free: 0 of 37.5 hours.
        var cells = board.Cells(kavyaName);
        for (var week = 1; week <= 4; week++)
        {
            await Expect(cells.Nth(week)).ToHaveAttributeAsync("data-load", "Free");
            await Expect(cells.Nth(week).Locator(".board-hours")).ToHaveTextAsync("0 / 37.5");
        }

        // Into the grid with Tab, to next week with an arrow, four weeks with Shift+Arrow, Enter.
        await TabToGridAsync(page);
        await Expect(cells.Nth(0)).ToBeFocusedAsync();
        await user.PressAsync("ArrowRight");
        await Expect(cells.Nth(1)).ToBeFocusedAsync();
        for (var step = 0; step < 3; step++)
        {
            await user.PressAsync("Shift+ArrowRight");
        }

        await Expect(cells.Nth(4)).ToBeFocusedAsync();
        await Expect(board.Grid.Locator("[aria-selected=true]")).ToHaveCountAsync(4);
        await Expect(page.GetByTestId("resources-board-panel-weeks")).ToContainTextAsync("Weeks");
        await user.PressAsync("Enter");

        // The dialog knows the person and the weeks; the project and the hours are typed.
        await Expect(board.Dialog).ToBeVisibleAsync();
        await user.ExpectFocusOnAsync("Project");
        await user.PickAsync(projectName[..12], projectName);
        await user.TabToAsync("Hours", "spinbutton");
        await user.TypeAsync("30");
        await user.TabToAsync("Save", "button");
        await user.PressAsync("Enter");
        await Expect(board.Dialog).ToHaveCountAsync(0);

        // The four weeks change in place: 30 of 37.5 hours, partly planned; the week after stays free.
        for (var week = 1; week <= 4; week++)
        {
            await Expect(cells.Nth(week).Locator(".board-hours")).ToHaveTextAsync("30 / 37.5");
            await Expect(cells.Nth(week)).ToHaveAttributeAsync("data-load", "Partly");
        }

        await Expect(cells.Nth(5)).ToHaveAttributeAsync("data-load", "Free");
        await Expect(page.GetByTestId("resources-board-allocation")).ToContainTextAsync(projectName);
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("resources-board-en");

        // On the project, beside the board: planned against logged shows the four weeks' 120 hours.
        var projectTab = await page.Context.NewPageAsync();
        await projectTab.GotoAsync(projectAddress);
        await new Shell(projectTab).WaitUntilInteractiveAsync();
        var team = new ProjectTeam(projectTab);
        await team.OpenTabAsync();
        await Expect(team.PlannedAgainstLoggedTotals).ToContainTextAsync("120 h planned, 0 h logged");
        await Expect(team.Allocations).ToContainTextAsync(kavyaName);
        await projectTab.CloseAsync();

        // In Urdu the weeks run from right to left: the first week is right of the second.
        await shell.ChooseLanguageAsync("ur-PK", "اردو");
        await board.ExpectShownAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        var first = await board.WeekHeaders.Nth(0).BoundingBoxAsync();
        var second = await board.WeekHeaders.Nth(1).BoundingBoxAsync();
        Assert.True(first!.X > second!.X, $"In Urdu the first week should be right of the second ({first.X} vs {second.X}).");
        await Expect(cells.Nth(1).Locator(".board-hours")).ToHaveTextAsync("30 / 37.5");

        // ArrowLeft goes to the next week there.
        await cells.Nth(1).FocusAsync();
        await user.PressAsync("ArrowLeft");
        await Expect(cells.Nth(2)).ToBeFocusedAsync();
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("resources-board-ur");
    }

    private async Task ArrangePeopleAsync(string managerName, params (string Name, string Skill, int Level)[] people)
    {
        await using var admin = await app.OpenBrowserAsync("planning-board-admin", output);
        await admin.SignInAsync(EndToEndFixture.Admin);
        var peoplePage = new ResourcesPeoplePage(admin.Page);
        var personPage = new ResourcesPersonPage(admin.Page);
        foreach (var (name, skill, level) in people)
        {
            await peoplePage.OpenAsync();
            var personId = await peoplePage.AddUserAsync(name);
            await personPage.OpenAsync(personId);
            await personPage.SaveDetailsAsync(manager: managerName);
            await personPage.AddSkillAsync(skill, level);
        }
    }

    // Tab until the focus is in the board's grid (on its one tab stop).
    private static async Task TabToGridAsync(IPage page)
    {
        for (var press = 0; press < KeyboardUser.MaxTabs; press++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string?>("() => document.activeElement?.getAttribute('role')") == "gridcell")
            {
                return;
            }
        }

        Assert.Fail("The keyboard did not reach the board's grid.");
    }

    [GeneratedRegex(@"/customers/(\d+)")]
    private static partial Regex CustomerId();
}
