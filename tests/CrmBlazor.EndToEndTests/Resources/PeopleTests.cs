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
        await Pickers.SelectAsync(page, page.Locator(".mud-dialog .mud-select").Filter(new() { HasText = "User (leave empty for a placeholder)" }), colleagueName);
        await page.GetByTestId("resources-person-save").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);

        await page.GetByTestId("resources-people-add").ClickAsync();
        await page.Locator("input[data-testid=resources-person-name]").FillAsync(placeholder);
        await Pickers.SelectAsync(page, page.Locator(".mud-dialog .mud-select").Filter(new() { HasText = "Team" }), team);
        await page.GetByTestId("resources-person-save").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("resources-people").Locator("tr").Filter(new() { HasText = placeholder })).ToContainTextAsync(team);
        await page.GetByTestId("resources-person-link").Filter(new() { HasText = placeholder }).ClickAsync();
        await Expect(page.GetByTestId("resources-skills-none")).ToBeVisibleAsync();

        await page.Locator("input[data-testid=resources-skill-name]").FillAsync("Illustration");
        await Pickers.SelectAsync(page, page.GetByTestId("resources-skill-level"), "Level 4 of 5");
        await page.GetByTestId("resources-skill-save").ClickAsync();
        await Expect(page.GetByTestId("resources-skill")).ToHaveTextAsync(LevelFour());
        await AxeCheck.AssertCleanAsync(page);
        await admin.ScreenshotAsync("resources-person-placeholder-en");

        await Pickers.SelectAsync(page, page.GetByTestId("resources-replace-person"), colleagueName);
        await page.GetByTestId("resources-replace-save").ClickAsync();

        await Expect(page.Locator("h4")).ToHaveTextAsync(colleagueName);
        await page.GotoAsync("/resources/people");
        await shell.WaitUntilInteractiveAsync();
        await Expect(page.GetByTestId("resources-people").Locator("tr").Filter(new() { HasText = colleagueName })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Administrator_SetsTeamAndManagerOnThePersonPage_AndTheManagerThenPlansThePerson()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var personName = $"Nino Beridze {suffix}";
        var managerName = $"Imran Qureshi {suffix}";
        var team = $"Backend {suffix}";
        await HostUsers.CreateAsync(app.Host, "Staff", personName);
        var manager = await HostUsers.CreateAsync(app.Host, "Manager", managerName);
        await using var admin = await app.OpenBrowserAsync(nameof(Administrator_SetsTeamAndManagerOnThePersonPage_AndTheManagerThenPlansThePerson), output);
        var shell = await admin.SignInAsync(EndToEndFixture.Admin);
        var page = admin.Page;
        var people = new ResourcesPeoplePage(page);
        await people.OpenAsync();
        await page.GetByTestId("resources-people-add-team").ClickAsync();
        await page.Locator("input[data-testid=resources-newteam-name]").FillAsync(team);
        await page.GetByTestId("resources-newteam-save").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        var personId = await people.AddUserAsync(personName);

        // The person page's details form: the team and the manager are chosen and saved.
        var person = new ResourcesPersonPage(page);
        await person.OpenAsync(personId);
        await Expect(person.Manager).ToHaveValueAsync("");
        await person.SaveDetailsAsync(team: team, manager: managerName);
        await AxeCheck.AssertCleanAsync(page);
        await admin.ScreenshotAsync("resources-person-details-en");

        // What the server stored shows after a reload, and on the people page.
        await person.OpenAsync(personId);
        await Expect(person.Manager).ToHaveValueAsync(managerName);
        await Expect(person.Team).ToHaveValueAsync(team);
        await people.OpenAsync();
        await Expect(page.GetByTestId("resources-people").Locator("tr").Filter(new() { HasText = personName })).ToContainTextAsync(team);

        // The manager now plans the person: the person is among her people, and the form lets her change the
        // team but not the manager.
        await using var managerBrowser = await app.OpenBrowserAsync(nameof(Administrator_SetsTeamAndManagerOnThePersonPage_AndTheManagerThenPlansThePerson) + "-manager", output);
        await managerBrowser.SignInAsync(manager);
        var managersPage = new ResourcesPersonPage(managerBrowser.Page);
        await managersPage.OpenAsync(personId);
        await Expect(managersPage.Manager).ToBeDisabledAsync();
        await Expect(managersPage.Manager).ToHaveValueAsync(managerName);
        await Expect(managerBrowser.Page.GetByTestId("resources-skill-form")).ToBeVisibleAsync();

        // In Urdu, right to left.
        await shell.ChooseLanguageAsync("ur-PK", "اردو");
        await person.OpenAsync(personId);
        await Expect(shell.Document).ToHaveAttributeAsync("dir", "rtl");
        await AxeCheck.AssertCleanAsync(page);
        await admin.ScreenshotAsync("resources-person-details-ur");
    }

    [GeneratedRegex("Illustration\\s*Level 4 of 5")]
    private static partial Regex LevelFour();
}
