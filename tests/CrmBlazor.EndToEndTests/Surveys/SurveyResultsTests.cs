using CrmBlazor.EndToEndTests.Accessibility;
using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.Sdk.Authorization;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Surveys;

/// <summary>
/// A survey's results in the browser: from the list to the results page of the sample NPS survey (eight answers
/// of the sample customer's contacts), its headline figures, the distribution chart and its table, the trend by
/// week, the scores per customer and the Excel export; in English and in Urdu, right to left. Every view passes axe.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SurveyResultsTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Manager_SeesTheResultsOfAnNpsSurvey_InEnglishAndInUrdu()
    {
        var records = await SampleRecords.OnAsync(app, output);
        await using var browser = await app.OpenBrowserAsync(nameof(Manager_SeesTheResultsOfAnNpsSurvey_InEnglishAndInUrdu), output);
        var shell = await browser.SignInAsync(records.Users[CrmRoles.Manager]);
        var page = browser.Page;

        await page.GotoAsync("/surveys");
        await shell.WaitUntilInteractiveAsync();
        await page.GetByTestId("surveys-grid").Locator("tr").Filter(new() { Has = page.Locator($"a[href='/surveys/{records.SurveyId}/results']") })
            .GetByTestId("surveys-row-results").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/surveys/{records.SurveyId}/results$"));
        await shell.WaitUntilInteractiveAsync();

        // 10, 9, 9, 8, 7, 6, 3, 10: four promoters, two detractors of eight.
        await Expect(page.GetByTestId("surveys-results-responses")).ToHaveTextAsync("8");
        await Expect(page.GetByTestId("surveys-results-nps")).ToHaveTextAsync("+25");
        await Expect(page.GetByTestId("surveys-results-customers").Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("surveys-results-customers").Locator("tbody tr")).ToContainTextAsync("+25");
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("surveys-30-results-en");

        // The answers as an Excel file.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("surveys-results-xlsx").ClickAsync());
        Assert.Equal($"survey-{records.SurveyId}-answers.xlsx", download.SuggestedFilename);

        // By week, and the distribution as a table.
        await page.GetByTestId("surveys-results-period").GetByText("By week").ClickAsync();
        await page.GetByTestId("surveys-results-distribution").GetByTestId("chart-toggle").ClickAsync();
        await Expect(page.GetByTestId("surveys-results-distribution").Locator("tbody tr")).ToHaveCountAsync(11);
        await AxeCheck.AssertCleanAsync(page);

        // In Urdu, right to left.
        await shell.ChooseLanguageAsync("ur-PK", "اردو");
        await Expect(shell.Document).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.GetByTestId("surveys-results-nps")).ToHaveTextAsync("+25");
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("surveys-31-results-ur");
    }
}
