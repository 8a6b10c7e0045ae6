using System.Net;
using System.Text.RegularExpressions;
using CrmBlazor.Host.Features.Account.PasswordReset;
using CrmBlazor.Host.Features.Users;
using CrmBlazor.Host.Identity;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Results;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Account;

/// <summary>
/// A person who forgot their password asks for a reset (the answer never tells whether the address has
/// an account); without mail, an administrator issues the link. The link works once, before it expires,
/// for its own account; using it ends the account's sessions and clears its lock. Both pages are
/// rate-limited.
/// </summary>
public abstract partial class PasswordResetTests(CrmHostFixture fixture)
{
    private const string NewPassword = "a brand new passphrase";

    private CrmHostFactory Host => fixture.Host;

    [Fact]
    public async Task Link_IssuedByAnAdministrator_SetsANewPasswordThePersonSignsInWith()
    {
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        var link = await IssueAsync(staff);

        var answer = await ResetAsync(link.Token, NewPassword);

        Assert.True(answer.Accepted);
        (await Host.SignInAsync(staff with { Password = NewPassword })).Dispose();
        Assert.False(await SignsInAsync(staff.Email, staff.Password));
    }

    [Fact]
    public async Task Link_IssuesAnUnguessableTokenStoredOnlyAsItsHash()
    {
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);

        var link = await IssueAsync(staff);

