using System.Net;
using System.Net.Http.Json;
using CrmBlazor.Plugins.Surveys.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;
using MiniExcelLibs;

namespace CrmBlazor.Plugins.Surveys.IntegrationTests.Results;

/// <summary>
/// The CSV and Excel exports of a survey's answers through the host's HTTP pipeline: a row per response and a
/// column per question, the same rows in both, texts as written but never run as a formula, refused (in the
/// request's language) for an anonymous survey below its smallest group and for people who may not see surveys.
/// </summary>
public abstract class SurveyExportTests(SurveysHostFixture fixture)
{
    private SurveysPlugin Surveys => fixture.Surveys;

    [Fact]
    public async Task Csv_HasARowPerResponse_AndAColumnPerQuestion_WithTextsAsWritten_ButNoFormula()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var survey = await Surveys.CreatedAsync(manager);
        var nps = await Surveys.AddedQuestionAsync(manager, survey.Id, "Nps");
        var channel = await Surveys.AddedQuestionAsync(manager, survey.Id, "MultipleChoice", new Dictionary<string, string> { ["en"] = "How did you find us?" }, input =>
        {
            input.Options.Add(Surveys.Option("A colleague"));
            input.Options.Add(Surveys.Option("A search"));
        });
        var note = await Surveys.AddedQuestionAsync(manager, survey.Id, "LongText", new Dictionary<string, string> { ["en"] = "Anything else?" });
        var options = (await Surveys.DesignAsync(manager, survey.Id)).Of(channel).Options;
        await Surveys.AnswerOnAsync(survey.Id, new DateOnly(2026, 1, 5), (nps, 10, null, null), (channel, null, options[0].Id, null), (channel, null, options[1].Id, null), (note, null, null, "=SUM(A1) \"quoted\", ok"));
        await Surveys.AnswerOnAsync(survey.Id, new DateOnly(2026, 2, 1), (nps, 3, null, null), (note, null, null, "بہت اچھا"));
        using var client = await fixture.Host.SignInAsync(manager.User);

