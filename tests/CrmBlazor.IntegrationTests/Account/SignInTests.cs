using CrmBlazor.Host.Identity;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.IntegrationTests.Account;

/// <summary>Signing in: the authentication cookie's protection, and lock-out after repeated wrong passwords.</summary>
public abstract class SignInTests(CrmHostFixture fixture)
{
    [Fact]
    public async Task SignIn_WithTheRightPassword_SetsASecureHttpOnlySameSiteCookie()
    {
        var user = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        using var client = fixture.Host.CreateBrowserClient();

        using var response = await LoginForm.SubmitAsync(client, user.Email, user.Password);

        var cookie = LoginForm.SetCookieHeader(response, LoginForm.AuthenticationCookie);
        Assert.NotNull(cookie);
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=lax", attributes);
    }

    [Fact]
    public async Task SignIn_FifthWrongPassword_LocksTheAccountAndWritesItToTheSecurityLog()
    {
        var user = await fixture.Host.CreateUserAsync(CrmRoles.Staff);

        await SubmitWrongPasswordsAsync(user, 5);

        var kinds = await SecurityEventsOfAsync(user);
        Assert.Equal([.. Enumerable.Repeat(SecurityLog.SignInFailed, 4), SecurityLog.LockedOut], kinds);
    }

    [Fact]
    public async Task SignIn_AfterLockOut_IsRefusedEvenWithTheRightPassword()
    {
        var user = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        await SubmitWrongPasswordsAsync(user, 5);
        using var client = fixture.Host.CreateBrowserClient();

        using var response = await LoginForm.SubmitAsync(client, user.Email, user.Password);

        Assert.False(LoginForm.SetsCookie(response, LoginForm.AuthenticationCookie));
        Assert.StartsWith("Too many failed attempts", LoginForm.ErrorOf(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(SecurityLog.SignInLocked, (await SecurityEventsOfAsync(user))[^1]);
    }

    private async Task SubmitWrongPasswordsAsync(TestUser user, int count)
    {
        using var client = fixture.Host.CreateBrowserClient();
        for (var i = 0; i < count; i++)
        {
            using var response = await LoginForm.SubmitAsync(client, user.Email, "wrong-password-" + i);
            Assert.False(LoginForm.SetsCookie(response, LoginForm.AuthenticationCookie));
        }
    }

    private Task<IReadOnlyList<string>> SecurityEventsOfAsync(TestUser user) =>
        fixture.Database.ColumnAsync<string>("SELECT \"Kind\" FROM crm_security_events WHERE \"UserName\" = @p0 ORDER BY \"Id\"", user.Email);

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : SignInTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : SignInTests(fixture);
}
