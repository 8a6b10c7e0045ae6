using System.Text.Json;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Dashboard;
using CrmBlazor.Host.Features.Interactions;
using CrmBlazor.Plugins.Surveys.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Privacy;
using CrmBlazor.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Plugins.Surveys.IntegrationTests.Effects;

/// <summary>
/// What a named survey's answer does outside the plugin, through the real host and database: the closed
/// loop's follow-up (a complaint for the account manager, on the timeline and the dashboard, closed in the
/// core with a note), the "survey answered" timeline entry, the latest NPS and CSAT figures and
/// <c>ISurveyScores</c>, each exactly once also when the effects run again or after a crash right after the
/// submit's commit; nothing for an anonymous survey; and a contact's answers in export and erasure.
/// </summary>
public abstract class AnswerEffectsTests(SurveysHostFixture fixture)
{
    private const string Why = "What should we do better?";

    private SurveysPlugin Surveys => fixture.Surveys;

    [Fact]
    public async Task ADetractorsAnswer_WithTheLoopOn_OpensOneComplaintForTheAccountManager_ShownOpen_AndClosedInTheCoreWithANote()
    {
        var (customerId, contactId, accountManager) = await CustomerAsync();
        var survey = await SurveyAsync(closedLoop: true);

        await AnswerAsync(survey, customerId, contactId, 3, "The invoice was wrong twice.");
        await Surveys.RunEffectsAsync();

        var complaint = Assert.Single(await InteractionsAsync(customerId));
        Assert.Equal(("Complaint", "Open", accountManager.Id), ((string)complaint["Channel"]!, (string)complaint["Status"]!, (string?)complaint["OwnerUserId"]));
        Assert.Contains("NPS 3", (string)complaint["Subject"]!, StringComparison.Ordinal);
        Assert.Contains("The invoice was wrong twice.", (string)complaint["Body"]!, StringComparison.Ordinal);
        var complaintId = Convert.ToInt64(complaint["Id"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal([contactId], await fixture.Database.ColumnAsync<long>("""SELECT "ContactId" FROM crm_interaction_contacts WHERE "InteractionId" = @p0""", complaintId));
        var dashboard = await fixture.Host.InScopeAsync(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            return await OpenCaseSummary.LoadAsync(db, 10_000);
        });
        Assert.Contains(dashboard.Oldest, c => c.InteractionId == complaintId);
        var entry = Assert.Single(await TimelineAsync(customerId));
        Assert.Equal($"/surveys/{survey.Id}/results", entry["Link"]);
        Assert.Equal("Open", Assert.Single(await Surveys.LoopAsync(accountManager, survey.Id)).State);

        var closed = await fixture.Host.AsUserAsync(accountManager.User, async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            var version = await db.Interactions.Where(i => i.Id == complaintId).Select(i => i.RowVersion).SingleAsync();
            return await services.GetRequiredService<InteractionService>().SetResolvedAsync(complaintId, true, "Called back; the invoice is corrected.", version);
        });

        Assert.True(closed.Succeeded);
        var loop = Assert.Single(await Surveys.LoopAsync(accountManager, survey.Id));
        Assert.Equal(("Closed", "Called back; the invoice is corrected.", (int?)3, complaintId), (loop.State, loop.Note, loop.Score, loop.FollowUpId));
    }

    [Fact]
    public async Task WithTheLoopOff_ADetractorsAnswer_OpensNothing_ButIsOnTheTimeline()
    {
        var (customerId, contactId, manager) = await CustomerAsync();
        var survey = await SurveyAsync(closedLoop: false);

        await AnswerAsync(survey, customerId, contactId, 0);
        await Surveys.RunEffectsAsync();

        Assert.Empty(await InteractionsAsync(customerId));
        Assert.Contains("(NPS 0)", (string)Assert.Single(await TimelineAsync(customerId))["Title"]!, StringComparison.Ordinal);
        Assert.Equal("None", Assert.Single(await Surveys.LoopAsync(manager, survey.Id)).State);
    }

