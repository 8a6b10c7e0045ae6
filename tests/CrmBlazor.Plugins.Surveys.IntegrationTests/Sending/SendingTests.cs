using System.Globalization;
using CrmBlazor.Data;
using CrmBlazor.Plugins.Surveys.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Surveys.IntegrationTests.Sending;

/// <summary>
/// Sending surveys inside the host: a contact is invited only as one of the customer's, not archived; the
/// invitation's message goes through the outbox in the contact's language with an absolute personal link
/// whose token hashes to the stored hash; a send to a segment invites everyone with an e-mail address once,
/// counting those skipped, and sends nothing new when run again; the reminder goes once and never for an
/// answered, expired or anonymous invitation; a completed project sends its CSAT survey once, however often
/// and however concurrently the event is delivered.
/// </summary>
public abstract class SendingTests(SurveysHostFixture fixture)
{
    private const long ThreeDaysOfTicks = 3 * TimeSpan.TicksPerDay;

    private SurveysPlugin Surveys => fixture.Surveys;

    [Fact]
    public async Task InvitingAContactOfAnotherCustomer_OrAnArchivedContact_IsRefused_AndNothingIsQueued()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var customer = await new CustomerBuilder().WithContact("Meena Raman", "meena@raman.example")
            .WithContact("Old Contact", "old@raman.example", archived: true).WithContact("No Mail", null).SaveAsync(fixture.Host);
        var other = await new CustomerBuilder().WithContact("Nino Beridze", "nino@example.ge").SaveAsync(fixture.Host);
        var surveyId = await Surveys.OpenSurveyAsync(manager);

        var ofAnother = await Surveys.InviteAsync(manager, surveyId, customer.Id, other.Contacts[0].Id);
        var archived = await Surveys.InviteAsync(manager, surveyId, customer.Id, customer.Contacts[1].Id);
        var noMail = await Surveys.InviteAsync(manager, surveyId, customer.Id, customer.Contacts[2].Id);