        using var response = await client.GetAsync($"/surveys/{survey.Id}/answers.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            "Day,How likely are you to recommend us?,How did you find us?,Anything else?",
            "2026-01-05,10,\"A colleague; A search\",\"'=SUM(A1) \"\"quoted\"\", ok\"",
            "2026-02-01,3,,بہت اچھا",
        ], lines);
    }

    [Fact]
    public async Task Csv_OfAnAnonymousSurvey_BelowItsSmallestGroup_IsRefused_ThenGivenOnceTheGroupIsBigEnough()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var survey = await Surveys.CreatedAsync(manager, input =>
        {
            input.IsAnonymous = true;
            input.MinimumGroupSize = 2;
        });
        var nps = await Surveys.AddedQuestionAsync(manager, survey.Id, "Nps");
        await Surveys.AnswerOnAsync(survey.Id, new DateOnly(2026, 1, 5), (nps, 8, null, null));
        using var client = await fixture.Host.SignInAsync(manager.User);

        using var refused = await client.GetAsync($"/surveys/{survey.Id}/answers.csv");
        var refusal = await refused.Content.ReadAsStringAsync();
        await Surveys.AnswerOnAsync(survey.Id, new DateOnly(2026, 1, 6), (nps, 9, null, null));
        using var given = await client.GetAsync($"/surveys/{survey.Id}/answers.csv");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("fewer than 2 answers", refusal, StringComparison.Ordinal);
        Assert.NotEqual("text/csv", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, given.StatusCode);
        Assert.Equal(3, (await given.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Csv_ForSomeoneWhoMayNotSeeSurveys_IsForbidden_AndAnUnknownSurveyIsNotFound()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var accountant = await Person.CreateAsync(fixture.Host, CrmRoles.Accountant);
        var survey = await Surveys.CreatedAsync(manager);
        using var refusedClient = await fixture.Host.SignInAsync(accountant.User);
        using var managerClient = await fixture.Host.SignInAsync(manager.User);

        using var refused = await refusedClient.GetAsync($"/surveys/{survey.Id}/answers.csv");
        using var unknown = await managerClient.GetAsync("/surveys/987654321/answers.csv");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Xlsx_OpenedWithMiniExcel_HasTheSameRowsAsTheCsv_WithNonLatinTextIntact()
    {
        // Tamil, Kannada and Georgian from shared/samples/text; Urdu right to left; two questions with the same text.
        const string tamil = "வாடிக்கையாளர் உறவு மேலாண்மை";
        const string kannada = "ಗ್ರಾಹಕ ಸಂಬಂಧ ನಿರ್ವಹಣೆ";
        const string georgian = "მომხმარებელთან ურთიერთობის მენეჯმენტი";
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var survey = await Surveys.CreatedAsync(manager);
        var nps = await Surveys.AddedQuestionAsync(manager, survey.Id, "Nps");
        var first = await Surveys.AddedQuestionAsync(manager, survey.Id, "ShortText", new Dictionary<string, string> { ["en"] = "Why?" });
        var second = await Surveys.AddedQuestionAsync(manager, survey.Id, "ShortText", new Dictionary<string, string> { ["en"] = "Why?" });
        await Surveys.AnswerOnAsync(survey.Id, new DateOnly(2026, 1, 5), (nps, 9, null, null), (first, null, null, tamil), (second, null, null, kannada));
        await Surveys.AnswerOnAsync(survey.Id, new DateOnly(2026, 1, 6), (nps, 2, null, null), (first, null, null, georgian), (second, null, null, "=1+2 بہت اچھا"));
        using var client = await fixture.Host.SignInAsync(manager.User);

        using var csvResponse = await client.GetAsync($"/surveys/{survey.Id}/answers.csv");
        using var xlsxResponse = await client.GetAsync($"/surveys/{survey.Id}/answers.xlsx");

        Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsxResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"survey-{survey.Id}-answers.xlsx", xlsxResponse.Content.Headers.ContentDisposition?.FileNameStar);
        using var workbook = new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync());
        var sheet = MiniExcel.Query(workbook, useHeaderRow: false, sheetName: "Answers").Cast<IDictionary<string, object?>>()
            .Select(row => row.Values.Select(v => v?.ToString() ?? string.Empty).ToArray())
            .ToList();
        var csv = (await csvResponse.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            ["Day", "How likely are you to recommend us?", "Why?", "Why?"],
            ["2026-01-05", "9", tamil, kannada],
            ["2026-01-06", "2", georgian, "=1+2 بہت اچھا"],
        ], sheet);
        // The CSV has the same rows (its formula-like cell marked as text, which a spreadsheet shows without the mark).
        Assert.Equal(sheet.Select(row => string.Join(",", row.Select(c => CrmBlazor.Sdk.Exports.CsvWriter.FormatCell(c)))), csv);
    }

    [Fact]
    public async Task Xlsx_OfAnAnonymousSurvey_BelowItsSmallestGroup_IsRefused_InTheRequestsLanguage()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var survey = await Surveys.CreatedAsync(manager, input =>
        {
            input.IsAnonymous = true;
            input.MinimumGroupSize = 4;
        });
        var nps = await Surveys.AddedQuestionAsync(manager, survey.Id, "Nps");
        await Surveys.AnswerOnAsync(survey.Id, new DateOnly(2026, 1, 5), (nps, 8, null, null));
        using var client = await fixture.Host.SignInAsync(manager.User);
        using var english = await client.GetAsync($"/surveys/{survey.Id}/answers.xlsx");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/surveys/{survey.Id}/answers.xlsx");
        request.Headers.AcceptLanguage.ParseAdd("ur-PK");

        using var urdu = await client.SendAsync(request);

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (english.StatusCode, urdu.StatusCode));
        Assert.Equal("application/problem+json", urdu.Content.Headers.ContentType?.MediaType);
        Assert.Contains("fewer than 4 answers", await english.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var translated = await urdu.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var detail = translated.GetProperty("detail").GetString()!;
        Assert.Contains("4", detail, StringComparison.Ordinal);
        Assert.Contains(detail, c => c is >= '\u0600' and <= '\u06FF');
    }

    [Fact]
    public async Task Xlsx_ForSomeoneWhoMayNotSeeSurveys_IsForbidden_AndAnUnknownSurveyIsNotFound()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var accountant = await Person.CreateAsync(fixture.Host, CrmRoles.Accountant);
        var survey = await Surveys.CreatedAsync(manager);
        using var refusedClient = await fixture.Host.SignInAsync(accountant.User);
        using var managerClient = await fixture.Host.SignInAsync(manager.User);

        using var refused = await refusedClient.GetAsync($"/surveys/{survey.Id}/answers.xlsx");
        using var unknown = await managerClient.GetAsync("/surveys/987654321/answers.xlsx");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteSurveysHostFixture fixture) : SurveyExportTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresSurveysHostFixture fixture) : SurveyExportTests(fixture);
}