        Assert.Equal(43, link.Token.Length);
        Assert.Empty(await fixture.Database.FindTextAsync(link.Token));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM crm_user_password_resets WHERE \"TokenHash\" = @p0", UserInvitations.HashOf(link.Token)));
    }

    [Fact]
    public async Task Link_UsedTwice_IsRefusedTheSecondTimeAndKeepsTheFirstPassword()
    {
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        var link = await IssueAsync(staff);
        Assert.True((await ResetAsync(link.Token, NewPassword)).Accepted);

        var second = await ResetAsync(link.Token, "someone else's passphrase");

        Assert.Equal(AccountLinkStatus.Used, second.Status);
        Assert.True(await SignsInAsync(staff.Email, NewPassword));
    }

    [Fact]
    public async Task Link_AfterItExpired_IsRefusedAndThePasswordStays()
    {
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        var link = await IssueAsync(staff);
        await fixture.Database.ExecuteAsync(
            "UPDATE crm_user_password_resets SET \"ExpiresAt\" = \"CreatedAt\" WHERE \"TokenHash\" = @p0", UserInvitations.HashOf(link.Token));

        var answer = await ResetAsync(link.Token, NewPassword);

        Assert.Equal(AccountLinkStatus.Expired, answer.Status);
        Assert.True(await SignsInAsync(staff.Email, staff.Password));
    }

    [Fact]
    public async Task Link_ExpiresAfterTheConfiguredSixtyMinutes()
    {
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        var before = DateTimeOffset.UtcNow;

        var link = await IssueAsync(staff);

        Assert.InRange(link.ExpiresAt, before.AddMinutes(60), DateTimeOffset.UtcNow.AddMinutes(60));
    }

    [Fact]
    public async Task Link_SetsThePasswordOfItsOwnAccountOnly()
    {
        var mine = await Host.CreateUserAsync(CrmRoles.Staff);
        var other = await Host.CreateUserAsync(CrmRoles.Staff);
        var link = await IssueAsync(mine);
        await IssueAsync(other);

        Assert.True((await ResetAsync(link.Token, NewPassword)).Accepted);

        Assert.True(await SignsInAsync(mine.Email, NewPassword));
        Assert.False(await SignsInAsync(other.Email, NewPassword));
        Assert.True(await SignsInAsync(other.Email, other.Password));
    }

    [Fact]
    public async Task Link_ReplacedByANewerOne_IsUnknownAndTheNewOneWorks()
    {
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        var old = await IssueAsync(staff);
        var renewed = await IssueAsync(staff);

        Assert.Equal(AccountLinkStatus.Unknown, (await ResetAsync(old.Token, NewPassword)).Status);
        Assert.True((await ResetAsync(renewed.Token, NewPassword)).Accepted);
    }

    [Fact]
    public async Task Link_OfADeactivatedAccount_IsUnknown()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        var link = await IssueAsync(staff, admin);
        var row = await RowOfAsync(admin, staff);
        Assert.True((await Host.AsUserAsync(admin, s => s.GetRequiredService<UserAdministration>().DeactivateAsync(row.Id, row.Version))).Succeeded);

        Assert.Equal(AccountLinkStatus.Unknown, (await ResetAsync(link.Token, NewPassword)).Status);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("password")]
    public async Task Link_WithAPasswordIdentityRefuses_SaysWhyAndStaysOpen(string password)
    {
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        var link = await IssueAsync(staff);

        var refused = await ResetAsync(link.Token, password);

        Assert.False(refused.Accepted);
        Assert.NotEmpty(refused.PasswordErrors);
        Assert.True(await SignsInAsync(staff.Email, staff.Password));
        Assert.True((await ResetAsync(link.Token, NewPassword)).Accepted);
    }

    [Fact]
    public async Task Reset_EndsEverySessionOfTheUser()
    {
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        var cookie = await Host.SignInForCookieAsync(staff);
        var link = await IssueAsync(staff);

        Assert.True((await ResetAsync(link.Token, NewPassword)).Accepted);

        using var response = await Host.GetWithCookieAsync("/customers", cookie);
        Responses.AssertRedirectTo(response, Responses.SignInPath);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM crm_user_sessions s JOIN crm_users u ON u.\"Id\" = s.\"UserId\" WHERE u.\"Email\" = @p0", staff.Email));
    }

    [Fact]
    public async Task Reset_OfAnAccountLockedByFailedSignIns_LetsThePersonSignInAtOnce()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        using (var guesser = Host.CreateBrowserClient())
        {
            for (var i = 0; i < 5; i++)
            {
                (await LoginForm.SubmitAsync(guesser, staff.Email, "guess-" + i)).Dispose();
            }
        }

        Assert.Equal(UserState.Locked, (await RowOfAsync(admin, staff)).State);
        var link = await IssueAsync(staff, admin);

        Assert.True((await ResetAsync(link.Token, NewPassword)).Accepted);

        Assert.Equal(UserState.Active, (await RowOfAsync(admin, staff)).State);
        Assert.True(await SignsInAsync(staff.Email, NewPassword));
    }

    [Theory]
    [InlineData(CrmRoles.Manager)]
    [InlineData(CrmRoles.Staff)]
    public async Task Issue_AsNonAdministrator_IsForbidden(string role)
    {
        var user = await Host.CreateUserAsync(role);
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var row = await RowOfAsync(admin, staff);

        var (result, link) = await Host.AsUserAsync(user, s => s.GetRequiredService<PasswordResets>().IssueAsync(row.Id));

        Assert.Equal(ChangeStatus.Forbidden, result.Status);
        Assert.Null(link);
    }

    [Fact]
    public async Task Issue_ForAnInvitedAccount_IsRefusedWithAMessage()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var email = $"invited-{Guid.NewGuid().ToString("N")[..10]}@crm.test";
        Assert.True((await Host.AsUserAsync(admin, s => s.GetRequiredService<UserInvitations>()
            .InviteAsync(new InviteInput { DisplayName = "Mira", Email = email, Roles = [CrmRoles.Staff] }))).Result.Succeeded);
        var (items, _) = await Host.AsUserAsync(admin, s => s.GetRequiredService<UserQueries>().PageAsync(email, 0, 10));

        var (result, link) = await Host.AsUserAsync(admin, s => s.GetRequiredService<PasswordResets>().IssueAsync(Assert.Single(items).Id));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Messages, m => m.Text == "This user has not chosen a password yet. Issue a new invitation link instead.");
        Assert.Null(link);
    }

    [Fact]
    public async Task IssueAndReset_AreInTheSecurityLog()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        var link = await IssueAsync(staff, admin);

        Assert.True((await ResetAsync(link.Token, NewPassword)).Accepted);

        Assert.Equal([admin.Email], await LoggedByAsync(SecurityLog.PasswordResetIssued, staff.Email));
        Assert.Equal([staff.Email], await LoggedByAsync(SecurityLog.PasswordReset, staff.Email));
    }

    [Fact]
    public async Task ForgotPassword_KnownAndUnknownAddresses_GetTheSameAnswer()
    {
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        var unknown = $"nobody-{Guid.NewGuid().ToString("N")[..10]}@crm.test";

        using var known = await RequestResetAsync(staff.Email);
        using var notKnown = await RequestResetAsync(unknown);

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(HttpStatusCode.OK, notKnown.StatusCode);
        var answer = AnswerOf(await known.Content.ReadAsStringAsync());
        Assert.StartsWith("Your request is recorded.", answer, StringComparison.Ordinal);
        Assert.Equal(answer, AnswerOf(await notKnown.Content.ReadAsStringAsync()));
        Assert.Equal([staff.Email], await LoggedByAsync(SecurityLog.PasswordResetRequested, staff.Email));
        Assert.Equal([unknown], await LoggedByAsync(SecurityLog.PasswordResetRequested, unknown));
    }

    [Fact]
    public async Task ForgotPassword_Request_IsShownOnTheUsersPageUntilALinkIsIssued()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        Assert.Null((await RowOfAsync(admin, staff)).PasswordResetRequestedAt);

        (await RequestResetAsync(staff.Email.ToUpperInvariant())).Dispose();

        Assert.NotNull((await RowOfAsync(admin, staff)).PasswordResetRequestedAt);
        await IssueAsync(staff, admin);
        Assert.Null((await RowOfAsync(admin, staff)).PasswordResetRequestedAt);
    }

    [Fact]
    public async Task ForgotPassword_SixthRequestForOneAddress_IsRefusedWith429()
    {
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        for (var i = 0; i < 5; i++)
        {
            using var allowed = await RequestResetAsync(staff.Email);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await RequestResetAsync(staff.Email);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null);
        Assert.Contains("Too many requests to reset a password. Try again in 15 minutes.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(5, (await LoggedByAsync(SecurityLog.PasswordResetRequested, staff.Email)).Count);
    }

    [Fact]
    public async Task ForgotPassword_TooManyRequestsFromOneClient_AreRefusedWith429()
    {
        await using var database = await Testing.Databases.TestDatabase.CreateAsync(fixture.Provider);
        await using var host = fixture.Setup
            .WithSettings(new Dictionary<string, string?> { [PasswordResetRateLimits.PerClientSetting] = "3" })
            .StartOn(database);
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await RequestResetAsync(host, $"someone-{i}@crm.test");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await RequestResetAsync(host, "someone-else@crm.test");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task ForgotPassword_RequestsForOneAddressOnTwoInstances_CountTowardsOneLimit()
    {
        await using var database = await Testing.Databases.TestDatabase.CreateAsync(fixture.Provider);
        await using var first = fixture.Setup.StartOn(database);
        await using var second = fixture.Setup.StartOn(database);
        const string address = "asked-everywhere@crm.test";
        for (var i = 0; i < 5; i++)
        {
            using var allowed = await RequestResetAsync(i % 2 == 0 ? first : second, address);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await RequestResetAsync(second, address.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task ResetPage_SixthNewPasswordForOneAccount_IsRefusedWith429()
    {
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        var link = await IssueAsync(staff);
        using var browser = Host.CreateBrowserClient();
        for (var i = 0; i < 5; i++)
        {
            using var refusedPassword = await SubmitResetAsync(browser, link, "short");
            Assert.Equal(HttpStatusCode.OK, refusedPassword.StatusCode);
        }

        using var refused = await SubmitResetAsync(browser, link, NewPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many attempts to set a password. Try again in 15 minutes.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await SignsInAsync(staff.Email, staff.Password));
    }

    [Fact]
    public async Task ResetPage_WithAnOpenLink_SetsThePasswordThroughTheForm()
    {
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        var link = await IssueAsync(staff);
        using var browser = Host.CreateBrowserClient();

        using var response = await SubmitResetAsync(browser, link, NewPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"reset-done\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await SignsInAsync(staff.Email, NewPassword));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?token=not-a-token")]
    public async Task ResetPage_WithAnUnknownLink_AnswersBadRequestWithAMessage(string query)
    {
        using var browser = Host.CreateBrowserClient();

        using var response = await browser.GetAsync(AccountLink.PasswordResetPage + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This password reset link is not valid.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetPage_WithAUsedLink_AnswersGoneWithAMessage()
    {
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        var link = await IssueAsync(staff);
        Assert.True((await ResetAsync(link.Token, NewPassword)).Accepted);
        using var browser = Host.CreateBrowserClient();

        using var response = await browser.GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("This password reset link has been used already.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInPage_LinksToTheForgottenPasswordPage()
    {
        using var browser = Host.CreateBrowserClient();

        var page = await browser.GetStringAsync(LoginForm.Path);

        Assert.Contains("href=\"/account/forgot-password\"", page, StringComparison.Ordinal);
    }

    private async Task<AccountLink> IssueAsync(TestUser user, TestUser? admin = null)
    {
        admin ??= await Host.CreateUserAsync(CrmRoles.Admin);
        var row = await RowOfAsync(admin, user);
        var (result, link) = await Host.AsUserAsync(admin, s => s.GetRequiredService<PasswordResets>().IssueAsync(row.Id));
        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
        return link!;
    }

    private Task<AccountLinkAnswer> ResetAsync(string token, string password) =>
        Host.InScopeAsync(s => s.GetRequiredService<PasswordResetAcceptance>().ResetAsync(token, password, null));

    private async Task<UserRow> RowOfAsync(TestUser admin, TestUser user)
    {
        var (items, _) = await Host.AsUserAsync(admin, s => s.GetRequiredService<UserQueries>().PageAsync(user.Email, 0, 10));
        return Assert.Single(items, r => r.Email == user.Email);
    }

    private async Task<bool> SignsInAsync(string email, string password)
    {
        using var browser = Host.CreateBrowserClient();
        using var response = await LoginForm.SubmitAsync(browser, email, password);
        return LoginForm.SetsCookie(response, LoginForm.AuthenticationCookie);
    }

    private async Task<List<string?>> LoggedByAsync(string kind, string email)
    {
        var rows = await fixture.Database.QueryAsync(
            "SELECT \"UserName\" FROM crm_security_events WHERE \"Kind\" = @p0 AND \"NormalizedUserName\" = @p1",
            kind, email.ToUpperInvariant());
        return [.. rows.Select(r => r["UserName"] as string)];
    }

    private Task<HttpResponseMessage> RequestResetAsync(string email) => RequestResetAsync(Host, email);

    private static async Task<HttpResponseMessage> RequestResetAsync(CrmHostFactory host, string email)
    {
        using var browser = host.CreateBrowserClient();
        const string path = "/account/forgot-password";
        var form = await browser.GetStringAsync(path);
        using var content = new FormUrlEncodedContent(
        [
            new("_handler", "forgot-password"),
            new("__RequestVerificationToken", LoginForm.AntiforgeryToken(form)),
            new("Input.Email", email),
        ]);
        return await browser.PostAsync(path, content);
    }

    private static async Task<HttpResponseMessage> SubmitResetAsync(HttpClient browser, AccountLink link, string password)
    {
        var form = await browser.GetStringAsync(link.PathAndQuery);
        using var content = new FormUrlEncodedContent(
        [
            new("_handler", "reset-password"),
            new("__RequestVerificationToken", LoginForm.AntiforgeryToken(form)),
            new("Input.Password", password),
            new("Input.Repeat", password),
        ]);
        return await browser.PostAsync(link.PathAndQuery, content);
    }

    private static string AnswerOf(string page) =>
        WebUtility.HtmlDecode(Answer().Match(page) is { Success: true } match ? match.Groups["text"].Value.Trim() : "(no answer)");

    [GeneratedRegex("""data-testid="forgot-requested"[^>]*>(?<text>[^<]*)<""")]
    private static partial Regex Answer();

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : PasswordResetTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : PasswordResetTests(fixture);
}