        Assert.Equal(("Invalid", "This contact is not one of the customer's."), (ofAnother.Outcome.Status, ofAnother.Outcome.Message));
        Assert.Equal(("Invalid", "This contact is archived."), (archived.Outcome.Status, archived.Outcome.Message));
        Assert.Equal(("Invalid", "This contact has no e-mail address."), (noMail.Outcome.Status, noMail.Outcome.Message));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM surveys_invitations WHERE "SurveyId" = @p0""", surveyId));
    }

    [Fact]
    public async Task AnInvitation_IsMailedInTheContactsLanguage_WithAnAbsoluteLinkWhoseTokenHashesToTheStoredHash()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var customer = await new CustomerBuilder().WithContact("மீனா ராமன்", "meena@raman.example", language: "ta").SaveAsync(fixture.Host);
        var surveyId = await Surveys.OpenSurveyAsync(manager, "en", "ta");

        var (outcome, _) = await Surveys.InviteAsync(manager, surveyId, customer.Id, customer.Contacts[0].Id);

        Assert.True(outcome.Saved, string.Join(" ", outcome.Messages));
        var mail = Assert.Single(await SendingRecords.MailsAsync(fixture.Host, "surveys:invitation:"), m => m.ContactId == customer.Contacts[0].Id);
        Assert.EndsWith(": உங்கள் கருத்தை அறிய விரும்புகிறோம்", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("meena@raman.example", mail.Recipients, StringComparison.Ordinal);
        Assert.Contains(SurveysHostFixture.PublicUrl + "surveys/answer/" + mail.Token, mail.HtmlBody, StringComparison.Ordinal);
        var row = Assert.Single(await fixture.Database.QueryAsync("""SELECT "TokenHash", "Language" FROM surveys_invitations WHERE "Id" = @p0""", outcome.Id!.Value));
        Assert.Equal(mail.TokenHash, (byte[])row["TokenHash"]!);
        Assert.Equal("ta", row["Language"]);
    }

    [Fact]
    public async Task ASegmentSend_InvitesEveryoneWithAnAddressOnce_InTheirLanguage_CountsTheSkipped_AndRunAgainSendsNothingNew()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var tamil = await new CustomerBuilder().WithContact("மீனா ராமன்", "meena@raman.example", language: "ta", primary: true).SaveAsync(fixture.Host);
        var noAddress = await new CustomerBuilder().WithContact("Ravi Kumar", null, primary: true).SaveAsync(fixture.Host);
        var invitedBefore = await new CustomerBuilder().WithContact("Arjun Mehta", "arjun@mehta.example", primary: true).SaveAsync(fixture.Host);
        var person = await new CustomerBuilder().APerson().WithEmail("kavya@example.in").SaveAsync(fixture.Host);
        var surveyId = await Surveys.OpenSurveyAsync(manager, "en", "ta");
        Assert.True((await Surveys.InviteAsync(manager, surveyId, invitedBefore.Id, invitedBefore.Contacts[0].Id)).Outcome.Saved);
        var segmentId = await SendingRecords.SegmentOfAsync(fixture.Host, tamil.Id, noAddress.Id, invitedBefore.Id, person.Id);

        var (outcome, sendId) = await Surveys.StartSegmentSendAsync(manager, surveyId, segmentId);

        Assert.True(outcome.Saved, string.Join(" ", outcome.Messages));
        Assert.Equal((4, 2, 1, 1, (string?)null), await Surveys.FinishedSendAsync(sendId!.Value, fixture.Database));
        var prefix = $"surveys:send:{sendId.Value:N}:";
        var mails = await SendingRecords.MailsAsync(fixture.Host, prefix);
        Assert.Equal(
            new[] { $"{prefix}{tamil.Id}:{tamil.Contacts[0].Id}", $"{prefix}{person.Id}:0" }.Order(StringComparer.Ordinal),
            mails.Select(m => m.Key).Order(StringComparer.Ordinal));
        Assert.EndsWith(": உங்கள் கருத்தை அறிய விரும்புகிறோம்", mails.Single(m => m.ContactId == tamil.Contacts[0].Id).Subject, StringComparison.Ordinal);
        Assert.EndsWith(": we would like your opinion", mails.Single(m => m.ContactId is null).Subject, StringComparison.Ordinal);
        var hashes = await fixture.Database.ColumnAsync<byte[]>("""SELECT "TokenHash" FROM surveys_invitations WHERE "SurveyId" = @p0""", surveyId);
        Assert.Equal(3, hashes.Count);
        Assert.All(mails, mail => Assert.Contains(hashes, hash => hash.SequenceEqual(mail.TokenHash)));

        await Surveys.RunJobAsync("Jobs.SegmentSendJob", Surveys.SendArguments(sendId.Value));
        await fixture.Database.ExecuteAsync("""UPDATE surveys_sends SET "FinishedAt" = NULL WHERE "Id" = @p0""", sendId.Value);
        await Surveys.RunJobAsync("Jobs.SegmentSendJob", Surveys.SendArguments(sendId.Value));

        Assert.Equal(2, (await SendingRecords.MailsAsync(fixture.Host, prefix)).Count);
        Assert.Equal(3L, await fixture.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM surveys_invitations WHERE "SurveyId" = @p0""", surveyId));
        Assert.Equal((4, 2, 1, 1, (string?)null), await Surveys.FinishedSendAsync(sendId.Value, fixture.Database));
    }

    [Fact]
    public async Task TheReminder_GoesOnceWithANewLink_AndNeverForAnsweredExpiredOrAnonymousInvitations()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var customer = await new CustomerBuilder().WithContact("Due", "due@example.in").WithContact("Answered", "answered@example.in")
            .WithContact("Expired", "expired@example.in").WithContact("Fresh", "fresh@example.in").SaveAsync(fixture.Host);
        var surveyId = await Surveys.OpenSurveyAsync(manager);
        Assert.True((await Surveys.SendingSettingsAsync(manager, surveyId, remindAfterDays: 2, onProjectCompleted: false)).Saved);
        var ids = new List<long>();
        foreach (var contact in customer.Contacts)
        {
            var (outcome, _) = await Surveys.InviteAsync(manager, surveyId, customer.Id, contact.Id);
            ids.Add(outcome.Id!.Value);
        }

        var anonymous = await Surveys.CreatedAsync(manager, input => input.IsAnonymous = true);
        await Surveys.AddedQuestionAsync(manager, anonymous.Id, "Nps");
        Assert.True((await Surveys.OpenAsync(manager, anonymous.Id)).Saved);
        var refused = await Surveys.SendingSettingsAsync(manager, anonymous.Id, remindAfterDays: 2, onProjectCompleted: false);
        var anonymousInvitation = (await Surveys.InviteAsync(manager, anonymous.Id, customer.Id, customer.Contacts[0].Id)).Outcome.Id!.Value;
        // Even a setting forced into the database reminds nobody on an anonymous survey.
        await fixture.Database.ExecuteAsync("""UPDATE surveys_surveys SET "RemindAfterDays" = 2 WHERE "Id" = @p0""", anonymous.Id);

        await BackdateAsync(ids[0], ids[1], ids[2], anonymousInvitation);
        await fixture.Database.ExecuteAsync("""UPDATE surveys_invitations SET "IsAnswered" = @p1 WHERE "Id" = @p0""", ids[1], true);
        await fixture.Database.ExecuteAsync("""UPDATE surveys_invitations SET "ExpiresAt" = "CreatedAt" WHERE "Id" = @p0""", ids[2]);
        await Surveys.RunJobAsync("Jobs.ReminderJob");
        await Surveys.RunJobAsync("Jobs.ReminderJob");

        Assert.Equal(("Invalid", "An anonymous survey sends no reminders: reminding only those who have not answered would tell who has."), (refused.Status, refused.Message));
        var reminders = (await SendingRecords.MailsAsync(fixture.Host, "surveys:reminder:")).Where(m => ids.Contains(long.Parse(m.Key["surveys:reminder:".Length..], CultureInfo.InvariantCulture)) || m.Key == $"surveys:reminder:{anonymousInvitation}").ToList();
        var reminder = Assert.Single(reminders);
        Assert.Equal($"surveys:reminder:{ids[0]}", reminder.Key);
        Assert.StartsWith("Reminder: ", reminder.Subject, StringComparison.Ordinal);
        Assert.Equal(reminder.TokenHash, await fixture.Database.ScalarAsync<byte[]>("""SELECT "TokenHash" FROM surveys_invitations WHERE "Id" = @p0""", ids[0]));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM surveys_invitations WHERE "SurveyId" = @p0 AND "RemindedAt" IS NOT NULL""", surveyId));
    }

    [Fact]
    public async Task AProjectCompleted_DeliveredTwice_OrTwiceAtOnce_SendsItsCsatSurveyOnce()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var customer = await new CustomerBuilder().WithContact("Meena Raman", "meena@raman.example", primary: true).SaveAsync(fixture.Host);
        await fixture.Database.ExecuteAsync("DELETE FROM surveys_triggers");
        var nps = await Surveys.OpenSurveyAsync(manager);
        var csat = await CsatSurveyAsync(manager);
        var second = await CsatSurveyAsync(manager);

        var notCsat = await Surveys.SendingSettingsAsync(manager, nps, 0, onProjectCompleted: true);
        Assert.True((await Surveys.SendingSettingsAsync(manager, csat, 0, onProjectCompleted: true)).Saved);
        var held = await Surveys.SendingSettingsAsync(manager, second, 0, onProjectCompleted: true);
        var projectId = Random.Shared.NextInt64(1_000_000, long.MaxValue / 2);
        var completed = new ProjectCompleted(projectId, customer.Id, "Website relaunch", DateOnly.FromDateTime(DateTime.UtcNow), null);
        var handler = "Features.Sending.ProjectCompletedSurveyHandler";
        await Surveys.DeliverAsync(handler, completed);
        await Surveys.DeliverAsync(handler, completed);
        var concurrent = completed with { ProjectId = projectId + 1 };
        await Task.WhenAll(Surveys.DeliverAsync(handler, concurrent), Surveys.DeliverAsync(handler, concurrent));

        Assert.Equal(("Invalid", "Only a CSAT survey can be sent when a project is completed."), (notCsat.Status, notCsat.Message));
        Assert.Equal("Invalid", held.Status);
        Assert.StartsWith("The survey \"", held.Message, StringComparison.Ordinal);
        foreach (var project in new[] { projectId, projectId + 1 })
        {
            var mail = Assert.Single(await SendingRecords.MailsAsync(fixture.Host, $"surveys:project-completed:{project}"));
            Assert.Equal(customer.Contacts[0].Id, mail.ContactId);
        }

        Assert.Equal(2L, await fixture.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM surveys_invitations WHERE "SurveyId" = @p0""", csat));
        Assert.Equal(2L, await fixture.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM surveys_surveyed_projects WHERE "SurveyId" = @p0""", csat));
        await fixture.Database.ExecuteAsync("DELETE FROM surveys_triggers");
    }

    private async Task<long> CsatSurveyAsync(Person manager)
    {
        var design = await Surveys.CreatedAsync(manager, input => input.Kind = (dynamic)Enum.Parse(Surveys.Type("Data.SurveyKind"), "Csat"));
        await Surveys.AddedQuestionAsync(manager, design.Id, "Csat", new Dictionary<string, string> { ["en"] = "How satisfied are you with the project?" });
        Assert.True((await Surveys.OpenAsync(manager, design.Id)).Saved);
        return design.Id;
    }

    // Makes invitations three days old: SQLite keeps times as UTC ticks, PostgreSQL as timestamps.
    private async Task BackdateAsync(params long[] invitationIds)
    {
        foreach (var id in invitationIds)
        {
            if (fixture.Provider == DatabaseProvider.Postgres)
            {
                await fixture.Database.ExecuteAsync("""UPDATE surveys_invitations SET "CreatedAt" = "CreatedAt" - interval '3 days' WHERE "Id" = @p0""", id);
            }
            else
            {
                await fixture.Database.ExecuteAsync("""UPDATE surveys_invitations SET "CreatedAt" = "CreatedAt" - @p1 WHERE "Id" = @p0""", id, ThreeDaysOfTicks);
            }
        }
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteSurveysHostFixture fixture) : SendingTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresSurveysHostFixture fixture) : SendingTests(fixture);
}
