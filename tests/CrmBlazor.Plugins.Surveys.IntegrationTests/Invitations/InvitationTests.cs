using System.Security.Cryptography;
using System.Text;
using CrmBlazor.Data;
using CrmBlazor.Plugins.Surveys.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Surveys.IntegrationTests.Invitations;

/// <summary>
/// Inviting one contact to a survey through the plugin's service inside the host: the personal link is
/// given once and only the SHA-256 hash of its 256-bit token is stored; only managers invite, only to an
/// open survey, in one of its languages, for a customer that exists; nothing is saved when refused.
/// </summary>
public abstract class InvitationTests(SurveysHostFixture fixture)
{
    private SurveysPlugin Surveys => fixture.Surveys;

    [Fact]
    public async Task Manager_InvitingAContact_GetsAPersonalLinkOnce_AndOnlyTheTokensHashIsStored()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var customer = await new CustomerBuilder().WithContact("Meena Raman", "meena@raman.example").SaveAsync(fixture.Host);
        var contactId = customer.Contacts[0].Id;
        var surveyId = await Surveys.OpenSurveyAsync(manager, "gu", "ur");

        var (outcome, link) = await Surveys.InviteAsync(manager, surveyId, customer.Id, contactId, input => input.Language = "ur");

        Assert.True(outcome.Saved, string.Join(" ", outcome.Messages));
        Assert.StartsWith("/surveys/answer/", link, StringComparison.Ordinal);
        var token = link![16..];
        Assert.Equal(43, token.Length); // 32 random bytes, base64url without padding
        var row = Assert.Single(await fixture.Database.QueryAsync("""SELECT * FROM surveys_invitations WHERE "Id" = @p0""", outcome.Id!.Value));
        Assert.Equal(SHA256.HashData(Encoding.ASCII.GetBytes(token)), (byte[])row["TokenHash"]!);
        Assert.Equal(("ur", contactId, customer.Id, surveyId), ((string)row["Language"]!, Convert.ToInt64(row["ContactId"], System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToInt64(row["CustomerId"], System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt64(row["SurveyId"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.DoesNotContain(row.Values, value => value?.ToString()?.Contains(token, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task EveryInvitation_HasItsOwnToken_AndTheSurveysFirstLanguageByDefault()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var customer = await new CustomerBuilder().WithContact("Nino Beridze", "nino@example.ge").SaveAsync(fixture.Host);
        var surveyId = await Surveys.OpenSurveyAsync(manager, "ta", "ka");

        var first = await Surveys.InviteAsync(manager, surveyId, customer.Id, customer.Contacts[0].Id);
        var second = await Surveys.InviteAsync(manager, surveyId, customer.Id, customer.Contacts[0].Id);

        Assert.NotEqual(first.Link, second.Link);
        Assert.Equal(["ta", "ta"], await fixture.Database.ColumnAsync<string>("""SELECT "Language" FROM surveys_invitations WHERE "SurveyId" = @p0""", surveyId));
    }

    [Fact]
    public async Task Staff_CannotInvite_AndNothingIsSaved()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var staff = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);
        var surveyId = await Surveys.OpenSurveyAsync(manager);

        var (outcome, link) = await Surveys.InviteAsync(staff, surveyId, customer.Id, 1);

        Assert.Equal("Forbidden", outcome.Status);
        Assert.Null(link);
        Assert.Equal(0L, await CountAsync(surveyId));
    }

    [Fact]
    public async Task BadInvitations_AreRefused_WithAClearMessage_AndNothingIsSaved()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var customer = await new CustomerBuilder().WithContact("Meena Raman", "meena@raman.example").SaveAsync(fixture.Host);
        var contactId = customer.Contacts[0].Id;
        var archived = await new CustomerBuilder().WithContact("Ravi Kumar", "ravi@example.in").Archived().SaveAsync(fixture.Host);
        var draft = await Surveys.CreatedAsync(manager);
        var surveyId = await Surveys.OpenSurveyAsync(manager, "en");

        var toADraft = await Surveys.InviteAsync(manager, draft.Id, customer.Id, contactId);
        var notInTheSurvey = await Surveys.InviteAsync(manager, surveyId, customer.Id, contactId, input => input.Language = "ur");
        var archivedCustomer = await Surveys.InviteAsync(manager, surveyId, archived.Id, archived.Contacts[0].Id);
        var noContact = await Surveys.InviteAsync(manager, surveyId, customer.Id, 0);
        var forever = await Surveys.InviteAsync(manager, surveyId, customer.Id, contactId, input => input.ValidDays = 365);
        var nowhere = await Surveys.InviteAsync(manager, long.MaxValue, customer.Id, contactId);

        Assert.Equal(("Invalid", "Only an open survey can be sent."), (toADraft.Outcome.Status, toADraft.Outcome.Message));
        Assert.Equal(("Invalid", "Choose one of the survey's languages."), (notInTheSurvey.Outcome.Status, notInTheSurvey.Outcome.Message));
        Assert.Equal(("Invalid", "The customer no longer exists or is archived."), (archivedCustomer.Outcome.Status, archivedCustomer.Outcome.Message));
        Assert.Equal(("Invalid", "Choose the contact."), (noContact.Outcome.Status, noContact.Outcome.Message));
        Assert.Equal(("Invalid", "A link works from 1 to 90 days."), (forever.Outcome.Status, forever.Outcome.Message));
        Assert.Equal("NotFound", nowhere.Outcome.Status);
        Assert.All([toADraft, notInTheSurvey, archivedCustomer, noContact, forever, nowhere], invited => Assert.Null(invited.Link));
        Assert.Equal(0L, await CountAsync(surveyId) + await CountAsync(draft.Id));
    }

    [Fact]
    public async Task Invitations_RecordThatTheyWereUsed_NeverWhenNorWhichResponse()
    {
        var columns = fixture.Provider == DatabaseProvider.Postgres
            ? await fixture.Database.ColumnAsync<string>("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'surveys_invitations'")
            : await fixture.Database.ColumnAsync<string>("SELECT name FROM pragma_table_info('surveys_invitations')");

        // ThroughPublicLink: a visit of the public link made it (a flag, like IsAnswered: no time, no response).
        Assert.Equal(["ContactId", "CreatedAt", "CreatedByUserId", "CustomerId", "Draft", "ExpiresAt", "Id", "IsAnswered", "Language", "RemindedAt", "SurveyId", "ThroughPublicLink", "TokenHash"], columns.Order(StringComparer.Ordinal));
    }

    private Task<long> CountAsync(long surveyId) =>
        fixture.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM surveys_invitations WHERE "SurveyId" = @p0""", surveyId);

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteSurveysHostFixture fixture) : InvitationTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresSurveysHostFixture fixture) : InvitationTests(fixture);
}
