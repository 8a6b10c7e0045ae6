using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Surveys;

/// <summary>
/// The survey builder in the browser: a manager creates an NPS survey in English and Urdu from the list,
/// adds the NPS question and a follow-up shown only to detractors (0–6), reorders by keyboard (a move
/// that would put the follow-up above its question is refused with a message), and sees the builder in
/// Urdu, right to left. Every view passes axe.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SurveyBuilderTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Manager_BuildsAnNpsSurveyWithAFollowUpForDetractors_AndTheBuilderWorksByKeyboardAndInUrdu()
    {
        var name = "Project feedback " + Random.Shared.Next(1000, 9999);
        var manager = await HostUsers.CreateAsync(app.Host, "Manager", "Ananya Rao");
        await using var browser = await app.OpenBrowserAsync(nameof(Manager_BuildsAnNpsSurveyWithAFollowUpForDetractors_AndTheBuilderWorksByKeyboardAndInUrdu), output);
        var shell = await browser.SignInAsync(manager);
        var page = browser.Page;

        await shell.OpenFromMenuAsync("Surveys");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/surveys$"));
        await shell.WaitUntilInteractiveAsync();
        await page.GetByTestId("surveys-new").ClickAsync();
        await page.Locator("input[data-testid=surveys-settings-name]").FillAsync(name);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Urdu" }).ClickAsync();
        await AxeCheck.AssertCleanAsync(page);
        await page.GetByTestId("surveys-settings-save").ClickAsync();
        await Expect(page.GetByTestId("surveys-builder-name")).ToHaveTextAsync(name);

        // The NPS question, in both languages.
        await page.GetByTestId("surveys-section-add-question").ClickAsync();
        await page.Locator("[data-testid=surveys-question-text-en]").FillAsync("How likely are you to recommend us to a colleague?");
        await page.Locator("[data-testid=surveys-question-text-ur]").FillAsync("آپ ہمیں کسی ساتھی کو تجویز کرنے کا کتنا امکان رکھتے ہیں؟");
        await page.GetByTestId("surveys-question-save").ClickAsync();
        await Expect(page.GetByTestId("surveys-builder-question")).ToHaveCountAsync(1);

        // The follow-up: long text, optional, shown when question 1 is at most 6.
        await page.GetByTestId("surveys-section-add-question").ClickAsync();
        await ChooseAsync(page, page.Locator(".mud-dialog .mud-select").Filter(new() { HasText = "Type" }), "Long text");
        await page.GetByRole(AriaRole.Switch, new() { Name = "An answer is required" }).ClickAsync();
        await page.Locator("[data-testid=surveys-question-text-en]").FillAsync("What should we do better?");
        await page.Locator("[data-testid=surveys-question-text-ur]").FillAsync("ہمیں کیا بہتر کرنا چاہیے؟");
        await ChooseAsync(page, page.Locator(".mud-dialog .mud-select").Filter(new() { HasText = "Only when an earlier answer" }), "Question 1: How likely are you to recommend us to a colleague?");
        await page.Locator("input[data-testid=surveys-question-showif-value]").FillAsync("6");
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("surveys-10-question-dialog");
        await page.GetByTestId("surveys-question-save").ClickAsync();
        await Expect(page.GetByTestId("surveys-builder-question")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("surveys-question-condition")).ToContainTextAsync("Shown when question 1 is at most 6");

        // By keyboard: moving the follow-up above the question it depends on is refused, with the reason.
        var keyboard = new KeyboardUser(page);
        await page.GetByTestId("surveys-builder-name").ClickAsync();
        await keyboard.TabToAsync("Move question 2 up", "button");
        await keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("change-error")).ToContainTextAsync("A question can only depend on an earlier question of the survey");
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("surveys-11-builder-en");

        // The list: the survey as a draft with two questions and no answers.
        await page.GotoAsync("/surveys");
        await shell.WaitUntilInteractiveAsync();
        var row = page.GetByTestId("surveys-grid").Locator("tr").Filter(new() { HasText = name });
        await Expect(row).ToContainTextAsync("Draft");
        await Expect(row.GetByTestId("surveys-row-answers")).ToHaveTextAsync("0");
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("surveys-12-list-en");

        // In Urdu, right to left, the builder showing the Urdu texts.
        await shell.ChooseLanguageAsync("ur-PK", "اردو");
        await Expect(shell.Document).ToHaveAttributeAsync("dir", "rtl");
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("surveys-20-list-ur");
        await row.GetByTestId("surveys-row-name").ClickAsync();
        await Expect(page.GetByTestId("surveys-builder-name")).ToHaveTextAsync(name);
        await shell.WaitUntilInteractiveAsync();
        await page.GetByTestId("surveys-builder-language").GetByText("اردو").ClickAsync();
        await Expect(page.GetByTestId("surveys-question-shown-text").First).ToHaveTextAsync("آپ ہمیں کسی ساتھی کو تجویز کرنے کا کتنا امکان رکھتے ہیں؟");
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("surveys-21-builder-ur");
    }

    // Opens a select and clicks an option; the popover closes once chosen.
    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.First.ClickAsync();
        var options = page.Locator(".mud-popover-open .mud-list-item");
        await options.GetByText(option, new() { Exact = true }).ClickAsync();
        await Expect(options).ToHaveCountAsync(0);
    }
}
