using System.Text.RegularExpressions;
using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Resources;

/// <summary>
/// The people who are planned, in the browser: an administrator adds a team and a placeholder in it,
/// gives the placeholder a skill on its page, and hands the place to a colleague, whose page then
/// shows; the person page passes axe with its skills and replacement forms.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class PeopleTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Administrator_AddsATeamAndAPlaceholder_GivesItASkill_AndHandsThePlaceToAColleague()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var colleagueName = $"Meera Iyer {suffix}";
        var team = $"Design studio {suffix}";
        var placeholder = $"Designer, to be hired {suffix}";
        await HostUsers.CreateAsync(app.Host, "Staff", colleagueName);
        await using var admin = await app.OpenBrowserAsync(nameof(Administrator_AddsATeamAndAPlaceholder_GivesItASkill_AndHandsThePlaceToAColleague), output);
        var shell = await admin.SignInAsync(EndToEndFixture.Admin);
        var page = admin.Page;
        await page.GotoAsync("/resources/people");
        await shell.WaitUntilInteractiveAsync();

        await page.GetByTestId("resources-people-add-team").ClickAsync();
        await page.Locator("input[data-testid=resources-newteam-name]").FillAsync(team);
        await page.GetByTestId("resources-newteam-save").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);

        await page.GetByTestId("resources-people-add").ClickAsync();
        await ChooseAsync(page, page.Locator(".mud-dialog .mud-select").Filter(new() { HasText = "User (leave empty for a placeholder)" }), colleagueName);
        await page.GetByTestId("resources-person-save").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);

        await page.GetByTestId("resources-people-add").ClickAsync();
        await page.Locator("input[data-testid=resources-person-name]").FillAsync(placeholder);
        await ChooseAsync(page, page.Locator(".mud-dialog .mud-select").Filter(new() { HasText = "Team" }), team);
        await page.GetByTestId("resources-person-save").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("resources-people").Locator("tr").Filter(new() { HasText = placeholder })).ToContainTextAsync(team);
        await page.GetByTestId("resources-person-link").Filter(new() { HasText = placeholder }).ClickAsync();
        await Expect(page.GetByTestId("resources-skills-none")).ToBeVisibleAsync();

        await page.Locator("input[data-testid=resources-skill-name]").FillAsync("Illustration");
        await ChooseAsync(page, page.GetByTestId("resources-skill-level"), "Level 4 of 5");
        await page.GetByTestId("resources-skill-save").ClickAsync();
        await Expect(page.GetByTestId("resources-skill")).ToHaveTextAsync(LevelFour());
        await AxeCheck.AssertCleanAsync(page);
        await admin.ScreenshotAsync("resources-person-placeholder-en");

        await ChooseAsync(page, page.GetByTestId("resources-replace-person"), colleagueName);
        await page.GetByTestId("resources-replace-save").ClickAsync();

        await Expect(page.Locator("h4")).ToHaveTextAsync(colleagueName);
        await page.GotoAsync("/resources/people");
        await shell.WaitUntilInteractiveAsync();
        await Expect(page.GetByTestId("resources-people").Locator("tr").Filter(new() { HasText = colleagueName })).ToHaveCountAsync(1);
    }

    // Opens a select and clicks an option; the popover closes once chosen.
    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.First.ClickAsync();
        var options = page.Locator(".mud-popover-open .mud-list-item");
        await options.GetByText(option, new() { Exact = true }).ClickAsync();
        await Expect(options).ToHaveCountAsync(0);
    }

    [GeneratedRegex("Illustration\\s*Level 4 of 5")]
    private static partial Regex LevelFour();
}
