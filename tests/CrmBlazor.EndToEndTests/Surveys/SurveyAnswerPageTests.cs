using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CrmBlazor.EndToEndTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Surveys;

/// <summary>
/// The public answer page on a 360 × 740 phone: answered in Gujarati with JavaScript off (a plain form
/// post), and shown in Urdu, right to left, and in English, clean under axe, without sideways scrolling; and
/// previewed by a manager from the builder, in a 360-pixel-wide frame, in Gujarati and in Urdu.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SurveyAnswerPageTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task ARespondent_AnswersInGujarati_OnAPhone_WithJavaScriptOff()
    {
        var (surveyId, token) = await SurveyLinkAsync("gu");
        await using var browser = await app.OpenBrowserAsync(nameof(ARespondent_AnswersInGujarati_OnAPhone_WithJavaScriptOff), output, options =>
        {
            options.ViewportSize = new ViewportSize { Width = 360, Height = 740 };
            options.JavaScriptEnabled = false;
        });
        browser.ChecksShownPages = false;
        var page = browser.Page;

        await page.GotoAsync("/surveys/answer/" + token);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "gu");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "તમે અમારી ભલામણ કરશો તેની કેટલી શક્યતા છે?" })).ToBeVisibleAsync();
        var box = await page.Locator("main").BoundingBoxAsync();
        Assert.True(box!.Width <= 360, $"The page is {box.Width} px wide.");
        await page.Locator("label.answer__point").Filter(new() { HasText = "3" }).First.ClickAsync();
        await page.Locator("textarea").FillAsync("<b>ધીમું</b> જવાબ");
        await browser.ScreenshotAsync("surveys-answer-gu-360");
        await page.GetByTestId("answer-submit").ClickAsync();

        await Expect(page.GetByTestId("answer-thanks")).ToHaveTextAsync("આભાર: તમારા જવાબો સાચવવામાં આવ્યા છે.");
        await using var connection = await OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = """SELECT COUNT(*) FROM surveys_answers a JOIN surveys_responses r ON r."Id" = a."ResponseId" WHERE r."SurveyId" = @survey""";
        count.Parameters.AddWithValue("@survey", surveyId);
        Assert.Equal(2L, (long)(await count.ExecuteScalarAsync())!);
    }

    [Theory]
    [InlineData("ur", "rtl")]
    [InlineData("en", "ltr")]
    public async Task TheAnswerPage_IsCleanUnderAxe_OnAPhone_RightToLeftInUrdu(string language, string direction)
    {
        var (_, token) = await SurveyLinkAsync(language);
        await using var browser = await app.OpenBrowserAsync(nameof(TheAnswerPage_IsCleanUnderAxe_OnAPhone_RightToLeftInUrdu) + "-" + language, output, options =>
            options.ViewportSize = new ViewportSize { Width = 360, Height = 740 });
        var page = browser.Page;

        await page.GotoAsync("/surveys/answer/" + token);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", direction);
        // A detractor's answer with a required question left out: the problems are shown too.
        await page.Locator("textarea").FillAsync("x");
        await page.GetByTestId("answer-submit").ClickAsync();
        await Expect(page.GetByTestId("answer-problems")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "The page scrolls sideways.");
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync($"surveys-answer-{language}-360");
    }

    [Fact]
    public async Task AManager_PreviewsTheAnswerPage_FromTheBuilder_InAPhoneSizedFrame_InGujaratiAndUrdu_StoringNothing()
    {
        var (surveyId, _) = await SurveyLinkAsync("en");
        var manager = await HostUsers.CreateAsync(app.Host, "Manager", "Farah Siddiqui");
        await using var browser = await app.OpenBrowserAsync(nameof(AManager_PreviewsTheAnswerPage_FromTheBuilder_InAPhoneSizedFrame_InGujaratiAndUrdu_StoringNothing), output);
        var shell = await browser.SignInAsync(manager);
        var page = browser.Page;

        await page.GotoAsync($"/surveys/{surveyId}");
        await shell.WaitUntilInteractiveAsync();
        await page.GetByTestId("surveys-preview-toggle").ClickAsync();
        await page.GetByTestId("surveys-preview-language").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText("Gujarati", new() { Exact = true }).ClickAsync();
        var frame = page.FrameLocator("iframe[data-testid=surveys-preview-frame]");
        await Expect(frame.Locator("html")).ToHaveAttributeAsync("lang", "gu");
        await Expect(frame.GetByTestId("answer-preview")).ToBeVisibleAsync();
        Assert.Equal(360, (await page.Locator("iframe[data-testid=surveys-preview-frame]").BoundingBoxAsync())!.Width);
        await Expect(page.Locator("iframe[data-testid=surveys-preview-frame]")).ToHaveAttributeAsync("title", "Preview of the survey in Gujarati");

        // A detractor's score with the follow-up left empty is accepted (the follow-up is optional), and nothing is stored.
        await frame.Locator("label.answer__point").Filter(new() { HasText = "3" }).First.ClickAsync();
        await frame.GetByTestId("answer-submit").ClickAsync();
        await Expect(frame.GetByTestId("answer-preview-checked")).ToBeVisibleAsync();
        await Expect(frame.GetByTestId("answer-save")).ToBeDisabledAsync();
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("surveys-40-preview-gu");
        Assert.Equal(0L, (long)(await HostDatabase.ScalarAsync(app.Host, """SELECT COUNT(*) FROM surveys_responses WHERE "SurveyId" = @p0""", surveyId))!);

        // In Urdu, right to left, the manager's own page in Urdu too.
        await shell.ChooseLanguageAsync("ur-PK", "اردو");
        await Expect(shell.Document).ToHaveAttributeAsync("dir", "rtl");
        await page.GetByTestId("surveys-preview-toggle").ClickAsync();
        await page.GetByTestId("surveys-preview-language").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText("اردو", new() { Exact = true }).ClickAsync();
        await Expect(frame.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(frame.GetByRole(AriaRole.Group, new() { Name = "آپ ہماری سفارش کرنے کا کتنا امکان رکھتے ہیں؟" })).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("surveys-41-preview-ur");

        // The preview on its own, on a phone.
        await page.SetViewportSizeAsync(360, 740);
        await page.GotoAsync($"/surveys/{surveyId}/preview?language=ur");
        await Expect(page.GetByTestId("answer-preview")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "The preview scrolls sideways.");
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("surveys-42-preview-ur-360");
    }

    // An open survey in English, Gujarati and Urdu (an NPS question, and a follow-up for detractors) and a
    // personal link to it in the language given, written straight into the database as the sending step would.
    private async Task<(long SurveyId, string Token)> SurveyLinkAsync(string language)
    {
        await using var connection = await OpenAsync();
        var now = DateTimeOffset.UtcNow.UtcTicks;
        var surveyId = await ScalarAsync(connection, """
            INSERT INTO surveys_surveys ("Name", "Kind", "Languages", "IsAnonymous", "ClosedLoop", "MinimumGroupSize", "State", "CreatedAt", "UpdatedAt", "RowVersion")
            VALUES (@name, 'Nps', 'en,gu,ur', 0, 0, 5, 'Open', @now, @now, @version) RETURNING "Id"
            """, ("@name", "Phone survey " + Guid.NewGuid().ToString("N")[..6]), ("@now", now), ("@version", Guid.NewGuid().ToString().ToUpperInvariant()));
        var sectionId = await ScalarAsync(connection, """INSERT INTO surveys_sections ("SurveyId", "Position", "Titles") VALUES (@survey, 0, '{}') RETURNING "Id" """, ("@survey", surveyId));
        var npsId = await ScalarAsync(connection, """
            INSERT INTO surveys_questions ("SurveyId", "SectionId", "Position", "Type", "IsRequired", "ScaleMin", "ScaleMax", "Texts")
            VALUES (@survey, @section, 0, 'Nps', 1, 0, 10, @texts) RETURNING "Id"
            """, ("@survey", surveyId), ("@section", sectionId),
            ("@texts", """{"en":"How likely are you to recommend us?","gu":"તમે અમારી ભલામણ કરશો તેની કેટલી શક્યતા છે?","ur":"آپ ہماری سفارش کرنے کا کتنا امکان رکھتے ہیں؟"}"""));
        await ScalarAsync(connection, """
            INSERT INTO surveys_questions ("SurveyId", "SectionId", "Position", "Type", "IsRequired", "Texts", "ShowIfQuestionId", "ShowIfOperator", "ShowIfValue")
            VALUES (@survey, @section, 1, 'LongText', 0, @texts, @nps, 'AtMost', 6) RETURNING "Id"
            """, ("@survey", surveyId), ("@section", sectionId), ("@nps", npsId),
            ("@texts", """{"en":"What should we do better?","gu":"અમારે શું સુધારવું જોઈએ?","ur":"ہمیں کیا بہتر کرنا چاہیے؟"}"""));
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        await ScalarAsync(connection, """
            INSERT INTO surveys_invitations ("SurveyId", "ContactId", "CustomerId", "Language", "TokenHash", "CreatedAt", "ExpiresAt", "IsAnswered")
            VALUES (@survey, 1, 1, @language, @hash, @now, @expires, 0) RETURNING "Id"
            """, ("@survey", surveyId), ("@language", language), ("@hash", SHA256.HashData(Encoding.ASCII.GetBytes(token))), ("@now", now),
            ("@expires", DateTimeOffset.UtcNow.AddDays(30).UtcTicks));
        return (surveyId, token);
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(app.Host.DataDirectory, "crm.db")}");
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }
}
