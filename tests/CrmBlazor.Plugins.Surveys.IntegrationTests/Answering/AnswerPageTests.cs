using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CrmBlazor.Data;
using CrmBlazor.Plugins.Surveys.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Surveys.IntegrationTests.Answering;

/// <summary>
/// The public answer page over HTTP through the real host, as a browser without JavaScript uses it: the
/// survey in the invitation's language, a plain form post with the page's antiforgery token, a draft
/// kept and shown again (escaped), the answers stored exactly once; every bad link or request gets a page
/// and its 4xx, and nothing half-saved.
/// </summary>
public abstract partial class AnswerPageTests(SurveysHostFixture fixture)
{
    private SurveysPlugin Surveys => fixture.Surveys;

    [Fact]
    public async Task ALink_OpensTheSurvey_InTheInvitationsLanguage_RightToLeftInUrdu_WithoutSignIn()
    {
        var link = await InvitedAsync(language: "ur");
        using var client = fixture.Host.CreateBrowserClient();

        using var response = await client.GetAsync(link.Path);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"ur\" dir=\"rtl\">", page, StringComparison.Ordinal);
        Assert.Contains("How likely are you to recommend us? (ur)", page, StringComparison.Ordinal);
        Assert.Contains("میرے جوابات بھیجیں", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.DoesNotContain("blazor.web.js", page, StringComparison.Ordinal);
        Assert.Matches("<fieldset[^>]*>\\s*<legend", page);
    }

