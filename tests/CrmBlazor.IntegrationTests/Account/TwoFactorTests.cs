using System.Net;
using System.Text.RegularExpressions;
using CrmBlazor.Host.Features.Account;
using CrmBlazor.Host.Identity;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace CrmBlazor.IntegrationTests.Account;

/// <summary>
/// Two-factor sign-in with an authenticator app, driven through the pages' forms as a browser does, the
/// codes computed from the key the page shows (as a phone app would). OWASP ASVS 5.0: turning it on and
/// off, and new recovery codes, need the current password (7.5.1, re-authentication); wrong codes count
/// towards the lock-out as wrong passwords do (6.3.1); a recovery code and a code of the app work once (6.5.1).
/// A sign-in right after an enrolment uses the app's next code (<see cref="NextCodeOf"/>), as a person
/// would have to: the code that turned it on is used.
/// </summary>
public abstract partial class TwoFactorTests(CrmHostFixture fixture)
{
    [Fact]
    public async Task Enable_WithThePasswordAndACodeFromTheKey_TurnsItOnAndShowsTenRecoveryCodesOnce()
    {
        var user = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        using var browser = await fixture.Host.SignInAsync(user);
        var key = await KeyAsync(browser);

        using var enabled = await EnableAsync(browser, user.Password, CodeOf(key));

        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var page = await enabled.Content.ReadAsStringAsync();
        Assert.Equal(TwoFactorSettings.RecoveryCodeCount, RecoveryCodes(page).Count);
        var later = await browser.GetStringAsync(AccountPaths.TwoFactor);
        Assert.Contains("data-testid=\"two-factor-on\"", later, StringComparison.Ordinal);
        Assert.Empty(RecoveryCodes(later));
        Assert.Equal(1L, await CountEventsAsync(TwoFactorSettings.Enabled, user));
    }

    [Fact]
    public async Task Enable_WithAWrongPassword_IsRefusedAndWrittenToTheSecurityLog_Asvs_7_5_1()
    {
        var user = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        using var browser = await fixture.Host.SignInAsync(user);
        var key = await KeyAsync(browser);

        using var refused = await EnableAsync(browser, "not my password at all", CodeOf(key));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("The current password is not correct.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"two-factor-key\"", await browser.GetStringAsync(AccountPaths.TwoFactor), StringComparison.Ordinal);
        Assert.Equal(1L, await CountEventsAsync(SecurityLog.ReauthenticationFailed, user));
    }

    [Fact]
    public async Task Enable_WithAWrongCode_IsRefused()
    {
        var user = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        using var browser = await fixture.Host.SignInAsync(user);
        var key = await KeyAsync(browser);

        using var refused = await EnableAsync(browser, user.Password, WrongCodeFor(key));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(0L, await CountEventsAsync(TwoFactorSettings.Enabled, user));
    }

    [Fact]
    public async Task SignIn_WithTwoFactor_AsksForACodeAfterThePasswordAndSetsNoCookieBefore()
    {
        var (user, _, _) = await EnrolledUserAsync();
        using var browser = fixture.Host.CreateBrowserClient();

        using var response = await LoginForm.SubmitAsync(browser, user.Email, user.Password);

        var target = Responses.AssertRedirectTo(response, AccountPaths.SignInWithCode);
        Assert.Contains("remember=false", target.Query, StringComparison.Ordinal);
        Assert.False(LoginForm.SetsCookie(response, LoginForm.AuthenticationCookie));
        using var page = await browser.GetAsync("/customers");
        Responses.AssertRedirectTo(page, Responses.SignInPath);
    }

