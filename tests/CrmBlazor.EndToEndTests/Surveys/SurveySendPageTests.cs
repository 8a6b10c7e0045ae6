using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Surveys;

/// <summary>
/// The send page of an open survey in the browser: reached from the builder's "Send", with its two ways of
/// sending and the settings that send without a manager; an anonymous survey's reminder is switched off and
/// says why. The host has a public address (Crm:PublicUrl), so both ways of sending are offered.
/// Clean under axe in English and in Urdu, right to left.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SurveySendPageTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Manager_OpensTheSendPageOfAnOpenSurvey_InEnglishAndUrdu()
    {
        var name = "Anonymous pulse " + Random.Shared.Next(1000, 9999);
        var manager = await HostUsers.CreateAsync(app.Host, "Manager", "Ananya Rao");
        await using var browser = await app.OpenBrowserAsync(nameof(Manager_OpensTheSendPageOfAnOpenSurvey_InEnglishAndUrdu), output);
        var shell = await browser.SignInAsync(manager);
        var page = browser.Page;

        await page.GotoAsync("/surveys");
        await shell.WaitUntilInteractiveAsync();
        await page.GetByTestId("surveys-new").ClickAsync();
        await page.Locator("input[data-testid=surveys-settings-name]").FillAsync(name);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Urdu" }).ClickAsync();
        await page.GetByRole(AriaRole.Switch, new() { Name = "Anonymous: answers are stored with no link to the person" }).ClickAsync();
        await page.GetByTestId("surveys-settings-save").ClickAsync();
        await Expect(page.GetByTestId("surveys-builder-name")).ToHaveTextAsync(name);
        await page.GetByTestId("surveys-section-add-question").ClickAsync();
        await page.Locator("[data-testid=surveys-question-text-en]").FillAsync("How likely are you to recommend us?");
        await page.Locator("[data-testid=surveys-question-text-ur]").FillAsync("آپ ہمیں کسی دوست کو تجویز کرنے کا کتنا امکان رکھتے ہیں؟");
        await page.GetByTestId("surveys-question-save").ClickAsync();
        await page.GetByTestId("surveys-builder-open").ClickAsync();

        await page.GetByTestId("surveys-builder-send").ClickAsync();
        await Expect(page.GetByTestId("surveys-send-name")).ToHaveTextAsync(name);
        await shell.WaitUntilInteractiveAsync();
        await Expect(page.GetByTestId("surveys-send-segment-submit")).ToBeEnabledAsync();
        await Expect(page.GetByTestId("surveys-send-no-url")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("surveys-send-remind-note")).ToContainTextAsync("reminding only those who have not answered would tell who has");
        await Expect(page.Locator("input[data-testid=surveys-send-remind-days]")).ToBeDisabledAsync();
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("surveys-30-send-en");

        await shell.ChooseLanguageAsync("ur-PK", "اردو");
        await Expect(shell.Document).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.GetByTestId("surveys-send-name")).ToHaveTextAsync(name);
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("surveys-31-send-ur");
    }
}
