using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Surveys;

/// <summary>
/// The public link panel of an anonymous survey's builder in the browser. This host has no public address
/// (Crm:PublicUrl), so the panel says that no public link can be formed and its switch is disabled; a named
/// survey has no panel. Clean under axe in English and in Urdu, right to left.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SurveyPublicLinkTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task AnAnonymousSurveysBuilder_ShowsItsPublicLinkPanel_AndSaysWhyNoLinkCanBeFormed()
    {
        var name = "Open feedback " + Random.Shared.Next(1000, 9999);
        var manager = await HostUsers.CreateAsync(app.Host, "Manager", "Ananya Rao");
        await using var browser = await app.OpenBrowserAsync(nameof(AnAnonymousSurveysBuilder_ShowsItsPublicLinkPanel_AndSaysWhyNoLinkCanBeFormed), output);
        var shell = await browser.SignInAsync(manager);
        var page = browser.Page;

        await page.GotoAsync("/surveys");
        await shell.WaitUntilInteractiveAsync();
        await page.GetByTestId("surveys-new").ClickAsync();
        await page.Locator("input[data-testid=surveys-settings-name]").FillAsync(name);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Urdu" }).ClickAsync();
        await page.GetByTestId("surveys-settings-save").ClickAsync();
        await Expect(page.GetByTestId("surveys-builder-name")).ToHaveTextAsync(name);
        await Expect(page.GetByTestId("surveys-public-link")).ToHaveCountAsync(0);

        await page.GetByTestId("surveys-builder-settings").ClickAsync();
        await page.GetByRole(AriaRole.Switch, new() { Name = "Anonymous: answers are stored with no link to the person" }).ClickAsync();
        await page.GetByTestId("surveys-settings-save").ClickAsync();

        var panel = page.GetByTestId("surveys-public-link");
        await Expect(panel).ToBeVisibleAsync();
        await Expect(page.GetByTestId("surveys-public-link-state")).ToHaveTextAsync("The public link is off.");
        await Expect(page.GetByTestId("surveys-public-link-no-url")).ToContainTextAsync("Crm:PublicUrl");
        await Expect(page.GetByTestId("surveys-public-link-on")).ToBeDisabledAsync();
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("surveys-40-public-link-en");

        await shell.ChooseLanguageAsync("ur-PK", "اردو");
        await Expect(shell.Document).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.GetByTestId("surveys-public-link-state")).ToHaveTextAsync("عوامی لنک بند ہے۔");
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("surveys-41-public-link-ur");
    }
}