    [Fact]
    public async Task SignIn_WithAWrongCode_IsRefused()
    {
        var (user, key, _) = await EnrolledUserAsync();
        using var browser = fixture.Host.CreateBrowserClient();
        (await LoginForm.SubmitAsync(browser, user.Email, user.Password)).Dispose();

        using var refused = await SubmitCodeAsync(browser, WrongCodeFor(key));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.False(LoginForm.SetsCookie(refused, LoginForm.AuthenticationCookie));
        Assert.Contains("The code is not correct", LoginForm.ErrorOf(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithTheCodeTheAppShows_SignsIn()
    {
        var (user, key, _) = await EnrolledUserAsync();
        using var browser = fixture.Host.CreateBrowserClient();
        (await LoginForm.SubmitAsync(browser, user.Email, user.Password)).Dispose();

        using var signedIn = await SubmitCodeAsync(browser, NextCodeOf(key));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.True(LoginForm.SetsCookie(signedIn, LoginForm.AuthenticationCookie));
        using var page = await browser.GetAsync("/customers");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task SignIn_WithTheCodeThatTurnedItOn_IsRefused_Asvs_6_5_1()
    {
        var (user, key, _) = await EnrolledUserAsync();
        using var browser = fixture.Host.CreateBrowserClient();
        (await LoginForm.SubmitAsync(browser, user.Email, user.Password)).Dispose();

        using var refused = await SubmitCodeAsync(browser, CodeOf(key));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.False(LoginForm.SetsCookie(refused, LoginForm.AuthenticationCookie));
        Assert.Contains("was used already", LoginForm.ErrorOf(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithACodeThatSignedInBefore_IsRefused_Asvs_6_5_1()
    {
        var (user, key, _) = await EnrolledUserAsync();
        var code = NextCodeOf(key);
        using (var first = fixture.Host.CreateBrowserClient())
        {
            (await LoginForm.SubmitAsync(first, user.Email, user.Password)).Dispose();
            using var signedIn = await SubmitCodeAsync(first, code);
            Assert.True(LoginForm.SetsCookie(signedIn, LoginForm.AuthenticationCookie));
        }

        using var second = fixture.Host.CreateBrowserClient();
        (await LoginForm.SubmitAsync(second, user.Email, user.Password)).Dispose();
        using var refused = await SubmitCodeAsync(second, code);

        Assert.False(LoginForm.SetsCookie(refused, LoginForm.AuthenticationCookie));
    }

    [Fact]
    public async Task SignIn_OneCodeInTwoRequestsAtOnce_SignsInOnlyOne()
    {
        var (user, key, _) = await EnrolledUserAsync();
        using var first = fixture.Host.CreateBrowserClient();
        using var second = fixture.Host.CreateBrowserClient();
        (await LoginForm.SubmitAsync(first, user.Email, user.Password)).Dispose();
        (await LoginForm.SubmitAsync(second, user.Email, user.Password)).Dispose();
        var code = NextCodeOf(key);

        var answers = await Task.WhenAll(SubmitCodeAsync(first, code), SubmitCodeAsync(second, code));

        Assert.Equal(1, answers.Count(a => LoginForm.SetsCookie(a, LoginForm.AuthenticationCookie)));
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"Answered {(int)a.StatusCode}."));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task SignIn_CodeWithoutThePasswordStep_IsRefused()
    {
        var (_, key, _) = await EnrolledUserAsync();
        using var browser = fixture.Host.CreateBrowserClient();

        using var refused = await SubmitCodeAsync(browser, CodeOf(key));

        Assert.False(LoginForm.SetsCookie(refused, LoginForm.AuthenticationCookie));
        Assert.Contains("Start again", LoginForm.ErrorOf(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithARecoveryCode_WorksOnceAndIsInTheSecurityLog_Asvs_6_5_1()
    {
        var (user, _, codes) = await EnrolledUserAsync();
        using (var first = fixture.Host.CreateBrowserClient())
        {
            (await LoginForm.SubmitAsync(first, user.Email, user.Password)).Dispose();
            using var signedIn = await SubmitCodeAsync(first, codes[0]);
            Assert.True(LoginForm.SetsCookie(signedIn, LoginForm.AuthenticationCookie));
        }

        using var second = fixture.Host.CreateBrowserClient();
        (await LoginForm.SubmitAsync(second, user.Email, user.Password)).Dispose();
        using var refused = await SubmitCodeAsync(second, codes[0]);

        Assert.False(LoginForm.SetsCookie(refused, LoginForm.AuthenticationCookie));
        Assert.Equal(1L, await CountEventsAsync(SecurityLog.RecoveryCodeUsed, user));
    }

    [Fact]
    public async Task SignIn_FiveWrongCodes_LockTheAddressSoTheRightCodeIsRefused_Asvs_6_3_1()
    {
        var (user, key, _) = await EnrolledUserAsync();
        using var browser = fixture.Host.CreateBrowserClient();
        (await LoginForm.SubmitAsync(browser, user.Email, user.Password)).Dispose();
        for (var i = 0; i < 5; i++)
        {
            (await SubmitCodeAsync(browser, WrongCodeFor(key))).Dispose();
        }

        using var refused = await SubmitCodeAsync(browser, NextCodeOf(key));

        Assert.False(LoginForm.SetsCookie(refused, LoginForm.AuthenticationCookie));
        Assert.Contains("Too many failed attempts", LoginForm.ErrorOf(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1L, await CountEventsAsync(SecurityLog.LockedOut, user));
    }

    [Fact]
    public async Task Disable_WrongPasswordsCountTowardsTheLockOutAndALockedAddressChangesNothing_Asvs_6_3_1()
    {
        var (user, _, _) = await EnrolledUserAsync();
        using var browser = await SignInWithCodeAsync(user);
        for (var i = 0; i < 5; i++)
        {
            (await PostPasswordFormAsync(browser, "two-factor-disable", "Disable", "not my password " + i)).Dispose();
        }

        using var refused = await PostPasswordFormAsync(browser, "two-factor-disable", "Disable", user.Password);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Too many failed attempts", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"two-factor-on\"", await browser.GetStringAsync(AccountPaths.TwoFactor), StringComparison.Ordinal);
        Assert.Equal(1L, await CountEventsAsync(SecurityLog.LockedOut, user));
    }

    [Fact]
    public async Task Disable_NeedsTheCurrentPassword_Asvs_7_5_1()
    {
        var (user, _, _) = await EnrolledUserAsync();
        using var browser = await SignInWithCodeAsync(user);

        using (var refused = await PostPasswordFormAsync(browser, "two-factor-disable", "Disable", "not my password at all"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        Assert.Contains("data-testid=\"two-factor-on\"", await browser.GetStringAsync(AccountPaths.TwoFactor), StringComparison.Ordinal);
        using var disabled = await PostPasswordFormAsync(browser, "two-factor-disable", "Disable", user.Password);
        Assert.Contains("data-testid=\"two-factor-off\"", await disabled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1L, await CountEventsAsync(TwoFactorSettings.Disabled, user));
        (await fixture.Host.SignInAsync(user)).Dispose();
    }

    [Fact]
    public async Task RegenerateRecoveryCodes_WithThePassword_ReplacesTheOldCodes()
    {
        var (user, _, codes) = await EnrolledUserAsync();
        using var browser = await SignInWithCodeAsync(user);

        using var regenerated = await PostPasswordFormAsync(browser, "two-factor-codes", "Codes", user.Password);

        var fresh = RecoveryCodes(await regenerated.Content.ReadAsStringAsync());
        Assert.Equal(TwoFactorSettings.RecoveryCodeCount, fresh.Count);
        Assert.Empty(fresh.Intersect(codes));
        Assert.Equal(1L, await CountEventsAsync(TwoFactorSettings.RecoveryCodesRegenerated, user));
        using var other = fixture.Host.CreateBrowserClient();
        (await LoginForm.SubmitAsync(other, user.Email, user.Password)).Dispose();
        using var refused = await SubmitCodeAsync(other, codes[1]);
        Assert.False(LoginForm.SetsCookie(refused, LoginForm.AuthenticationCookie));
    }

    [Fact]
    public async Task Enable_EndsTheUsersOtherSessionsAndKeepsThisOne()
    {
        var user = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        using var browser = await fixture.Host.SignInAsync(user);
        using var elsewhere = await fixture.Host.SignInAsync(user);
        var key = await KeyAsync(browser);

        (await EnableAsync(browser, user.Password, CodeOf(key))).Dispose();

        using (var here = await browser.GetAsync("/customers"))
        {
            Assert.Equal(HttpStatusCode.OK, here.StatusCode);
        }

        using var gone = await elsewhere.GetAsync("/customers");
        Responses.AssertRedirectTo(gone, Responses.SignInPath);
    }

    /// <summary>The code an authenticator app shows now for a key as the page shows it.</summary>
    internal static string CodeOf(string key) =>
        new Totp(Base32Encoding.ToBytes(key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp();

    /// <summary>The code the app shows after the current one: a code that has not been used yet, within the clock drift the check allows.</summary>
    internal static string NextCodeOf(string key) =>
        new Totp(Base32Encoding.ToBytes(key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp(DateTime.UtcNow.AddSeconds(30));

    // A code that is wrong now and in the windows around now that the check also accepts.
    private static string WrongCodeFor(string key)
    {
        var totp = new Totp(Base32Encoding.ToBytes(key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant()));
        var near = new[] { -2, -1, 0, 1, 2 }.Select(step => totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(i => (123456 + i * 7919 % 1000000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !near.Contains(c));
    }

    private async Task<(TestUser User, string Key, IReadOnlyList<string> RecoveryCodes)> EnrolledUserAsync()
    {
        var user = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        using var browser = await fixture.Host.SignInAsync(user);
        var key = await KeyAsync(browser);
        using var enabled = await EnableAsync(browser, user.Password, CodeOf(key));
        var codes = RecoveryCodes(await enabled.Content.ReadAsStringAsync());
        Assert.Equal(TwoFactorSettings.RecoveryCodeCount, codes.Count);
        return (user, key, codes);
    }

    private async Task<HttpClient> SignInWithCodeAsync(TestUser user)
    {
        var key = await fixture.Host.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<CrmUser>>();
            return (await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(user.Email))!))!;
        });
        var browser = fixture.Host.CreateBrowserClient();
        (await LoginForm.SubmitAsync(browser, user.Email, user.Password)).Dispose();
        using var signedIn = await SubmitCodeAsync(browser, NextCodeOf(key));
        Assert.True(LoginForm.SetsCookie(signedIn, LoginForm.AuthenticationCookie));
        return browser;
    }

    private static async Task<string> KeyAsync(HttpClient browser)
    {
        var page = await browser.GetStringAsync(AccountPaths.TwoFactor);
        var match = KeyField().Match(page);
        Assert.True(match.Success, "The two-factor page shows no key.");
        return WebUtility.HtmlDecode(match.Groups["key"].Value);
    }

    private static async Task<HttpResponseMessage> EnableAsync(HttpClient browser, string password, string code)
    {
        var form = await browser.GetStringAsync(AccountPaths.TwoFactor);
        using var content = new FormUrlEncodedContent(
        [
            new("_handler", "two-factor-enable"),
            new("__RequestVerificationToken", LoginForm.AntiforgeryToken(form)),
            new("Enable.Code", code),
            new("Enable.Password", password),
        ]);
        return await browser.PostAsync(AccountPaths.TwoFactor, content);
    }

    private static async Task<HttpResponseMessage> PostPasswordFormAsync(HttpClient browser, string formName, string model, string password)
    {
        var form = await browser.GetStringAsync(AccountPaths.TwoFactor);
        using var content = new FormUrlEncodedContent(
        [
            new("_handler", formName),
            new("__RequestVerificationToken", LoginForm.AntiforgeryToken(form)),
            new($"{model}.Password", password),
        ]);
        return await browser.PostAsync(AccountPaths.TwoFactor, content);
    }

    private static async Task<HttpResponseMessage> SubmitCodeAsync(HttpClient browser, string code)
    {
        var form = await browser.GetStringAsync(AccountPaths.SignInWithCode);
        using var content = new FormUrlEncodedContent(
        [
            new("_handler", "signin-code"),
            new("__RequestVerificationToken", LoginForm.AntiforgeryToken(form)),
            new("Input.Code", code),
        ]);
        return await browser.PostAsync(AccountPaths.SignInWithCode, content);
    }

    private static List<string> RecoveryCodes(string page) =>
        [.. RecoveryCodeField().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups["code"].Value))];

    private Task<long> CountEventsAsync(string kind, TestUser user) =>
        fixture.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM crm_security_events WHERE \"Kind\" = @p0 AND \"NormalizedUserName\" = @p1",
            kind, user.Email.ToUpperInvariant());

    [GeneratedRegex("""data-testid="two-factor-key"[^>]*>(?<key>[^<]+)<""")]
    private static partial Regex KeyField();

    [GeneratedRegex("""data-testid="two-factor-code"[^>]*>(?<code>[^<]+)<""")]
    private static partial Regex RecoveryCodeField();

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : TwoFactorTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : TwoFactorTests(fixture);
}
