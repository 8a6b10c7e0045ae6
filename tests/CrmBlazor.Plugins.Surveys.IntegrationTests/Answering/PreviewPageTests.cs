using System.Net;
using System.Text.RegularExpressions;
using CrmBlazor.Data;
using CrmBlazor.Plugins.Surveys.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Surveys.IntegrationTests.Answering;

/// <summary>
/// A survey's preview as a respondent sees it, <c>/surveys/{id}/preview?language=…</c>, over HTTP through the real
/// host: the answer page itself, marked as a preview, for users who see surveys only, in the language asked
/// for (right to left in Urdu), framed by the CRM's own pages only; its submit checks the answers as a real one
/// does, show-if conditions included, and stores nothing.
/// </summary>
public abstract partial class PreviewPageTests(SurveysHostFixture fixture)
{
    private SurveysPlugin Surveys => fixture.Surveys;

    [Fact]
    public async Task ADraftSurvey_IsPreviewed_AsTheAnswerPage_InTheLanguageAskedFor_RightToLeftInUrdu()
    {
        var preview = await SurveyAsync();
        using var client = await fixture.Host.SignInAsync(preview.Manager.User);

        var (gujaratiStatus, gujarati) = await PageAsync(client, preview.Path("gu"));
        var (urduStatus, urdu) = await PageAsync(client, preview.Path("ur"));
        var (otherStatus, other) = await PageAsync(client, preview.Path("ta"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (gujaratiStatus, urduStatus, otherStatus));
        Assert.Contains("<html lang=\"gu\" dir=\"ltr\">", gujarati, StringComparison.Ordinal);
        Assert.Contains("તમે અમારી ભલામણ કરશો?", WebUtility.HtmlDecode(gujarati), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"answer-preview\"", gujarati, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"ur\" dir=\"rtl\">", urdu, StringComparison.Ordinal);
        Assert.Contains("کیا آپ ہماری سفارش کریں گے؟", WebUtility.HtmlDecode(urdu), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", other, StringComparison.Ordinal);
        Assert.Matches("name=\"action\" value=\"preview\"", gujarati);
        Assert.Matches("value=\"save\"[^>]* disabled", gujarati);
        Assert.DoesNotContain("blazor.web.js", urdu, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePreview_MayBeFramedByTheCrmsOwnPagesOnly()
    {
        var preview = await SurveyAsync();
        using var client = await fixture.Host.SignInAsync(preview.Manager.User);

        using var response = await client.GetAsync(preview.Path("en"));
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy")).Split(';', StringSplitOptions.TrimEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("frame-ancestors 'self'", policy);
        Assert.Contains("script-src 'self'", policy);
        Assert.Equal("SAMEORIGIN", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task ThePreview_IsForUsersWhoSeeSurveys_OthersAreSentToSignIn_OrRefused_AndAnUnknownSurveyIsNotFound()
    {
        var preview = await SurveyAsync();
        var staff = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var accountant = await Person.CreateAsync(fixture.Host, CrmRoles.Accountant);
        using var visitor = fixture.Host.CreateBrowserClient();
        using var staffClient = await fixture.Host.SignInAsync(staff.User);
        using var accountantClient = await fixture.Host.SignInAsync(accountant.User);
        using var managerClient = await fixture.Host.SignInAsync(preview.Manager.User);

        using var anonymous = await visitor.GetAsync(preview.Path("en"));
        using var anonymousPost = await visitor.PostAsync(preview.Path("en"), new FormUrlEncodedContent([new("action", "preview")]));
        var (staffStatus, staffPage) = await PageAsync(staffClient, preview.Path("en"));
        var (refusedStatus, refusedPage) = await PageAsync(accountantClient, preview.Path("en"));
        var (unknownStatus, _) = await PageAsync(managerClient, "/surveys/987654321/preview?language=en");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(HttpStatusCode.OK, anonymousPost.StatusCode);
        Assert.Equal(HttpStatusCode.OK, staffStatus);
        Assert.Contains("How likely are you to recommend us?", staffPage, StringComparison.Ordinal);
        Assert.Contains(refusedStatus, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Redirect });
        Assert.DoesNotContain("How likely are you to recommend us?", refusedPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownStatus);
    }

    [Fact]
    public async Task CheckingAnswers_AppliesTheShowIfCondition_AndStoresNothing()
    {
        var preview = await SurveyAsync(open: true);
        using var client = await fixture.Host.SignInAsync(preview.Manager.User);
        var path = preview.Path("gu");

        // A detractor's score shows the required follow-up question: left empty, the check asks for it.
        using var detractor = await PostAsync(client, path, await FormAsync(client, path, ("action", "preview"), ($"q{preview.Nps}", "3")));
        var detractorPage = await detractor.Content.ReadAsStringAsync();
        // A promoter's score hides it: the same empty answer is accepted.
        using var promoter = await PostAsync(client, path, await FormAsync(client, path, ("action", "preview"), ($"q{preview.Nps}", "9")));
        var promoterPage = await promoter.Content.ReadAsStringAsync();
        // A real submit or a draft is not what the preview takes.
        using var submit = await PostAsync(client, path, await FormAsync(client, path, ("action", "submit"), ($"q{preview.Nps}", "9")));

        Assert.Equal(HttpStatusCode.BadRequest, detractor.StatusCode);
        Assert.Contains($"<p id=\"e{preview.Why}\" class=\"answer__error\">", detractorPage, StringComparison.Ordinal);
        Assert.Contains($"name=\"q{preview.Nps}\" value=\"3\" checked", detractorPage, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"gu\"", detractorPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, promoter.StatusCode);
        Assert.Contains("data-testid=\"answer-preview-checked\"", promoterPage, StringComparison.Ordinal);
        Assert.DoesNotContain("answer__error", promoterPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, submit.StatusCode);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM surveys_responses WHERE "SurveyId" = @p0""", preview.SurveyId));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM surveys_invitations WHERE "SurveyId" = @p0""", preview.SurveyId));
    }

    [Fact]
    public async Task APostWithoutTheFormsToken_IsRefused_AndStoresNothing()
    {
        var preview = await SurveyAsync(open: true);
        using var client = await fixture.Host.SignInAsync(preview.Manager.User);

        using var response = await PostAsync(client, preview.Path("en"), [new("action", "preview"), new($"q{preview.Nps}", "9")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("could not be read, and nothing was saved", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM surveys_responses WHERE "SurveyId" = @p0""", preview.SurveyId));
    }

    internal sealed record Preview(Person Manager, long SurveyId, long Nps, long Why)
    {
        public string Path(string language) => $"/surveys/{SurveyId}/preview?language={language}";
    }

    // A survey in English, Gujarati and Urdu with a required NPS question and a required "why" shown only to
    // detractors (NPS ≤ 6); a draft unless opened.
    private async Task<Preview> SurveyAsync(bool open = false)
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var design = await Surveys.CreatedAsync(manager, input => input.Languages = new List<string> { "en", "gu", "ur" });
        var nps = await Surveys.AddedQuestionAsync(manager, design.Id, "Nps", new Dictionary<string, string>
        {
            ["en"] = "How likely are you to recommend us?",
            ["gu"] = "તમે અમારી ભલામણ કરશો?",
            ["ur"] = "کیا آپ ہماری سفارش کریں گے؟",
        }, input => input.IsRequired = true);
        var why = await Surveys.AddedQuestionAsync(manager, design.Id, "LongText", new Dictionary<string, string>
        {
            ["en"] = "What should we do better?",
            ["gu"] = "અમારે શું સારું કરવું જોઈએ?",
            ["ur"] = "ہمیں کیا بہتر کرنا چاہیے؟",
        }, input =>
        {
            input.IsRequired = true;
            input.ShowIfQuestionId = (long?)nps;
            input.ShowIfOperator = (dynamic)Surveys.Operator("AtMost");
            input.ShowIfValue = (long?)6;
        });
        if (open)
        {
            var opened = await Surveys.OpenAsync(manager, design.Id);
            Assert.True(opened.Saved, string.Join(" ", opened.Messages));
        }

        return new Preview(manager, design.Id, nps, why);
    }

    private static async Task<(HttpStatusCode Status, string Page)> PageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    // Opens the preview as a browser does (its antiforgery cookie set) and gives the fields to post: its token and those given.
    private static async Task<List<KeyValuePair<string, string>>> FormAsync(HttpClient client, string path, params (string Name, string Value)[] fields)
    {
        var page = await client.GetStringAsync(path);
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, "The page has no antiforgery token.");
        return [new(token.Groups[1].Value, WebUtility.HtmlDecode(token.Groups[2].Value)), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))];
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.PostAsync(path, new FormUrlEncodedContent(fields));

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteSurveysHostFixture fixture) : PreviewPageTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresSurveysHostFixture fixture) : PreviewPageTests(fixture);
}
