using System.Net;
using CrmBlazor.Host.Features.Account;
using CrmBlazor.Host.Identity;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Formatting;
using CrmBlazor.Sdk.Results;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Account;

/// <summary>
/// The own-account page's services: a user's name, language and time zone; changing the password with
/// the current one (OWASP ASVS 5.0 6.2.3; a wrong one counts towards the sign-in lock-out, 6.3.1),
/// which ends the user's other sessions (7.4.3); signing out
/// everywhere (7.4.1: an ended session cannot be used again).
/// </summary>
public abstract class OwnAccountTests(CrmHostFixture fixture)
{
    private const string NewPassword = "tea leaves at the harbour";

    private CrmHostFactory Host => fixture.Host;

    [Fact]
    public async Task Save_NameLanguageAndTimeZone_AreKeptAndTheUsersPagesShowTimesInTheZone()
    {
        var user = await Host.CreateUserAsync(CrmRoles.Staff);
        var account = await Host.AsUserAsync(user, s => s.GetRequiredService<OwnAccount>().LoadAsync());

        var result = await Host.AsUserAsync(user, s => s.GetRequiredService<OwnAccount>().SaveAsync(
            new AccountInput { DisplayName = "Mira Patel", Culture = "ta-IN", TimeZone = "Asia/Kolkata" }, account!.Version));

        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
        var saved = await Host.AsUserAsync(user, s => s.GetRequiredService<OwnAccount>().LoadAsync());
        Assert.Equal(("Mira Patel", "ta-IN", "Asia/Kolkata"), (saved!.Input.DisplayName, saved.Input.Culture, saved.Input.TimeZone));
        var shown = await Host.AsUserAsync(user, s => Task.FromResult(s.GetRequiredService<UserDisplay>().ToLocal(new DateTimeOffset(2026, 12, 6, 23, 30, 0, TimeSpan.Zero))));
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 5, 0, 0, TimeSpan.FromHours(5.5)), shown);
        Assert.Equal(TimeSpan.FromHours(5.5), shown.Offset);
    }

    [Fact]
    public async Task Save_WithAnOlderVersion_IsAConflictAndKeepsTheNewerValues()
    {
        var user = await Host.CreateUserAsync(CrmRoles.Staff);
        var account = await Host.AsUserAsync(user, s => s.GetRequiredService<OwnAccount>().LoadAsync());
        var first = await Host.AsUserAsync(user, s => s.GetRequiredService<OwnAccount>().SaveAsync(
            new AccountInput { DisplayName = "First", Culture = "en-GB", TimeZone = "Europe/London" }, account!.Version));
        Assert.True(first.Succeeded);

        var second = await Host.AsUserAsync(user, s => s.GetRequiredService<OwnAccount>().SaveAsync(
            new AccountInput { DisplayName = "Second", Culture = "en-GB", TimeZone = "Europe/London" }, account!.Version));

        Assert.Equal(ChangeStatus.Conflict, second.Status);
        Assert.Equal("First", (await Host.AsUserAsync(user, s => s.GetRequiredService<OwnAccount>().LoadAsync()))!.Input.DisplayName);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons", "", nameof(AccountInput.TimeZone))]
    [InlineData("Asia/Kolkata", "xx-XX", nameof(AccountInput.Culture))]
    public async Task Save_AnUnknownZoneOrLanguage_IsInvalid(string zone, string culture, string field)
    {
        var user = await Host.CreateUserAsync(CrmRoles.Staff);
        var account = await Host.AsUserAsync(user, s => s.GetRequiredService<OwnAccount>().LoadAsync());

        var result = await Host.AsUserAsync(user, s => s.GetRequiredService<OwnAccount>().SaveAsync(
            new AccountInput { DisplayName = "Mira", Culture = culture.Length == 0 ? "en-GB" : culture, TimeZone = zone }, account!.Version));

        Assert.Equal(ChangeStatus.Invalid, result.Status);
        Assert.True(result.Has(field));
    }

    [Fact]
    public async Task SignIn_OfAUserWhoChoseALanguage_SetsTheCultureCookie()
    {
        var user = await Host.CreateUserAsync(CrmRoles.Staff);
        var account = await Host.AsUserAsync(user, s => s.GetRequiredService<OwnAccount>().LoadAsync());
        await Host.AsUserAsync(user, s => s.GetRequiredService<OwnAccount>().SaveAsync(
            new AccountInput { DisplayName = "Mira", Culture = "ur-PK", TimeZone = "Asia/Karachi" }, account!.Version));

        using var browser = Host.CreateBrowserClient();
        using var response = await LoginForm.SubmitAsync(browser, user.Email, user.Password);

        Assert.Contains("c%3Dur-PK", LoginForm.SetCookieHeader(response, ".AspNetCore.Culture"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_WithTheCurrentPassword_KeepsThisSessionAndEndsTheOthers_Asvs_6_2_3_And_7_4_3()
    {
        var user = await Host.CreateUserAsync(CrmRoles.Staff);
        using var here = await Host.SignInAsync(user);
        using var elsewhere = await Host.SignInAsync(user);

        using var changed = await ChangePasswordAsync(here, user.Password, NewPassword);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("data-testid=\"password-changed\"", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var stillHere = await here.GetAsync("/customers"))
        {
            Assert.Equal(HttpStatusCode.OK, stillHere.StatusCode);
        }

        using var gone = await elsewhere.GetAsync("/customers");
        Responses.AssertRedirectTo(gone, Responses.SignInPath);
        (await Host.SignInAsync(user with { Password = NewPassword })).Dispose();
    }

    [Fact]
    public async Task ChangePassword_WithAWrongCurrentPassword_IsRefusedAndKeepsThePasswordAndTheOtherSessions_Asvs_6_2_3()
    {
        var user = await Host.CreateUserAsync(CrmRoles.Staff);
        using var here = await Host.SignInAsync(user);
        using var elsewhere = await Host.SignInAsync(user);

        using var refused = await ChangePasswordAsync(here, "not my password at all", NewPassword);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("The current password is not correct.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var other = await elsewhere.GetAsync("/customers"))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        (await Host.SignInAsync(user)).Dispose();
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM crm_security_events WHERE \"Kind\" = @p0 AND \"NormalizedUserName\" = @p1",
            SecurityLog.ReauthenticationFailed, user.Email.ToUpperInvariant()));
    }

    [Fact]
    public async Task ChangePassword_FifthWrongCurrentPassword_LocksTheAddressForSignIn_Asvs_6_3_1()
    {
        var user = await Host.CreateUserAsync(CrmRoles.Staff);
        using var here = await Host.SignInAsync(user);
        for (var i = 0; i < 4; i++)
        {
            using var wrong = await ChangePasswordAsync(here, "not my password " + i, NewPassword);
            Assert.Contains("The current password is not correct.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var fifth = await ChangePasswordAsync(here, "not my password 4", NewPassword);

        Assert.Equal(HttpStatusCode.BadRequest, fifth.StatusCode);
        Assert.Contains("Too many failed attempts", await fifth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var browser = Host.CreateBrowserClient();
        using var signIn = await LoginForm.SubmitAsync(browser, user.Email, user.Password);
        Assert.False(LoginForm.SetsCookie(signIn, LoginForm.AuthenticationCookie));
        Assert.StartsWith("Too many failed attempts", LoginForm.ErrorOf(await signIn.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_WrongPasswordsAtSignInAndHere_CountTogether_Asvs_6_3_1()
    {
        var user = await Host.CreateUserAsync(CrmRoles.Staff);
        using var here = await Host.SignInAsync(user);
        using (var browser = Host.CreateBrowserClient())
        {
            for (var i = 0; i < 4; i++)
            {
                (await LoginForm.SubmitAsync(browser, user.Email, "wrong at sign-in " + i)).Dispose();
            }
        }

        using var fifth = await ChangePasswordAsync(here, "not my password", NewPassword);

        Assert.Contains("Too many failed attempts", await fifth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM crm_security_events WHERE \"Kind\" = @p0 AND \"NormalizedUserName\" = @p1",
            SecurityLog.LockedOut, user.Email.ToUpperInvariant()));
    }

    [Fact]
    public async Task ChangePassword_WhileTheAddressIsLocked_IsRefusedWithTheRightPasswordAndChangesNothing_Asvs_6_3_1()
    {
        var user = await Host.CreateUserAsync(CrmRoles.Staff);
        using var here = await Host.SignInAsync(user);
        using (var browser = Host.CreateBrowserClient())
        {
            for (var i = 0; i < 5; i++)
            {
                (await LoginForm.SubmitAsync(browser, user.Email, "wrong at sign-in " + i)).Dispose();
            }
        }

        using var refused = await ChangePasswordAsync(here, user.Password, NewPassword);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Too many failed attempts", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM crm_security_events WHERE \"Kind\" = @p0 AND \"NormalizedUserName\" = @p1",
            PasswordChange.Changed, user.Email.ToUpperInvariant()));
    }

    [Fact]
    public async Task ChangePassword_ToACommonPassword_IsRefused_Asvs_6_2_4()
    {
        var user = await Host.CreateUserAsync(CrmRoles.Staff);
        using var here = await Host.SignInAsync(user);

        using var refused = await ChangePasswordAsync(here, user.Password, "password");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        (await Host.SignInAsync(user)).Dispose();
    }

    [Theory]
    [InlineData("ur-PK", "کم از کم 8 حروف استعمال کریں۔")]
    [InlineData("ta-IN", "குறைந்தது 8 எழுத்துகளைப் பயன்படுத்தவும்.")]
    public async Task ChangePassword_TooShortForAUserOfAnotherLanguage_SaysTheRuleInTheirLanguage(string culture, string rule)
    {
        var user = await Host.CreateUserAsync(CrmRoles.Staff);
        var account = await Host.AsUserAsync(user, s => s.GetRequiredService<OwnAccount>().LoadAsync());
        await Host.AsUserAsync(user, s => s.GetRequiredService<OwnAccount>().SaveAsync(
            new AccountInput { DisplayName = "Mira", Culture = culture, TimeZone = "Asia/Kolkata" }, account!.Version));
        using var here = await Host.SignInAsync(user);

        using var refused = await ChangePasswordAsync(here, user.Password, "kurz");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(rule, (await HtmlPage.ReadAsync(refused)).TextOf("password-error"));
    }

    [Fact]
    public async Task ChangePassword_IsInTheSecurityLog()
    {
        var user = await Host.CreateUserAsync(CrmRoles.Staff);
        using var here = await Host.SignInAsync(user);

        (await ChangePasswordAsync(here, user.Password, NewPassword)).Dispose();

        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM crm_security_events WHERE \"Kind\" = @p0 AND \"NormalizedUserName\" = @p1",
            PasswordChange.Changed, user.Email.ToUpperInvariant()));
    }

    [Fact]
    public async Task SignOutEverywhere_EndsEverySessionOfTheUserThisOneIncluded_Asvs_7_4_1()
    {
        var user = await Host.CreateUserAsync(CrmRoles.Staff);
        var here = await Host.SignInForCookieAsync(user);
        var elsewhere = await Host.SignInForCookieAsync(user);

        using (var signedOut = await Host.PostMenuFormWithCookieAsync(user, here, AccountPaths.SignOutEverywhere))
        {
            Responses.AssertRedirectTo(signedOut, Responses.SignInPath);
        }

        foreach (var cookie in new[] { here, elsewhere })
        {
            using var response = await Host.GetWithCookieAsync("/customers", cookie);
            Responses.AssertRedirectTo(response, Responses.SignInPath);
        }

        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM crm_security_events WHERE \"Kind\" = @p0 AND \"NormalizedUserName\" = @p1",
            SecurityLog.SignedOutEverywhere, user.Email.ToUpperInvariant()));
    }

    [Fact]
    public async Task AccountPage_OpensForAnySignedInUser()
    {
        var user = await Host.CreateUserAsync(CrmRoles.Staff);
        using var browser = await Host.SignInAsync(user);

        using var response = await browser.GetAsync(AccountPaths.Account);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> ChangePasswordAsync(HttpClient browser, string current, string next)
    {
        var form = await browser.GetStringAsync(AccountPaths.ChangePassword);
        using var content = new FormUrlEncodedContent(
        [
            new("_handler", "change-password"),
            new("__RequestVerificationToken", LoginForm.AntiforgeryToken(form)),
            new("Input.Current", current),
            new("Input.Password", next),
            new("Input.Repeat", next),
        ]);
        return await browser.PostAsync(AccountPaths.ChangePassword, content);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : OwnAccountTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : OwnAccountTests(fixture);
}
