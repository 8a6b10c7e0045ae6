using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Surveys;

/// <summary>
/// The public link panel of an anonymous survey's builder in the browser: a named survey has no panel; an
/// anonymous one's link is switched on, shown once with its copy button, and leads a signed-out visitor on a
/// phone to an answer page of their own. Clean under axe in English and in Urdu, right to left.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SurveyPublicLinkTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task AnAnonymousSurveysPublicLink_IsSwitchedOnInTheBuilder_AndLeadsAVisitorToAnAnswerPage()
    {
        var name = "Open feedback " + Random.Shared.Next(1000, 9999);
        var manager = await HostUsers.CreateAsync(app.Host, "Manager", "Ananya Rao");
        await using var browser = await app.OpenBrowserAsync(nameof(AnAnonymousSurveysPublicLink_IsSwitchedOnInTheBuilder_AndLeadsAVisitorToAnAnswerPage), output);
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
        await Expect(page.GetByTestId("surveys-public-link-no-url")).ToHaveCountAsync(0);
        await AxeCheck.AssertCleanAsync(page);

        // A draft's link answers as the answer page does for a closed survey: a question, then open the survey.
        await page.GetByTestId("surveys-section-add-question").ClickAsync();
        await page.Locator("[data-testid=surveys-question-text-en]").FillAsync("How likely are you to recommend us?");
        await page.Locator("[data-testid=surveys-question-text-ur]").FillAsync("آپ ہمیں کسی دوست کو تجویز کرنے کا کتنا امکان رکھتے ہیں؟");
        await page.GetByTestId("surveys-question-save").ClickAsync();
        await page.GetByTestId("surveys-builder-open").ClickAsync();
        await page.GetByTestId("surveys-public-link-on").ClickAsync();
        var link = await page.Locator("input[data-testid=surveys-public-link-url]").InputValueAsync();
        Assert.Matches("/surveys/public/[A-Za-z0-9_-]{40,}$", link);
        await Expect(page.GetByTestId("surveys-public-link-copy")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("surveys-40-public-link-en");

        await using var visitor = await app.OpenBrowserAsync(nameof(AnAnonymousSurveysPublicLink_IsSwitchedOnInTheBuilder_AndLeadsAVisitorToAnAnswerPage) + "-visitor", output, options =>
            options.ViewportSize = new ViewportSize { Width = 360, Height = 740 });
        var response = await visitor.Page.GotoAsync(link);
        Assert.Equal(200, response!.Status);
        Assert.Contains("/surveys/answer/", visitor.Page.Url, StringComparison.Ordinal);
        await Expect(visitor.Page.GetByTestId("survey-answer")).ToHaveAttributeAsync("data-state", "Form");
        await Expect(visitor.Page.GetByText("How likely are you to recommend us?")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(visitor.Page);

        await shell.ChooseLanguageAsync("ur-PK", "اردو");
        await Expect(shell.Document).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.GetByTestId("surveys-public-link-state")).ToContainTextAsync("عوامی لنک");
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("surveys-41-public-link-ur");
    }
}
