using System.Net;
using CrmBlazor.Host.Features.Account;
using CrmBlazor.Host.Features.Users;
using CrmBlazor.Host.Identity;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Results;
using CrmBlazor.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Account;

/// <summary>
/// Administrators require two-factor sign-in of chosen roles: a member without an authenticator is sent
/// to the enrolment after signing in and refused everything else until enrolled, on the server.
/// Each test that requires it of a role gives the setting back, since the database is shared.
/// </summary>
public abstract class RequiredTwoFactorTests(CrmHostFixture fixture)
{
    private const string Role = CrmRoles.Accountant;

    [Fact]
    public async Task Require_AsAdministrator_IsSavedAuditedAndInTheSecurityLog()
    {
        var admin = await fixture.Host.CreateUserAsync(CrmRoles.Admin);
        try
        {
            var result = await ChangeAsync(admin, true);

            Assert.True(result.Succeeded, string.Join(" ", result.Messages));
            var requirements = await fixture.Host.AsUserAsync(admin, s => s.GetRequiredService<TwoFactorRequirements>().LoadAsync());
            Assert.Contains(new TwoFactorRequirement(Role, true), requirements);
            Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
                "SELECT COUNT(*) FROM crm_security_events WHERE \"Kind\" = @p0 AND \"UserName\" = @p1",
                TwoFactorRequirements.Changed, admin.Email));
            Assert.True(await fixture.Database.ScalarAsync<long>(
                "SELECT COUNT(*) FROM crm_audit_entries WHERE \"Entity\" = 'CrmRole' AND \"ActorName\" = @p0 AND \"Changes\" LIKE '%RequiresTwoFactor%'",
                admin.Email) >= 1);
        }
        finally
        {
            await ChangeAsync(admin, false);
        }
    }

    [Fact]
    public async Task Require_TheSameStateAgain_IsAConflict()
    {
        var admin = await fixture.Host.CreateUserAsync(CrmRoles.Admin);

        var result = await ChangeAsync(admin, false);

        Assert.Equal(ChangeStatus.Conflict, result.Status);
    }

    [Theory]
    [InlineData(CrmRoles.Manager)]
    [InlineData(CrmRoles.Accountant)]
    public async Task Require_AsNonAdministrator_IsForbidden(string role)
    {
        var user = await fixture.Host.CreateUserAsync(role);

        var result = await ChangeAsync(user, true);

        Assert.Equal(ChangeStatus.Forbidden, result.Status);
    }

    [Fact]
    public async Task SignIn_OfAnUnenrolledMemberOfARequiredRole_GoesToEnrolmentAndIsRefusedOtherPages()
    {
        var admin = await fixture.Host.CreateUserAsync(CrmRoles.Admin);
        var accountant = await fixture.Host.CreateUserAsync(Role);
        await ChangeAsync(admin, true);
        try
        {
            using var browser = await fixture.Host.SignInAsync(accountant);

            foreach (var path in new[] { "/", "/customers", "/customers/export.csv", AccountPaths.Account })
            {
                using var page = await browser.GetAsync(path);
                Responses.AssertRedirectTo(page, AccountPaths.TwoFactor);
            }

            using var circuit = await browser.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
            Assert.Equal(HttpStatusCode.Forbidden, circuit.StatusCode);
            var enrolment = await browser.GetStringAsync(AccountPaths.TwoFactor);
            Assert.Contains("data-testid=\"two-factor-required\"", enrolment, StringComparison.Ordinal);
        }
        finally
        {
            await ChangeAsync(admin, false);
        }
    }

    [Fact]
    public async Task Enrolment_OfAMemberOfARequiredRole_OpensThePagesAndCannotBeTurnedOff()
    {
        var admin = await fixture.Host.CreateUserAsync(CrmRoles.Admin);
        var accountant = await fixture.Host.CreateUserAsync(Role);
        await ChangeAsync(admin, true);
        try
        {
            using var browser = await fixture.Host.SignInAsync(accountant);
            var page = await browser.GetStringAsync(AccountPaths.TwoFactor);
            var key = System.Text.RegularExpressions.Regex.Match(page, """data-testid="two-factor-key"[^>]*>(?<key>[^<]+)<""").Groups["key"].Value;
            using (var enabled = await PostAsync(browser, "two-factor-enable", ("Enable.Code", TwoFactorTests.CodeOf(key)), ("Enable.Password", accountant.Password)))
            {
                Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
            }

            using (var customers = await browser.GetAsync("/customers"))
            {
                Assert.Equal(HttpStatusCode.OK, customers.StatusCode);
            }

            // The page offers no form to turn it off; the service refuses too.
            Assert.DoesNotContain("two-factor-disable", await browser.GetStringAsync(AccountPaths.TwoFactor), StringComparison.Ordinal);
            var answer = await fixture.Host.InScopeAsync(async s =>
            {
                var users = s.GetRequiredService<UserManager<CrmUser>>();
                var account = (await users.FindByEmailAsync(accountant.Email))!;
                var context = new DefaultHttpContext { RequestServices = s, User = await s.GetRequiredService<SignInManager<CrmUser>>().CreateUserPrincipalAsync(account) };
                return await s.GetRequiredService<TwoFactorSettings>().DisableAsync(context, accountant.Password);
            });
            Assert.False(answer.Succeeded);
            Assert.Contains("data-testid=\"two-factor-on\"", await browser.GetStringAsync(AccountPaths.TwoFactor), StringComparison.Ordinal);
        }
        finally
        {
            await ChangeAsync(admin, false);
        }
    }

    [Fact]
    public async Task SignIn_OfAMemberOfAnotherRole_IsNotAffected()
    {
        var admin = await fixture.Host.CreateUserAsync(CrmRoles.Admin);
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        await ChangeAsync(admin, true);
        try
        {
            using var browser = await fixture.Host.SignInAsync(staff);

            using var page = await browser.GetAsync("/customers");

            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
        finally
        {
            await ChangeAsync(admin, false);
        }
    }

    private Task<ChangeResult> ChangeAsync(TestUser actor, bool required) =>
        fixture.Host.AsUserAsync(actor, s => s.GetRequiredService<TwoFactorRequirements>().ChangeAsync(new TwoFactorRequirement(Role, required)));

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string formName, params (string Name, string Value)[] fields)
    {
        var form = await browser.GetStringAsync(AccountPaths.TwoFactor);
        using var content = new FormUrlEncodedContent(
        [
            new("_handler", formName),
            new("__RequestVerificationToken", LoginForm.AntiforgeryToken(form)),
            .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)),
        ]);
        return await browser.PostAsync(AccountPaths.TwoFactor, content);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : RequiredTwoFactorTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : RequiredTwoFactorTests(fixture);
}
