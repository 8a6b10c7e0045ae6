using CrmBlazor.Plugins.Surveys.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Surveys.IntegrationTests.Invitations;

/// <summary>
/// Submitting answers through a personal link, through the plugin's answer service inside the host:
/// stored exactly once per link (also when submitted twice at the same moment), the respondent recorded
/// only for a named survey, required answers enforced with nothing stored, answers to questions hidden
/// by their condition discarded, and unknown, expired and used links refused.
/// </summary>
public abstract class SubmitTests(SurveysHostFixture fixture)
{
    private SurveysPlugin Surveys => fixture.Surveys;

    [Fact]
    public async Task ANamedAnswer_IsStoredOnce_WithItsRespondent_AndASecondSubmitChangesNothing()
    {
        var (surveyId, nps, _, token) = await InvitedAsync(anonymous: false);

        var first = await Surveys.SubmitAsync(token, new Dictionary<long, string[]> { [nps] = ["9"] });
        var second = await Surveys.SubmitAsync(token, new Dictionary<long, string[]> { [nps] = ["0"] });

        Assert.Equal(("Saved", "AlreadyAnswered"), (first.Status, second.Status));
        Assert.Equal([9], await fixture.Database.ColumnAsync<int>("""SELECT a."Number" FROM surveys_answers a JOIN surveys_responses r ON r."Id" = a."ResponseId" WHERE r."SurveyId" = @p0""", surveyId));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM surveys_respondents r JOIN surveys_invitations i ON i."SurveyId" = r."SurveyId" AND i."ContactId" = r."ContactId" WHERE r."SurveyId" = @p0""", surveyId));
    }

    [Fact]
    public async Task AnAnonymousAnswer_IsStored_WithNoRespondent_AndTheInvitationHoldsNoLinkToIt()
    {
        var (surveyId, nps, _, token) = await InvitedAsync(anonymous: true);

        var outcome = await Surveys.SubmitAsync(token, new Dictionary<long, string[]> { [nps] = ["8"] });

        Assert.Equal("Saved", outcome.Status);
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM surveys_responses WHERE "SurveyId" = @p0""", surveyId));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM surveys_respondents WHERE "SurveyId" = @p0""", surveyId));
        var responseId = await fixture.Database.ScalarAsync<object>("""SELECT "Id" FROM surveys_responses WHERE "SurveyId" = @p0""", surveyId);
        var invitation = Assert.Single(await fixture.Database.QueryAsync("""SELECT * FROM surveys_invitations WHERE "SurveyId" = @p0""", surveyId));
        Assert.DoesNotContain(invitation.Values, value => value is not null && value.ToString()!.Contains(responseId.ToString()!, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SubmittingTenTimesAtOnce_StoresOneResponse()
    {
        var (surveyId, nps, _, token) = await InvitedAsync(anonymous: true);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Surveys.SubmitAsync(token, new Dictionary<long, string[]> { [nps] = ["10"] })));

        Assert.Single(outcomes, o => o.Status == "Saved");
        // An anonymous survey's link loses its hash at submit: a later submit finds no link at all.
        Assert.All(outcomes.Where(o => o.Status != "Saved"), o => Assert.True(o.Status is "AlreadyAnswered" or "Unknown", o.Status));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM surveys_responses WHERE "SurveyId" = @p0""", surveyId));
    }

    [Fact]
    public async Task AMissingOrWrongAnswer_IsRefusedPerQuestion_NothingIsStored_AndTheLinkStillWorks()
    {
        var (surveyId, nps, _, token) = await InvitedAsync(anonymous: false);

        var missing = await Surveys.SubmitAsync(token, new Dictionary<long, string[]> { [nps] = ["  "] });
        var outOfScale = await Surveys.SubmitAsync(token, new Dictionary<long, string[]> { [nps] = ["11"] });
        var twoNumbers = await Surveys.SubmitAsync(token, new Dictionary<long, string[]> { [nps] = ["1", "2"] });
        var stored = await fixture.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM surveys_responses WHERE "SurveyId" = @p0""", surveyId);
        var then = await Surveys.SubmitAsync(token, new Dictionary<long, string[]> { [nps] = ["7"] });

        Assert.Equal(("Invalid", "Answer this question."), (missing.Status, missing.Problems[nps]));
        Assert.Equal(("Invalid", "Choose one of the numbers shown."), (outOfScale.Status, outOfScale.Problems[nps]));
        Assert.Equal("Invalid", twoNumbers.Status);
        Assert.Equal(0L, stored);
        Assert.Equal("Saved", then.Status);
    }

    [Fact]
    public async Task TheAnswerToAQuestionHiddenByItsCondition_IsDiscarded_AndAShownText_IsStoredAsWritten()
    {
        var (_, nps, why, promoter) = await InvitedAsync(anonymous: false);
        var (_, nps2, why2, detractor) = await InvitedAsync(anonymous: false);
        const string text = "<script>alert(1)</script> ખરાબ سروس";

        var hidden = await Surveys.SubmitAsync(promoter, new Dictionary<long, string[]> { [nps] = ["9"], [why] = [text] });
        var shown = await Surveys.SubmitAsync(detractor, new Dictionary<long, string[]> { [nps2] = ["2"], [why2] = [text] });

        Assert.Equal(("Saved", "Saved"), (hidden.Status, shown.Status));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM surveys_answers WHERE "QuestionId" = @p0""", why));
        Assert.Equal([text], await fixture.Database.ColumnAsync<string>("""SELECT "Text" FROM surveys_answers WHERE "QuestionId" = @p0""", why2));
    }

    [Fact]
    public async Task UnknownAndExpiredLinks_AreRefused_AndStoreNothing()
    {
        var (surveyId, nps, _, token) = await InvitedAsync(anonymous: false);
        await fixture.Database.ExecuteAsync("""UPDATE surveys_invitations SET "ExpiresAt" = @p0 WHERE "SurveyId" = @p1""", DateTimeOffset.UtcNow.AddMinutes(-1), surveyId);

        var expired = await Surveys.SubmitAsync(token, new Dictionary<long, string[]> { [nps] = ["9"] });
        var unknown = await Surveys.SubmitAsync(token[..^1] + (token[^1] == 'A' ? 'B' : 'A'), new Dictionary<long, string[]> { [nps] = ["9"] });
        var empty = await Surveys.SubmitAsync(string.Empty, new Dictionary<long, string[]> { [nps] = ["9"] });

        Assert.Equal(("Expired", "Unknown", "Unknown"), (expired.Status, unknown.Status, empty.Status));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM surveys_responses WHERE "SurveyId" = @p0""", surveyId));
    }

    // An open survey with a required NPS question and an optional "why" shown only to detractors (NPS ≤ 6),
    // and a personal link to it for a contact of a customer.
    private async Task<(long SurveyId, long Nps, long Why, string Token)> InvitedAsync(bool anonymous)
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var customer = await new CustomerBuilder().WithContact("Meena Raman", "meena@raman.example").SaveAsync(fixture.Host);
        var design = await Surveys.CreatedAsync(manager, input => input.IsAnonymous = anonymous);
        var nps = await Surveys.AddedQuestionAsync(manager, design.Id, "Nps", fill: input => input.IsRequired = true);
        var why = await Surveys.AddedQuestionAsync(manager, design.Id, "LongText", new Dictionary<string, string> { ["en"] = "What should we do better?" }, input =>
        {
            input.ShowIfQuestionId = (long?)nps;
            input.ShowIfOperator = (dynamic)Surveys.Operator("AtMost");
            input.ShowIfValue = (long?)6;
        });
        Assert.True((await Surveys.OpenAsync(manager, design.Id)).Saved);
        var (outcome, link) = await Surveys.InviteAsync(manager, design.Id, customer.Id, customer.Contacts[0].Id);
        Assert.True(outcome.Saved, string.Join(" ", outcome.Messages));
        return (design.Id, nps, why, link!["/surveys/answer/".Length..]);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteSurveysHostFixture fixture) : SubmitTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresSurveysHostFixture fixture) : SubmitTests(fixture);
}