    [Fact]
    public async Task Submitting_StoresTheAnswersOnce_AndAReplayedPostChangesNothing()
    {
        var link = await InvitedAsync();
        using var client = fixture.Host.CreateBrowserClient();
        var fields = await FormAsync(client, link.Path, ("action", "submit"), ($"q{link.Nps}", "9"));

        using var first = await PostAsync(client, link.Path, fields);
        using var replay = await PostAsync(client, link.Path, fields);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict), (first.StatusCode, replay.StatusCode));
        Assert.Contains("Thank you: your answers are saved.", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("answered with this link already. Nothing was changed.", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal([9], await fixture.Database.ColumnAsync<int>("""SELECT a."Number" FROM surveys_answers a JOIN surveys_responses r ON r."Id" = a."ResponseId" WHERE r."SurveyId" = @p0""", link.SurveyId));
    }

    [Fact]
    public async Task ADoubleClick_StoresOneResponse()
    {
        var link = await InvitedAsync();
        using var client = fixture.Host.CreateBrowserClient();
        var fields = await FormAsync(client, link.Path, ("action", "submit"), ($"q{link.Nps}", "10"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostAsync(client, link.Path, fields)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1L, await ResponsesAsync(link.SurveyId));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task UnknownExpiredUsedAndClosedLinks_GetAPage_AndTheirStatus()
    {
        var expired = await InvitedAsync();
        await fixture.Database.ExecuteAsync("""UPDATE surveys_invitations SET "ExpiresAt" = @p0 WHERE "SurveyId" = @p1""", DateTimeOffset.UtcNow.AddMinutes(-1), expired.SurveyId);
        var used = await InvitedAsync();
        Assert.Equal("Saved", (await Surveys.SubmitAsync(used.Token, new Dictionary<long, string[]> { [used.Nps] = ["9"] })).Status);
        var anonymous = await InvitedAsync(anonymous: true);
        Assert.Equal("Saved", (await Surveys.SubmitAsync(anonymous.Token, new Dictionary<long, string[]> { [anonymous.Nps] = ["9"] })).Status);
        var closed = await InvitedAsync();
        await fixture.Database.ExecuteAsync("""UPDATE surveys_surveys SET "State" = 'Closed' WHERE "Id" = @p0""", closed.SurveyId);
        using var client = fixture.Host.CreateBrowserClient();

        var pages = new[]
        {
            (await PageAsync(client, "/surveys/answer/no-such-token"), HttpStatusCode.NotFound, "This survey link is not valid, or it has been used already."),
            (await PageAsync(client, expired.Path), HttpStatusCode.Gone, "This survey link has expired."),
            (await PageAsync(client, used.Path), HttpStatusCode.Conflict, "answered with this link already"),
            (await PageAsync(client, anonymous.Path), HttpStatusCode.NotFound, "or it has been used already."),
            (await PageAsync(client, closed.Path), HttpStatusCode.Gone, "This survey is closed and takes no more answers."),
        };

        Assert.All(pages, p =>
        {
            Assert.Equal(p.Item2, p.Item1.Status);
            Assert.Contains(p.Item3, p.Item1.Page, StringComparison.Ordinal);
            Assert.Contains("role=\"alert\"", p.Item1.Page, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", p.Item1.Page, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task AMissingRequiredAnswer_IsShownAtItsQuestion_WithWhatWasEntered_AndNothingIsStored()
    {
        var link = await InvitedAsync();
        using var client = fixture.Host.CreateBrowserClient();
        var fields = await FormAsync(client, link.Path, ("action", "submit"), ($"q{link.Why}", "Slow answers"));

        using var response = await PostAsync(client, link.Path, fields);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"<p id=\"e{link.Nps}\" class=\"answer__error\">Answer this question.</p>", page, StringComparison.Ordinal);
        Assert.Matches($"type=\"radio\" name=\"q{link.Nps}\" value=\"0\" aria-invalid=\"true\"", page);
        Assert.Contains("Slow answers</textarea>", page, StringComparison.Ordinal);
        Assert.Equal(0L, await ResponsesAsync(link.SurveyId));
    }

    [Fact]
    public async Task MalformedPosts_GetA400Page_AndNothingIsSaved()
    {
        var link = await InvitedAsync();
        using var client = fixture.Host.CreateBrowserClient();
        var unknownField = await FormAsync(client, link.Path, ("action", "submit"), ($"q{link.Nps}", "9"), ("q999999999", "1"));
        var notAQuestion = await FormAsync(client, link.Path, ("action", "save"), ("name", "x"));
        var noAction = await FormAsync(client, link.Path, ($"q{link.Nps}", "9"));
        var noToken = new List<KeyValuePair<string, string>> { new("action", "submit"), new($"q{link.Nps}", "9") };

        var statuses = new List<HttpStatusCode>();
        foreach (var fields in new[] { unknownField, notAQuestion, noAction, noToken })
        {
            using var response = await PostAsync(client, link.Path, fields);
            statuses.Add(response.StatusCode);
            Assert.Contains("could not be read, and nothing was saved", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var json = await client.PostAsync(link.Path, new StringContent("{\"q1\":9}", System.Text.Encoding.UTF8, "application/json"));
        statuses.Add(json.StatusCode);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Equal(0L, await ResponsesAsync(link.SurveyId));
        Assert.Null(await DraftAsync(link.SurveyId));
    }

    [Fact]
    public async Task AnOversizedPost_GetsA413Page_AndNothingIsSaved()
    {
        var link = await InvitedAsync();
        using var client = fixture.Host.CreateBrowserClient();
        var fields = await FormAsync(client, link.Path, ("action", "save"), ($"q{link.Why}", new string('x', 2 * 1024 * 1024)));

        using var response = await PostAsync(client, link.Path, fields);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("too long, and nothing was saved", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0L, await ResponsesAsync(link.SurveyId));
        Assert.Null(await DraftAsync(link.SurveyId));
    }

    [Fact]
    public async Task PartialAnswers_AreKept_ShownAgainEscaped_AndSubmittedOnce_WhichDeletesTheDraft()
    {
        var link = await InvitedAsync();
        const string text = "<script>alert('x')</script> ખરાબ & سروس";
        using var client = fixture.Host.CreateBrowserClient();
        var draft = await FormAsync(client, link.Path, ("action", "save"), ($"q{link.Nps}", "3"), ($"q{link.Why}", text));

        using var saved = await PostAsync(client, link.Path, draft);
        using var later = fixture.Host.CreateBrowserClient();
        var (status, page) = await PageAsync(later, link.Path);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (saved.StatusCode, status));
        Assert.Contains("Your answers are kept.", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0L, await ResponsesAsync(link.SurveyId));
        Assert.Contains($"name=\"q{link.Nps}\" value=\"3\" checked", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
        Assert.Contains(">" + text + "</textarea>", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);

        var submit = await FormAsync(later, link.Path, ("action", "submit"), ($"q{link.Nps}", "3"), ($"q{link.Why}", text));
        using var submitted = await PostAsync(later, link.Path, submit);

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal([text], await fixture.Database.ColumnAsync<string>("""SELECT "Text" FROM surveys_answers WHERE "QuestionId" = @p0""", link.Why));
        Assert.Null(await DraftAsync(link.SurveyId));
    }

    [Fact]
    public async Task TooManyRequestsFromOneAddress_GetA429Page_WithRetryAfter()
    {
        var link = await InvitedAsync();
        using var client = fixture.Host.CreateBrowserClient();
        // Away from the end of a minute, so that the window filled below is the one the requests count in.
        while (DateTimeOffset.UtcNow.Second > 55)
        {
            await Task.Delay(500);
        }

        using (await client.GetAsync(link.Path))
        {
        }

        var key = await fixture.Database.ScalarAsync<string>("""SELECT "Key" FROM crm_rate_limits WHERE "Key" LIKE 'surveys answer%'""");
        try
        {
            await fixture.Database.ExecuteAsync("""UPDATE crm_rate_limits SET "Count" = 999999 WHERE "Key" = @p0""", key);

            using var allowed = await client.GetAsync(link.Path);
            using var refused = await client.GetAsync(link.Path);
            var page = await refused.Content.ReadAsStringAsync();

            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.TooManyRequests), (allowed.StatusCode, refused.StatusCode));
            Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
            Assert.Contains("Too many requests came from your address.", page, StringComparison.Ordinal);
        }
        finally
        {
            await fixture.Database.ExecuteAsync("""DELETE FROM crm_rate_limits WHERE "Key" = @p0""", key);
        }
    }

    internal sealed record Link(long SurveyId, long Nps, long Why, string Token, long ContactId, long CustomerId)
    {
        public string Path => "/surveys/answer/" + Token;
    }

    // An open survey with a required NPS question and an optional "why" shown only to detractors (NPS ≤ 6),
    // in English and Urdu, and a personal link to it.
    private async Task<Link> InvitedAsync(bool anonymous = false, string language = "en", long? contactId = null, long? customerId = null, Func<Task>? beforeInvite = null)
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var builder = new CustomerBuilder().Named("Respondent Firm " + Guid.NewGuid().ToString("N")[..8]).WithEmail($"{Guid.NewGuid():N}@respondent.test")
            .WithContact("Respondent " + Guid.NewGuid().ToString("N")[..8], $"{Guid.NewGuid():N}@respondent.test", id: contactId);
        var customer = await (customerId is { } id ? builder.WithId(id) : builder).SaveAsync(fixture.Host);
        var contact = customer.Contacts[0].Id;
        var design = await Surveys.CreatedAsync(manager, input =>
        {
            input.IsAnonymous = anonymous;
            input.Languages = new List<string> { "en", "ur" };
        });
        var nps = await Surveys.AddedQuestionAsync(manager, design.Id, "Nps", new Dictionary<string, string> { ["en"] = "How likely are you to recommend us? (en)", ["ur"] = "How likely are you to recommend us? (ur)" }, input => input.IsRequired = true);
        var why = await Surveys.AddedQuestionAsync(manager, design.Id, "LongText", new Dictionary<string, string> { ["en"] = "What should we do better?", ["ur"] = "ہمیں کیا بہتر کرنا چاہیے؟" }, input =>
        {
            input.ShowIfQuestionId = (long?)nps;
            input.ShowIfOperator = (dynamic)Surveys.Operator("AtMost");
            input.ShowIfValue = (long?)6;
        });
        var opened = await Surveys.OpenAsync(manager, design.Id);
        Assert.True(opened.Saved, string.Join(" ", opened.Messages));
        if (beforeInvite is not null)
        {
            await beforeInvite();
        }

        var (outcome, path) = await Surveys.InviteAsync(manager, design.Id, customer.Id, contact, input => input.Language = language);
        Assert.True(outcome.Saved, string.Join(" ", outcome.Messages));
        return new Link(design.Id, nps, why, path!["/surveys/answer/".Length..], contact, customer.Id);
    }

    private static async Task<(HttpStatusCode Status, string Page)> PageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    // Opens the page as a browser does (its antiforgery cookie set) and gives the fields to post: its token and those given.
    private static async Task<List<KeyValuePair<string, string>>> FormAsync(HttpClient client, string path, params (string Name, string Value)[] fields)
    {
        var page = await client.GetStringAsync(path);
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, "The page has no antiforgery token.");
        return [new(token.Groups[1].Value, WebUtility.HtmlDecode(token.Groups[2].Value)), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))];
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.PostAsync(path, new FormUrlEncodedContent(fields));

    private Task<long> ResponsesAsync(long surveyId) =>
        fixture.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM surveys_responses WHERE "SurveyId" = @p0""", surveyId);

    private async Task<string?> DraftAsync(long surveyId) =>
        (await fixture.Database.QueryAsync("""SELECT "Draft" FROM surveys_invitations WHERE "SurveyId" = @p0""", surveyId)).Single()["Draft"] as string;

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteSurveysHostFixture fixture) : AnswerPageTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresSurveysHostFixture fixture) : AnswerPageTests(fixture);
}
