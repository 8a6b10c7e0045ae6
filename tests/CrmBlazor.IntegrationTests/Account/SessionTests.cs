using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Account;
using CrmBlazor.Host.Identity;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.IntegrationTests.Jobs;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;
using Hangfire;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmBlazor.IntegrationTests.Account;

/// <summary>
/// Sessions live on the server (<c>crm_user_sessions</c>): signing out, expiry and
/// <see cref="UserSessions"/> end them, and a replayed cookie of an ended session is refused like no
/// cookie at all.
/// </summary>
public abstract class SessionTests(CrmHostFixture fixture)
{
    private const string CookieSessionIdClaim = "Microsoft.AspNetCore.Authentication.Cookies-SessionId";

    [Theory]
    [InlineData("/customers")]
    [InlineData("/customers/export.csv")]
    public async Task Cookie_BeforeSignOut_OpensPagesAndDownloads(string path)
    {
        var user = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var cookie = await fixture.Host.SignInForCookieAsync(user);

        using var response = await fixture.Host.GetWithCookieAsync(path, cookie);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/customers")]
    [InlineData("/customers/export.csv")]
    public async Task Cookie_ReplayedAfterSignOut_IsSentToSignInLikeAnAnonymousVisitor(string path)
    {
        var user = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var cookie = await fixture.Host.SignInForCookieAsync(user);
        using (var signOut = await fixture.Host.SignOutWithCookieAsync(user, cookie))
        {
            Responses.AssertRedirectTo(signOut, Responses.SignInPath);
        }

        using var response = await fixture.Host.GetWithCookieAsync(path, cookie);

        var target = Responses.AssertRedirectTo(response, Responses.SignInPath);
        Assert.Equal("?ReturnUrl=" + Uri.EscapeDataString(path), target.Query);
    }

    [Fact]
    public async Task SignOut_DeletesTheSessionRow()
    {
        var user = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var cookie = await fixture.Host.SignInForCookieAsync(user);
        Assert.Equal(1, await SessionCountOfAsync(user));

        (await fixture.Host.SignOutWithCookieAsync(user, cookie)).Dispose();

        Assert.Equal(0, await SessionCountOfAsync(user));
    }

    [Fact]
    public async Task SignOut_OnOneDevice_LeavesTheSameUsersOtherDeviceSignedIn()
    {
        var user = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var laptop = await fixture.Host.SignInForCookieAsync(user);
        var phone = await fixture.Host.SignInForCookieAsync(user);

        (await fixture.Host.SignOutWithCookieAsync(user, laptop)).Dispose();

        using var response = await fixture.Host.GetWithCookieAsync("/customers", phone);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Session_IsStoredUnderTheHashOfItsKeyOnly()
    {
        var user = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var cookie = await fixture.Host.SignInForCookieAsync(user);
        var key = KeyOf(cookie);

        var row = Assert.Single(await fixture.Host.InScopeAsync(async services =>
        {
            var userId = await UserIdOfAsync(services, user);
            await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            return await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId).ToListAsync();
        }));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))), row.KeyHash);
        Assert.DoesNotContain(key, Encoding.UTF8.GetString(row.Ticket), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredSession_UsedAgain_IsRefusedAndDeleted()
    {
        var user = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var cookie = await fixture.Host.SignInForCookieAsync(user);
        await ExpireAsync(KeyOf(cookie));

        using var response = await fixture.Host.GetWithCookieAsync("/customers", cookie);

        Responses.AssertRedirectTo(response, Responses.SignInPath);
        Assert.Equal(0, await SessionCountOfAsync(user));
    }

    [Fact]
    public async Task SessionSweep_Triggered_DeletesExpiredSessionsAndKeepsLiveOnes()
    {
        var gone = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var live = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        await ExpireAsync(KeyOf(await fixture.Host.SignInForCookieAsync(gone)));
        var liveCookie = await fixture.Host.SignInForCookieAsync(live);

        fixture.Host.Services.GetRequiredService<IRecurringJobManager>().Trigger("crm:session-sweep");

        await Eventually.ReturnsAsync("the expired session was swept", () => SessionCountOfAsync(gone), count => count == 0);
        using var response = await fixture.Host.GetWithCookieAsync("/customers", liveCookie);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void SessionSweep_IsARecurringCoreJob()
    {
        Assert.Contains(RecurringJobTests.RecurringJobsIn(fixture), j => j.Id == "crm:session-sweep");
    }

    [Fact]
    public async Task EndAll_OfAUser_RefusesEveryCookieOfThatUserAndNoOtherUsers()
    {
        var leaver = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var colleague = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var cookies = new[] { await fixture.Host.SignInForCookieAsync(leaver), await fixture.Host.SignInForCookieAsync(leaver) };
        var colleagueCookie = await fixture.Host.SignInForCookieAsync(colleague);

        var ended = await fixture.Host.InScopeAsync(async services =>
            await services.GetRequiredService<UserSessions>().EndAllAsync(await UserIdOfAsync(services, leaver)));

        Assert.Equal(2, ended);
        foreach (var cookie in cookies)
        {
            using var refused = await fixture.Host.GetWithCookieAsync("/customers", cookie);
            Responses.AssertRedirectTo(refused, Responses.SignInPath);
        }

        using var kept = await fixture.Host.GetWithCookieAsync("/customers", colleagueCookie);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
    }

    [Fact]
    public async Task EndAll_ExceptTheCurrentSession_KeepsOnlyThatOne()
    {
        var user = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var other = await fixture.Host.SignInForCookieAsync(user);
        var current = await fixture.Host.SignInForCookieAsync(user);
        var currentId = UserSessions.IdOf(await PrincipalOfAsync(current));

        await fixture.Host.InScopeAsync(async services =>
            await services.GetRequiredService<UserSessions>().EndAllAsync(await UserIdOfAsync(services, user), except: currentId));

        using var refused = await fixture.Host.GetWithCookieAsync("/customers", other);
        Responses.AssertRedirectTo(refused, Responses.SignInPath);
        using var kept = await fixture.Host.GetWithCookieAsync("/customers", current);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
    }

    [Fact]
    public async Task SignIn_FromABrowserThatHoldsASession_GetsANewKeyAndEndsTheOldSession()
    {
        var user = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        using var browser = fixture.Host.CreateBrowserClient();
        using var first = await LoginForm.SubmitAsync(browser, user.Email, user.Password);
        var firstCookie = SessionCookies.CookieOf(first)!;

        // The same browser, still holding its cookie, signs in again (a planted cookie would be held the same way).
        using var second = await LoginForm.SubmitAsync(browser, user.Email, user.Password);

        var secondCookie = SessionCookies.CookieOf(second);
        Assert.NotNull(secondCookie);
        Assert.NotEqual(KeyOf(firstCookie), KeyOf(secondCookie));
        using var refused = await fixture.Host.GetWithCookieAsync("/customers", firstCookie);
        Responses.AssertRedirectTo(refused, Responses.SignInPath);
        Assert.Equal(1, await SessionCountOfAsync(user));
    }

    [Fact]
    public async Task CircuitRevalidation_WhileTheSessionLives_KeepsTheCircuitSignedIn()
    {
        var user = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var circuitUser = await PrincipalOfAsync(await fixture.Host.SignInForCookieAsync(user));

        Assert.True(await RevalidateAsync(circuitUser));
    }

    [Fact]
    public async Task CircuitRevalidation_AfterTheSessionWasSignedOutElsewhere_SignsTheCircuitOut()
    {
        var user = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var cookie = await fixture.Host.SignInForCookieAsync(user);
        var circuitUser = await PrincipalOfAsync(cookie);

        (await fixture.Host.SignOutWithCookieAsync(user, cookie)).Dispose();

        Assert.False(await RevalidateAsync(circuitUser));
    }

    [Fact]
    public async Task CircuitRevalidation_AfterSomeoneLockedTheAddressByGuessing_KeepsTheOwnersCircuitAndCookie()
    {
        var user = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var cookie = await fixture.Host.SignInForCookieAsync(user);
        var circuitUser = await PrincipalOfAsync(cookie);
        using var guesser = fixture.Host.CreateBrowserClient();
        for (var i = 0; i < 6; i++)
        {
            (await LoginForm.SubmitAsync(guesser, user.Email, "guess-" + i)).Dispose();
        }

        Assert.True(await RevalidateAsync(circuitUser));
        using var response = await fixture.Host.GetWithCookieAsync("/customers", cookie);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void CircuitRevalidation_RunsEveryMinute()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), RevalidatingAuthenticationStateProvider.Interval);
    }

    private Task<bool> RevalidateAsync(ClaimsPrincipal circuitUser) => fixture.Host.InScopeAsync(services =>
    {
        var provider = (RevalidatingAuthenticationStateProvider)services.GetRequiredService<AuthenticationStateProvider>();
        return provider.IsStillSignedInAsync(circuitUser, CancellationToken.None);
    });

    /// <summary>The random key a cookie carries (the ticket store's key).</summary>
    private string KeyOf(string cookie)
    {
        var options = fixture.Host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var ticket = options.TicketDataFormat.Unprotect(SessionCookies.ValueOf(cookie)) ?? throw new InvalidOperationException("The cookie does not unprotect.");
        return ticket.Principal.FindFirstValue(CookieSessionIdClaim) ?? throw new InvalidOperationException("The cookie holds no session key.");
    }

    /// <summary>The principal a request with the cookie gets, which is what a circuit opened by it keeps.</summary>
    private async Task<ClaimsPrincipal> PrincipalOfAsync(string cookie)
    {
        var options = fixture.Host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var ticket = await options.SessionStore!.RetrieveAsync(KeyOf(cookie));
        return ticket?.Principal ?? throw new InvalidOperationException("The session is not stored.");
    }

    private Task ExpireAsync(string key) => fixture.Host.InScopeAsync(async services =>
    {
        var hash = UserSessionStore.HashOf(key);
        var past = DateTimeOffset.UtcNow.AddMinutes(-1);
        await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.UserSessions.Where(s => s.KeyHash == hash).ExecuteUpdateAsync(u => u.SetProperty(s => s.ExpiresAt, past)));
    });

    private Task<long> SessionCountOfAsync(TestUser user) => fixture.Database.ScalarAsync<long>(
        "SELECT COUNT(*) FROM crm_user_sessions s JOIN crm_users u ON u.\"Id\" = s.\"UserId\" WHERE u.\"UserName\" = @p0", user.Email);

    private static async Task<string> UserIdOfAsync(IServiceProvider services, TestUser user) =>
        (await services.GetRequiredService<UserManager<CrmUser>>().FindByEmailAsync(user.Email))!.Id;

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : SessionTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : SessionTests(fixture)
    {
        [Fact]
        public async Task SignOut_OnOneInstance_IsRefusedAtOnceByAnotherInstanceOnTheSameDatabase()
        {
            await using var other = fixture.StartHost(fixture.Database);
            var user = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
            var cookie = await fixture.Host.SignInForCookieAsync(user);
            using (var before = await other.GetWithCookieAsync("/customers", cookie))
            {
                Assert.Equal(HttpStatusCode.OK, before.StatusCode);
            }

            (await fixture.Host.SignOutWithCookieAsync(user, cookie)).Dispose();

            using var after = await other.GetWithCookieAsync("/customers", cookie);
            Responses.AssertRedirectTo(after, Responses.SignInPath);
        }
    }
}
