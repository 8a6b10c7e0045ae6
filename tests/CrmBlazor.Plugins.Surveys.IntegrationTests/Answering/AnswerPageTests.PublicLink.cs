using System.Net;
using CrmBlazor.Plugins.Surveys.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Surveys.IntegrationTests.Answering;

/// <summary>
/// The public link of an anonymous survey over HTTP: each visit gets a fresh anonymous invitation and a
/// 303 to its own answer page; links switched off, made anew, unknown, expired or closed get the answer
/// page's refusals and statuses; the link is for anonymous surveys only, managed by those who build surveys,
/// and rate-limited per address.
/// </summary>
public abstract partial class AnswerPageTests
{
    [Fact]
    public async Task APublicLinkVisit_RedirectsToAnAnswerPageOfItsOwn_WhoseSubmitStoresAnAnonymousAnswer()
    {
        var survey = await PublicSurveyAsync();
        var link = await PublicLinkAsync(survey);
        using var client = fixture.Host.CreateBrowserClient();

        using var visit = await client.GetAsync(link);
        var answerPath = visit.Headers.Location?.OriginalString;

        Assert.Equal(HttpStatusCode.SeeOther, visit.StatusCode);
        Assert.StartsWith("/surveys/answer/", answerPath, StringComparison.Ordinal);
        Assert.True(visit.Headers.CacheControl?.NoStore);
        var fields = await FormAsync(client, answerPath!, ("action", "submit"), ($"q{survey.Nps}", "9"));
        using var submitted = await PostAsync(client, answerPath!, fields);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Contains("Thank you: your answers are saved.", await submitted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1L, await ResponsesAsync(survey.Id));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM surveys_respondents WHERE "SurveyId" = @p0""", survey.Id));
        var invitation = (await fixture.Database.QueryAsync("""SELECT * FROM surveys_invitations WHERE "SurveyId" = @p0""", survey.Id)).Single();
        Assert.Equal([null, null, null, null, null], new[] { invitation["ContactId"], invitation["CustomerId"], invitation["TokenHash"], invitation["Draft"], invitation["CreatedByUserId"] });
        Assert.True(Convert.ToBoolean(invitation["IsAnswered"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task TwoVisits_MakeTwoInvitations_NotCountedAsLinksSent()
    {
        var survey = await PublicSurveyAsync();
        var link = await PublicLinkAsync(survey);
        using var client = fixture.Host.CreateBrowserClient();

        using var first = await client.GetAsync(link);
        using var second = await client.GetAsync(link);

        Assert.Equal((HttpStatusCode.SeeOther, HttpStatusCode.SeeOther), (first.StatusCode, second.StatusCode));
        Assert.NotEqual(first.Headers.Location, second.Headers.Location);
        Assert.Equal(2L, await InvitationsAsync(survey.Id));
        var results = await Surveys.ResultsAsync(survey.Manager, survey.Id);
        Assert.Equal((0, 0), (results.Sent, results.Answered));
    }

    [Fact]
    public async Task AVisit_ShowsTheSurveyInTheVisitorsLanguage_WhenTheSurveyHasIt()
    {
        var survey = await PublicSurveyAsync();
        var link = await PublicLinkAsync(survey);
        using var client = fixture.Host.CreateBrowserClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ur-PK");

        using var visit = await client.GetAsync(link);
        var (status, page) = await PageAsync(client, visit.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<html lang=\"ur\" dir=\"rtl\">", page, StringComparison.Ordinal);
        Assert.Contains("How likely are you to recommend us? (ur)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinksSwitchedOffMadeAnewOrUnknown_Get404Pages_AndMakeNoInvitation()
    {
        var survey = await PublicSurveyAsync();
        var old = await PublicLinkAsync(survey);
        var renewed = await PublicLinkAsync(survey);
        using var client = fixture.Host.CreateBrowserClient();
        using var tamil = fixture.Host.CreateBrowserClient();
        tamil.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ta-IN");

        var oldPage = await PageAsync(client, old);
        using (var works = await client.GetAsync(renewed))
        {
            Assert.Equal(HttpStatusCode.SeeOther, works.StatusCode);
        }

        Assert.True((await Surveys.SwitchPublicLinkOffAsync(survey.Manager, survey.Id)).Saved);
        var offPage = await PageAsync(client, renewed);
        var unknown = await PageAsync(tamil, "/surveys/public/no-such-token");

        Assert.All(new[] { oldPage, offPage, unknown }, p =>
        {
            Assert.Equal(HttpStatusCode.NotFound, p.Status);
            Assert.Contains("role=\"alert\"", p.Page, StringComparison.Ordinal);
        });
        Assert.Contains("This survey link is not valid, or it has been used already.", oldPage.Page, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"ta\"", unknown.Page, StringComparison.Ordinal);
        Assert.DoesNotContain("This survey link is not valid", unknown.Page, StringComparison.Ordinal);
        Assert.Equal(1L, await InvitationsAsync(survey.Id));
    }

    [Fact]
    public async Task ExpiredAndClosedPublicLinks_Get410Pages_AndMakeNoInvitation()
    {
        var expired = await PublicSurveyAsync();
        var expiredLink = await PublicLinkAsync(expired);
        await fixture.Database.ExecuteAsync("""UPDATE surveys_surveys SET "PublicLinkExpiresAt" = @p0 WHERE "Id" = @p1""", At(DateTimeOffset.UtcNow.AddMinutes(-1)), expired.Id);
        var closed = await PublicSurveyAsync();
        var closedLink = await PublicLinkAsync(closed);
        await fixture.Database.ExecuteAsync("""UPDATE surveys_surveys SET "State" = 'Closed' WHERE "Id" = @p0""", closed.Id);
        using var client = fixture.Host.CreateBrowserClient();

        var expiredPage = await PageAsync(client, expiredLink);
        var closedPage = await PageAsync(client, closedLink);

        Assert.Equal((HttpStatusCode.Gone, HttpStatusCode.Gone), (expiredPage.Status, closedPage.Status));
        Assert.Contains("This survey link has expired.", expiredPage.Page, StringComparison.Ordinal);
        Assert.Contains("This survey is closed and takes no more answers.", closedPage.Page, StringComparison.Ordinal);
        Assert.Equal(0L, await InvitationsAsync(expired.Id) + await InvitationsAsync(closed.Id));
    }

    [Fact]
    public async Task ANamedSurvey_IsRefusedAPublicLink_AndASurveyWithOne_CannotAskForNames()
    {
        var named = await PublicSurveyAsync(anonymous: false);
        var anonymous = await PublicSurveyAsync();
        await PublicLinkAsync(anonymous);

        var (refused, link) = await Surveys.MakePublicLinkAsync(named.Manager, named.Id);
        var madeNamed = await Surveys.UpdateAsync(anonymous.Manager, anonymous.Id, input => input.IsAnonymous = false);

        Assert.Equal(("Invalid", (string?)null), (refused.Status, link));
        Assert.StartsWith("Only an anonymous survey can have a public link", refused.Message, StringComparison.Ordinal);
        Assert.False(madeNamed.Saved);
        Assert.StartsWith("The survey has a public link", madeNamed.Message, StringComparison.Ordinal);
        Assert.True((await Surveys.DesignAsync(anonymous.Manager, anonymous.Id)).IsAnonymous);

        Assert.True((await Surveys.SwitchPublicLinkOffAsync(anonymous.Manager, anonymous.Id)).Saved);
        Assert.True((await Surveys.UpdateAsync(anonymous.Manager, anonymous.Id, input => input.IsAnonymous = false)).Saved);
    }

    [Fact]
    public async Task OnlySomeoneWhoBuildsSurveys_ManagesThePublicLink_AtTheVersionTheySee()
    {
        var survey = await PublicSurveyAsync();
        var staff = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var stale = (await Surveys.DesignAsync(survey.Manager, survey.Id)).RowVersion;
        var link = await PublicLinkAsync(survey);

        var (byStaff, staffLink) = await Surveys.MakePublicLinkAsync(staff, survey.Id);
        var offByStaff = await Surveys.SwitchPublicLinkOffAsync(staff, survey.Id);
        var (atStaleVersion, _) = await Surveys.MakePublicLinkAsync(survey.Manager, survey.Id, rowVersion: stale);
        var (tooLong, _) = await Surveys.MakePublicLinkAsync(survey.Manager, survey.Id, validDays: 91);

        Assert.Equal(("Forbidden", (string?)null, "Forbidden"), (byStaff.Status, staffLink, offByStaff.Status));
        Assert.Equal(("Conflict", "Invalid"), (atStaleVersion.Status, tooLong.Status));
        using var client = fixture.Host.CreateBrowserClient();
        using var stillWorks = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.SeeOther, stillWorks.StatusCode);
    }

    [Fact]
    public async Task TooManyVisitsFromOneAddress_GetA429Page_AndMakeNoInvitation()
    {
        var survey = await PublicSurveyAsync();
        var link = await PublicLinkAsync(survey);
        using var client = fixture.Host.CreateBrowserClient();
        // Away from the end of a minute, so that the window filled below is the one the visits count in.
        while (DateTimeOffset.UtcNow.Second > 55)
        {
            await Task.Delay(500);
        }

        using (await client.GetAsync(link))
        {
        }

        var key = await fixture.Database.ScalarAsync<string>("""SELECT "Key" FROM crm_rate_limits WHERE "Key" LIKE 'surveys public%'""");
        try
        {
            await fixture.Database.ExecuteAsync("""UPDATE crm_rate_limits SET "Count" = 999999 WHERE "Key" = @p0""", key);

            using var allowed = await client.GetAsync(link);
            using var refused = await client.GetAsync(link);

            Assert.Equal((HttpStatusCode.SeeOther, HttpStatusCode.TooManyRequests), (allowed.StatusCode, refused.StatusCode));
            Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
            Assert.Contains("Too many requests came from your address.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(2L, await InvitationsAsync(survey.Id));
        }
        finally
        {
            await fixture.Database.ExecuteAsync("""DELETE FROM crm_rate_limits WHERE "Key" = @p0""", key);
        }
    }

    [Fact]
    public async Task ExpiredVisitsThatWereNeverAnswered_AreDeletedByTheCleanUp_AndNothingElse()
    {
        var survey = await PublicSurveyAsync();
        var link = await PublicLinkAsync(survey);
        var sent = await InvitedAsync(anonymous: true);
        using var client = fixture.Host.CreateBrowserClient();
        using var answered = await client.GetAsync(link);
        using var unanswered = await client.GetAsync(link);
        using var stillOpen = await client.GetAsync(link);
        var answeredPath = answered.Headers.Location!.OriginalString;
        var fields = await FormAsync(client, answeredPath, ("action", "submit"), ($"q{survey.Nps}", "7"));
        using (var submitted = await PostAsync(client, answeredPath, fields))
        {
            Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        }

        var unansweredHash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(unanswered.Headers.Location!.OriginalString["/surveys/answer/".Length..]));
        await fixture.Database.ExecuteAsync("""UPDATE surveys_invitations SET "ExpiresAt" = @p0 WHERE ("SurveyId" = @p1 AND ("IsAnswered" = @p2 OR "TokenHash" = @p3)) OR "SurveyId" = @p4""",
            At(DateTimeOffset.UtcNow.AddMinutes(-1)), survey.Id, true, unansweredHash, sent.SurveyId);

        await Surveys.RunJobAsync("Jobs.PublicVisitCleanupJob");

        Assert.Equal(2L, await InvitationsAsync(survey.Id));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM surveys_invitations WHERE "TokenHash" = @p0""", unansweredHash));
        Assert.Equal(1L, await InvitationsAsync(sent.SurveyId));
        using var stillOpenPage = await client.GetAsync(stillOpen.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, stillOpenPage.StatusCode);
    }

    private sealed record PublicSurvey(Person Manager, long Id, long Nps);

    // An open survey, anonymous unless asked otherwise, in English and Urdu, with a required NPS question.
    private async Task<PublicSurvey> PublicSurveyAsync(bool anonymous = true)
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var design = await Surveys.CreatedAsync(manager, input =>
        {
            input.IsAnonymous = anonymous;
            input.Languages = new List<string> { "en", "ur" };
        });
        var nps = await Surveys.AddedQuestionAsync(manager, design.Id, "Nps", new Dictionary<string, string> { ["en"] = "How likely are you to recommend us? (en)", ["ur"] = "How likely are you to recommend us? (ur)" }, input => input.IsRequired = true);
        var opened = await Surveys.OpenAsync(manager, design.Id);
        Assert.True(opened.Saved, string.Join(" ", opened.Messages));
        return new PublicSurvey(manager, design.Id, nps);
    }

    // Switches the survey's public link on (or makes it anew) and gives its path; the link starts with the CRM's public address.
    private async Task<string> PublicLinkAsync(PublicSurvey survey)
    {
        var (outcome, link) = await Surveys.MakePublicLinkAsync(survey.Manager, survey.Id);
        Assert.True(outcome.Saved, string.Join(" ", outcome.Messages));
        Assert.StartsWith(SurveysHostFixture.PublicUrl + "surveys/public/", link, StringComparison.Ordinal);
        return new Uri(link!).AbsolutePath;
    }

    // A moment as the provider stores it (SQLite: UTC ticks).
    private object At(DateTimeOffset moment) => fixture.Provider == CrmBlazor.Data.DatabaseProvider.Sqlite ? moment.UtcTicks : moment;

    private Task<long> InvitationsAsync(long surveyId) =>
        fixture.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM surveys_invitations WHERE "SurveyId" = @p0""", surveyId);
}
