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
/// week, the scores per customer, the latest answers with their closed loop (the two detractors' follow-ups, one
/// open and one closed with a note) and the Excel export; in English, in Gujarati and in Urdu, right to left. Every
/// view passes axe.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SurveyResultsTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Manager_SeesTheResultsOfAnNpsSurvey_InEnglishAndInUrdu()
    {
        var records = await SampleRecords.OnAsync(app, output);
        await FollowUpsAsync(records.SurveyId);
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
        var loop = page.GetByTestId("surveys-results-loop-row");
        await Expect(loop).ToHaveCountAsync(8);
        await Expect(page.Locator("[data-testid=surveys-results-loop-row][data-state=Open]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=surveys-results-loop-row][data-state=Closed]").GetByTestId("surveys-results-loop-note")).ToHaveTextAsync("ગ્રાહકને ફોન કર્યો; ઇન્વૉઇસ સુધાર્યું.");
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
        await Expect(page.Locator("[data-testid=surveys-results-loop-row][data-state=Open]")).ToContainTextAsync("کھلا");
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("surveys-31-results-ur");

        // In Gujarati.
        await shell.ChooseLanguageAsync("gu-IN", "ગુજરાતી");
        await Expect(shell.Document).ToHaveAttributeAsync("lang", "gu-IN");
        await Expect(page.GetByTestId("surveys-results-loop-row")).ToHaveCountAsync(8);
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("surveys-32-results-gu");
    }

    // The closed loop of the two detractors (6 and 3), as the answer effects leave it: a complaint for each, the
    // one for the 3 closed by the account manager with a note. Idempotent, the sample records being shared.
    private async Task FollowUpsAsync(long surveyId)
    {
        var now = DateTimeOffset.UtcNow.UtcTicks;
        foreach (var (score, closed) in new[] { (6, false), (3, true) })
        {
            var responseId = await HostDatabase.TextAsync(app.Host, """
                SELECT a."ResponseId" FROM surveys_answers a WHERE a."SurveyId" = @p0 AND a."Number" = @p1
                AND NOT EXISTS (SELECT 1 FROM surveys_follow_ups f WHERE f."ResponseId" = a."ResponseId")
                """, surveyId, score);
            if (responseId is null)
            {
                continue;
            }

            var customerId = (long)(await HostDatabase.ScalarAsync(app.Host, """SELECT "CustomerId" FROM surveys_respondents WHERE "ResponseId" = @p0""", responseId))!;
            var key = "surveys.follow-up:" + responseId;
            await HostDatabase.ExecuteAsync(app.Host, """
                INSERT INTO crm_interactions ("CustomerId", "Channel", "Direction", "Status", "OccurredAt", "Subject", "CreatedAt", "FollowUpKey", "RowVersion", "Outcome", "ResolvedAt")
                VALUES (@p0, 'Complaint', 'Inbound', @p1, @p2, @p3, @p2, @p4, @p5, @p6, @p7)
                """, customerId, closed ? "Resolved" : "Open", now, $"NPS answer: {score}", key, Guid.NewGuid().ToString().ToUpperInvariant(),
                closed ? "ગ્રાહકને ફોન કર્યો; ઇન્વૉઇસ સુધાર્યું." : DBNull.Value, closed ? now : DBNull.Value);
            var followUpId = (long)(await HostDatabase.ScalarAsync(app.Host, """SELECT "Id" FROM crm_interactions WHERE "FollowUpKey" = @p0""", key))!;
            await HostDatabase.ExecuteAsync(app.Host, """INSERT INTO surveys_follow_ups ("ResponseId", "SurveyId", "FollowUpId") VALUES (@p0, @p1, @p2)""", responseId, surveyId, followUpId);
        }
    }
}