    [Fact]
    public async Task APromotersAnswer_WithTheLoopOn_OpensNothing()
    {
        var (customerId, contactId, manager) = await CustomerAsync();
        var survey = await SurveyAsync(closedLoop: true);

        await AnswerAsync(survey, customerId, contactId, 9);
        await Surveys.RunEffectsAsync();

        Assert.Empty(await InteractionsAsync(customerId));
        Assert.Single(await TimelineAsync(customerId));
        Assert.Equal("None", Assert.Single(await Surveys.LoopAsync(manager, survey.Id)).State);
    }

    [Fact]
    public async Task AnAnonymousSurvey_RefusesTheLoop_AndItsAnswersPutNothingOnTheTimelineFiguresOrFollowUps()
    {
        var (customerId, contactId, manager) = await CustomerAsync();

        var refused = await Surveys.CreateAsync(manager, input =>
        {
            input.IsAnonymous = true;
            input.ClosedLoop = true;
        });
        var survey = await SurveyAsync(closedLoop: false, anonymous: true);
        var turnedOn = await Surveys.UpdateAsync(manager, survey.Id, input => input.ClosedLoop = true);
        await AnswerAsync(survey, customerId, contactId, 1);
        await Surveys.RunEffectsAsync();

        Assert.Equal(("Invalid", "ClosedLoop"), (refused.Status, Assert.Single(refused.Fields)));
        Assert.Equal("An anonymous answer cannot be followed up without naming who gave it: switch the closed loop off, or make the survey named.", refused.Message);
        Assert.Equal("Invalid", turnedOn.Status);
        Assert.Empty(await InteractionsAsync(customerId));
        Assert.Empty(await TimelineAsync(customerId));
        Assert.Empty(await FiguresAsync(customerId));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM surveys_pending_effects WHERE "SurveyId" = @p0""", survey.Id));
        Assert.Empty(await Surveys.LoopAsync(manager, survey.Id));
    }

    [Fact]
    public async Task AfterACrashRightAfterTheCommit_TheSweepPerformsEachEffectOnce_AndRunningItAgainChangesNothing()
    {
        var (customerId, contactId, _) = await CustomerAsync();
        var survey = await SurveyAsync(closedLoop: true);
        var responseId = await Surveys.CommittedAnswerAsync(survey.Id, customerId, contactId, DateTimeOffset.UtcNow, (survey.Nps, 2));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM surveys_pending_effects WHERE "SurveyId" = @p0""", survey.Id));

        await Surveys.RunEffectsAsync();
        await Surveys.RunEffectsOfAsync(responseId);
        await Surveys.PendAgainAsync(survey.Id);
        await Surveys.RunEffectsAsync();

        Assert.Single(await InteractionsAsync(customerId));
        Assert.Single(await TimelineAsync(customerId));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM surveys_follow_ups WHERE "SurveyId" = @p0""", survey.Id));
        Assert.Equal(2d, (await FiguresAsync(customerId))["surveys.latest-nps"]);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM surveys_pending_effects WHERE "SurveyId" = @p0""", survey.Id));
    }

    [Fact]
    public async Task TheLatestScores_AreTheLaterAnswers_PerCustomer_AsFiguresAndForOtherPlugins_AndCustomersWithoutAnswersAreAbsent()
    {
        var (a, aContact, _) = await CustomerAsync();
        var (b, bContact, _) = await CustomerAsync();
        var (c, cContact, _) = await CustomerAsync();
        var first = await SurveyAsync(closedLoop: false);
        var second = await SurveyAsync(closedLoop: false);
        var anonymous = await SurveyAsync(closedLoop: false, anonymous: true);
        var day = new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);
        await Surveys.CommittedAnswerAsync(second.Id, a, aContact, day.AddDays(3), (second.Nps, 9), (second.Csat, 2));
        await Surveys.CommittedAnswerAsync(first.Id, a, aContact, day, (first.Nps, 3), (first.Csat, 5));
        await Surveys.CommittedAnswerAsync(first.Id, b, bContact, day.AddDays(1), (first.Csat, 4));
        await Surveys.AnswerAsync(anonymous.Id, (anonymous.Nps, 0), (anonymous.Csat, 1));

        await Surveys.RunEffectsAsync();
        var scores = await Surveys.ScoresAsync([a, b, c]);

        Assert.Equal(new Dictionary<string, double?> { ["surveys.latest-nps"] = 9, ["surveys.latest-csat"] = 2 }, await FiguresAsync(a));
        Assert.Equal(new Dictionary<string, double?> { ["surveys.latest-csat"] = 4 }, await FiguresAsync(b));
        Assert.Empty(await FiguresAsync(c));
        Assert.Equal([a, b], scores.Keys.Order());
        Assert.Equal((9, day.AddDays(3), second.Id), (scores[a].Nps!.Value, scores[a].Nps!.AnsweredAt, scores[a].Nps!.SurveyId));
        Assert.Equal((2, day.AddDays(3)), (scores[a].Csat!.Value, scores[a].Csat!.AnsweredAt));
        Assert.Null(scores[b].Nps);
        Assert.Equal((4, day.AddDays(1), first.Id), (scores[b].Csat!.Value, scores[b].Csat!.AnsweredAt, scores[b].Csat!.SurveyId));
        var all = await Surveys.ScoresAsync(null);
        Assert.Equal(9, all[a].Nps!.Value);
        Assert.False(all.ContainsKey(c));
        _ = cContact;
    }

    [Fact]
    public async Task AContactsSurveyData_IsExported_AndErasure_UnlinksTheAnswers_DeletesTheirTexts_AndSaysWhatItDid()
    {
        var (customerId, contactId, _) = await CustomerAsync();
        var survey = await SurveyAsync(closedLoop: true);
        await AnswerAsync(survey, customerId, contactId, 4, "Kavya Rao: the support line never answers.");
        await Surveys.RunEffectsAsync();
        // The job queued by the submit runs in the background too; an erasure is checked once it has finished.
        await fixture.AnswerEffectsFinishedAsync();
        var subject = new PersonalDataSubject(customerId, contactId, ["Kavya Rao"], ["kavya@example.test"]);

        var export = JsonSerializer.Serialize(await Surveys.ExportAsync(subject));
        var erased = await Surveys.EraseAsync(subject);

        Assert.Contains(JsonSerializer.Serialize(survey.Name), export, StringComparison.Ordinal);
        Assert.Contains(JsonSerializer.Serialize(Why), export, StringComparison.Ordinal);
        Assert.Contains("\"answer\":\"4\"", export, StringComparison.Ordinal);
        Assert.Contains(JsonSerializer.Serialize("Kavya Rao: the support line never answers."), export, StringComparison.Ordinal);
        Assert.Contains(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), export, StringComparison.Ordinal);
        Assert.StartsWith("Surveys: 1 answered surveys unlinked", erased, StringComparison.Ordinal);
        Assert.Contains("1 text answers deleted, 1 invitations deleted", erased, StringComparison.Ordinal);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM surveys_respondents WHERE "ContactId" = @p0""", contactId));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM surveys_invitations WHERE "ContactId" = @p0""", contactId));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM surveys_answers WHERE "QuestionId" = @p0""", survey.Why));
        Assert.Equal([4], await fixture.Database.ColumnAsync<int>("""SELECT "Number" FROM surveys_answers WHERE "QuestionId" = @p0""", survey.Nps));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM surveys_follow_ups WHERE "SurveyId" = @p0""", survey.Id));
        Assert.Empty(await TimelineAsync(customerId));
        Assert.Empty(await FiguresAsync(customerId));
        Assert.Null(await Surveys.ExportAsync(subject));
        Assert.Equal("Surveys: nothing to erase.", await Surveys.EraseAsync(subject));
    }

    private sealed record SurveyUnderTest(long Id, string Name, long Nps, long Csat, long Why);

    // An open survey: a required NPS question, an optional CSAT question, and "what should we do better?"
    // shown only to detractors (NPS ≤ 6).
    private async Task<SurveyUnderTest> SurveyAsync(bool closedLoop, bool anonymous = false)
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var design = await Surveys.CreatedAsync(manager, input =>
        {
            input.IsAnonymous = anonymous;
            input.ClosedLoop = closedLoop;
        });
        var nps = await Surveys.AddedQuestionAsync(manager, design.Id, "Nps", fill: input => input.IsRequired = true);
        var csat = await Surveys.AddedQuestionAsync(manager, design.Id, "Csat", new Dictionary<string, string> { ["en"] = "How satisfied are you?" }, input => input.IsRequired = false);
        var why = await Surveys.AddedQuestionAsync(manager, design.Id, "LongText", new Dictionary<string, string> { ["en"] = Why }, input =>
        {
            input.IsRequired = false;
            input.ShowIfQuestionId = (long?)nps;
            input.ShowIfOperator = (dynamic)Surveys.Operator("AtMost");
            input.ShowIfValue = (long?)6;
        });
        Assert.True((await Surveys.OpenAsync(manager, design.Id)).Saved);
        return new SurveyUnderTest(design.Id, design.Name, nps, csat, why);
    }

    // A contact's answer through a personal link, as the answer page submits it.
    private async Task AnswerAsync(SurveyUnderTest survey, long customerId, long contactId, int nps, string? why = null)
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var (invited, link) = await Surveys.InviteAsync(manager, survey.Id, customerId, contactId);
        Assert.True(invited.Saved, string.Join(" ", invited.Messages));
        var values = new Dictionary<long, string[]> { [survey.Nps] = [nps.ToString(System.Globalization.CultureInfo.InvariantCulture)] };
        if (why is not null)
        {
            values[survey.Why] = [why];
        }

        Assert.Equal("Saved", (await Surveys.SubmitAsync(link!["/surveys/answer/".Length..], values)).Status);
    }

    // A customer whose account manager is a manager of the firm, with one contact.
    private async Task<(long CustomerId, long ContactId, Person AccountManager)> CustomerAsync()
    {
        var accountManager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);
        var contactId = await fixture.Host.InScopeAsync(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            await db.Customers.Where(c => c.Id == customer.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.OwnerUserId, accountManager.Id));
            var contact = new Contact { CustomerId = customer.Id, Name = "Kavya Rao", Email = "kavya@example.test" };
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            return contact.Id;
        });
        return (customer.Id, contactId, accountManager);
    }

    private Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> InteractionsAsync(long customerId) =>
        fixture.Database.QueryAsync("""SELECT "Id", "Channel", "Status", "OwnerUserId", "Subject", "Body" FROM crm_interactions WHERE "CustomerId" = @p0""", customerId);

    private Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> TimelineAsync(long customerId) =>
        fixture.Database.QueryAsync("""SELECT "Title", "Link" FROM crm_timeline_entries WHERE "CustomerId" = @p0 AND "Kind" = 'surveys.survey-answered'""", customerId);

    private async Task<Dictionary<string, double?>> FiguresAsync(long customerId) =>
        (await fixture.Database.QueryAsync("""SELECT "FigureId", "NumberValue" FROM crm_customer_figures WHERE "CustomerId" = @p0 AND "FigureId" LIKE 'surveys.%'""", customerId))
            .ToDictionary(r => (string)r["FigureId"]!, r => r["NumberValue"] is null ? null : (double?)Convert.ToDouble(r["NumberValue"], System.Globalization.CultureInfo.InvariantCulture));

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteSurveysHostFixture fixture) : AnswerEffectsTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresSurveysHostFixture fixture) : AnswerEffectsTests(fixture);
}
