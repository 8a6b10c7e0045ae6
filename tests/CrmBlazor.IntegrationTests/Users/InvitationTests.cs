using System.Net;
using CrmBlazor.Host.Features.Users;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Results;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Users;

/// <summary>
/// An administrator invites a colleague: the account exists without a password and cannot sign in
/// until the person chooses one with the link, which works once, before it expires, for that account only.
/// </summary>
public abstract class InvitationTests(CrmHostFixture fixture)
{
    private CrmHostFactory Host => fixture.Host;

    [Fact]
    public async Task Invite_AsAdministrator_CreatesAnInvitedAccountInTheRolesThatCannotSignIn()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var (email, _) = await InviteAsync(admin);

        var (items, _) = await Host.AsUserAsync(admin, s => s.GetRequiredService<UserQueries>().PageAsync(email, 0, 10));

        var row = Assert.Single(items);
        Assert.Equal(UserState.Invited, row.State);
        Assert.Equal([CrmRoles.Staff], row.Roles);
        using var browser = Host.CreateBrowserClient();
        using var signIn = await LoginForm.SubmitAsync(browser, email, string.Empty.PadLeft(12, 'x'));
        Assert.False(LoginForm.SetsCookie(signIn, LoginForm.AuthenticationCookie));
    }

    [Fact]
    public async Task Invite_IssuesAnUnguessableTokenStoredOnlyAsItsHash()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var (_, link) = await InviteAsync(admin);

        Assert.True(Convert.FromBase64String(Base64UrlToBase64(link.Token)).Length >= 16);
        Assert.Empty(await fixture.Database.FindTextAsync(link.Token));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM crm_user_invitations WHERE \"TokenHash\" = @p0", UserInvitations.HashOf(link.Token)));
    }

    [Theory]
    [InlineData(CrmRoles.Manager)]
    [InlineData(CrmRoles.Staff)]
    public async Task Invite_AsNonAdministrator_IsForbiddenAndCreatesNobody(string role)
    {
        var user = await Host.CreateUserAsync(role);
        var email = NewEmail();

        var (result, link) = await Host.AsUserAsync(user, s => s.GetRequiredService<UserInvitations>()
            .InviteAsync(new InviteInput { DisplayName = "Mira", Email = email, Roles = [CrmRoles.Admin] }));

        Assert.Equal(ChangeStatus.Forbidden, result.Status);
        Assert.Null(link);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_users WHERE \"Email\" = @p0", email));
    }

    [Fact]
    public async Task Invite_AnAddressThatHasAnAccount_IsInvalid()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);

        var (result, _) = await Host.AsUserAsync(admin, s => s.GetRequiredService<UserInvitations>()
            .InviteAsync(new InviteInput { DisplayName = "Again", Email = staff.Email.ToUpperInvariant(), Roles = [CrmRoles.Staff] }));

        Assert.Equal(ChangeStatus.Invalid, result.Status);
        Assert.True(result.Has(nameof(InviteInput.Email)));
    }

    [Fact]
    public async Task Invite_IsInTheSecurityLogWithWhoInvitedWhom()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var (email, _) = await InviteAsync(admin);

        var rows = await fixture.Database.QueryAsync(
            "SELECT \"UserName\", \"Detail\" FROM crm_security_events WHERE \"Kind\" = @p0 AND \"NormalizedUserName\" = @p1",
            UserInvitations.Invited, email.ToUpperInvariant());

        var row = Assert.Single(rows);
        Assert.Equal(admin.Email, row["UserName"]);
        Assert.Equal($"{email}: Staff", row["Detail"]);
    }

    [Fact]
    public async Task Link_Used_SetsThePasswordSoThePersonCanSignIn()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var (email, link) = await InviteAsync(admin);

        var answer = await AcceptAsync(link.Token, "a long enough passphrase");

        Assert.True(answer.Accepted);
        (await Host.SignInAsync(new TestUser(email, "a long enough passphrase", CrmRoles.Staff))).Dispose();
    }

    [Fact]
    public async Task Link_UsedTwice_IsRefusedTheSecondTimeAndKeepsTheFirstPassword()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var (email, link) = await InviteAsync(admin);
        Assert.True((await AcceptAsync(link.Token, "the first passphrase")).Accepted);

        var second = await AcceptAsync(link.Token, "someone else's passphrase");

        Assert.Equal(AccountLinkStatus.Used, second.Status);
        Assert.False(second.Accepted);
        (await Host.SignInAsync(new TestUser(email, "the first passphrase", null))).Dispose();
    }

    [Fact]
    public async Task Link_AfterItExpired_IsRefused()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var (_, link) = await InviteAsync(admin);
        await fixture.Database.ExecuteAsync(
            "UPDATE crm_user_invitations SET \"ExpiresAt\" = \"CreatedAt\" WHERE \"TokenHash\" = @p0", UserInvitations.HashOf(link.Token));

        var answer = await AcceptAsync(link.Token, "a long enough passphrase");

        Assert.Equal(AccountLinkStatus.Expired, answer.Status);
        Assert.False(answer.Accepted);
    }

    [Fact]
    public async Task Link_ExpiresAfterTheConfiguredSevenDays()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var before = DateTimeOffset.UtcNow;

        var (_, link) = await InviteAsync(admin);

        Assert.InRange(link.ExpiresAt, before.AddDays(7), DateTimeOffset.UtcNow.AddDays(7));
    }

    [Fact]
    public async Task Link_SetsThePasswordOfItsOwnAccountOnly()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var (mine, link) = await InviteAsync(admin);
        var (other, _) = await InviteAsync(admin);

        Assert.True((await AcceptAsync(link.Token, "a long enough passphrase")).Accepted);

        (await Host.SignInAsync(new TestUser(mine, "a long enough passphrase", null))).Dispose();
        using var browser = Host.CreateBrowserClient();
        using var refused = await LoginForm.SubmitAsync(browser, other, "a long enough passphrase");
        Assert.False(LoginForm.SetsCookie(refused, LoginForm.AuthenticationCookie));
    }

    [Fact]
    public async Task Link_ReplacedByANewInvitation_IsUnknownAndTheNewOneWorks()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var (email, old) = await InviteAsync(admin);
        var (items, _) = await Host.AsUserAsync(admin, s => s.GetRequiredService<UserQueries>().PageAsync(email, 0, 10));
        var (result, renewed) = await Host.AsUserAsync(admin, s => s.GetRequiredService<UserInvitations>().ReinviteAsync(Assert.Single(items).Id));
        Assert.True(result.Succeeded);

        Assert.Equal(AccountLinkStatus.Unknown, (await AcceptAsync(old.Token, "a long enough passphrase")).Status);
        Assert.True((await AcceptAsync(renewed!.Token, "a long enough passphrase")).Accepted);
    }

    [Fact]
    public async Task Link_WithAPasswordThatBreaksTheRules_SaysWhyAndStaysOpen()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var (_, link) = await InviteAsync(admin);

        var refused = await AcceptAsync(link.Token, "short");

        Assert.False(refused.Accepted);
        Assert.NotEmpty(refused.PasswordErrors);
        Assert.True((await AcceptAsync(link.Token, "a long enough passphrase")).Accepted);
    }

    [Fact]
    public async Task Link_OfADeactivatedInvitation_IsUnknown()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var (email, link) = await InviteAsync(admin);
        var (items, _) = await Host.AsUserAsync(admin, s => s.GetRequiredService<UserQueries>().PageAsync(email, 0, 10));
        var row = Assert.Single(items);
        Assert.True((await Host.AsUserAsync(admin, s => s.GetRequiredService<UserAdministration>().DeactivateAsync(row.Id, row.Version))).Succeeded);

        Assert.Equal(AccountLinkStatus.Unknown, (await AcceptAsync(link.Token, "a long enough passphrase")).Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?token=not-a-token")]
    public async Task InvitationPage_WithAnUnknownLink_AnswersBadRequestWithAMessage(string query)
    {
        using var browser = Host.CreateBrowserClient();

        using var response = await browser.GetAsync(AccountLink.InvitationPage + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This invitation link is not valid.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvitationPage_WithAnOpenLink_ShowsThePasswordForm()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var (email, link) = await InviteAsync(admin);
        using var browser = Host.CreateBrowserClient();

        using var response = await browser.GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains(email, page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"invitation-password\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvitationPage_WithAUsedLink_AnswersGone()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var (_, link) = await InviteAsync(admin);
        Assert.True((await AcceptAsync(link.Token, "a long enough passphrase")).Accepted);
        using var browser = Host.CreateBrowserClient();

        using var response = await browser.GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("This invitation link has been used already.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string NewEmail() => $"invited-{Guid.NewGuid().ToString("N")[..10]}@crm.test";

    private static string Base64UrlToBase64(string token)
    {
        var text = token.Replace('-', '+').Replace('_', '/');
        return text.PadRight(text.Length + (4 - text.Length % 4) % 4, '=');
    }

    [Fact]
    public async Task Invite_WithoutAMailServer_ReturnsTheLinkToShowAndQueuesNoMessage()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);

        var (email, link) = await InviteAsync(admin);

        Assert.Null(link.SentTo);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM crm_outbox_messages WHERE \"Recipients\" LIKE @p0", "%" + email + "%"));
    }

    private async Task<(string Email, AccountLink Link)> InviteAsync(TestUser admin)
    {
        var email = NewEmail();
        var (result, link) = await Host.AsUserAsync(admin, s => s.GetRequiredService<UserInvitations>()
            .InviteAsync(new InviteInput { DisplayName = "Mira Patel", Email = email, Roles = [CrmRoles.Staff] }));
        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
        return (email, link!);
    }

    private Task<AccountLinkAnswer> AcceptAsync(string token, string password) =>
        Host.InScopeAsync(s => s.GetRequiredService<InvitationAcceptance>().AcceptAsync(token, password));

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : InvitationTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : InvitationTests(fixture);
}
