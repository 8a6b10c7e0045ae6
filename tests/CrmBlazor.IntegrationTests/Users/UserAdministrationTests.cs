using System.Net;
using System.Security.Claims;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Account;
using CrmBlazor.Host.Features.Users;
using CrmBlazor.Host.Identity;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Messaging;
using CrmBlazor.Sdk.Results;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmBlazor.IntegrationTests.Users;

/// <summary>
/// Administrators list users, change their roles, deactivate, reactivate and unlock them; nobody else
/// may, whatever the page shows. A deactivated user's sessions end, and every change is in the
/// security log with who made it.
/// </summary>
public abstract class UserAdministrationTests(CrmHostFixture fixture)
{
    private CrmHostFactory Host => fixture.Host;

    [Theory]
    [InlineData(CrmRoles.Manager)]
    [InlineData(CrmRoles.Staff)]
    public async Task UsersPage_ForNonAdministrator_IsRefused(string role)
    {
        var user = await Host.CreateUserAsync(role);
        using var client = await Host.SignInAsync(user);

        using var response = await client.GetAsync("/admin/users");

        Responses.AssertAccessDenied(response);
    }

    [Fact]
    public async Task UsersPage_ForAdministrator_OpensAndIsInTheMenu()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        using var client = await Host.SignInAsync(admin);

        using var response = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>Users · CrmBlazor</title>", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/users\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Menu_ForManager_HasNoUsersEntry()
    {
        var manager = await Host.CreateUserAsync(CrmRoles.Manager);
        using var client = await Host.SignInAsync(manager);

        var page = await client.GetStringAsync("/");

        Assert.DoesNotContain("href=\"/admin/users\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_AsAdministrator_ShowsRolesStateAndLastSignIn()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        await Host.SignInForCookieAsync(staff);

        var row = await RowOfAsync(admin, staff);

        Assert.Equal(staff.Email, row.Email);
        Assert.Equal([CrmRoles.Staff], row.Roles);
        Assert.Equal(UserState.Active, row.State);
        Assert.NotNull(row.LastSignInAt);
        Assert.False(row.TwoFactor);
    }

    [Fact]
    public async Task List_SearchedByAWordOfATamilName_FindsTheUser()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var email = $"kavitha-{Guid.NewGuid():N}@crm.test";
        await InviteAsync(admin, "கவிதா ராமன்", email, CrmRoles.Staff);

        var (items, _) = await Host.AsUserAsync(admin, s => s.GetRequiredService<UserQueries>().PageAsync("ராமன்", 0, 100));

        var row = Assert.Single(items, r => r.Email == email);
        Assert.Equal("கவிதா ராமன்", row.Name);
        Assert.Equal(UserState.Invited, row.State);
    }

    [Fact]
    public async Task List_SearchedByPartOfTheAddressInAnotherCase_FindsTheUser()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);

        var (items, total) = await Host.AsUserAsync(admin, s => s.GetRequiredService<UserQueries>().PageAsync(staff.Email[..16].ToUpperInvariant(), 0, 10));

        Assert.Equal(1, total);
        Assert.Equal(staff.Email, Assert.Single(items).Email);
    }

    [Theory]
    [InlineData(CrmRoles.Manager)]
    [InlineData(CrmRoles.Staff)]
    public async Task List_AsNonAdministrator_IsRefused(string role)
    {
        var user = await Host.CreateUserAsync(role);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            Host.AsUserAsync(user, s => s.GetRequiredService<UserQueries>().PageAsync(null, 0, 10)));
    }

    [Theory]
    [InlineData(CrmRoles.Manager)]
    [InlineData(CrmRoles.Staff)]
    public async Task ChangeRoles_AsNonAdministrator_IsForbiddenAndChangesNothing(string role)
    {
        var user = await Host.CreateUserAsync(role);
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        var row = await RowOfAsync(admin, staff);

        var result = await Host.AsUserAsync(user, s => s.GetRequiredService<UserAdministration>()
            .ChangeRolesAsync(row.Id, new RolesInput { Roles = [CrmRoles.Admin] }, row.Version));

        Assert.Equal(ChangeStatus.Forbidden, result.Status);
        Assert.Equal([CrmRoles.Staff], (await RowOfAsync(admin, staff)).Roles);
    }

    [Fact]
    public async Task ChangeRoles_AsAdministrator_GivesExactlyTheRolesAndIsInTheSecurityLog()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        var row = await RowOfAsync(admin, staff);

        var result = await Host.AsUserAsync(admin, s => s.GetRequiredService<UserAdministration>()
            .ChangeRolesAsync(row.Id, new RolesInput { Roles = [CrmRoles.Manager, CrmRoles.Accountant] }, row.Version));

        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
        Assert.Equal([CrmRoles.Manager, CrmRoles.Accountant], (await RowOfAsync(admin, staff)).Roles);
        var logged = await LoggedAsync(UserAdministration.RolesChanged, staff);
        Assert.Equal(admin.Email, logged.Actor);
        Assert.Equal($"{staff.Email}: Staff → Manager, Accountant", logged.Detail);
    }

    [Fact]
    public async Task ChangeRoles_FromAVersionSomeoneElseChanged_IsAConflictAndKeepsTheirChange()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        var seen = await RowOfAsync(admin, staff);
        await Host.AsUserAsync(admin, s => s.GetRequiredService<UserAdministration>()
            .ChangeRolesAsync(seen.Id, new RolesInput { Roles = [CrmRoles.Manager] }, seen.Version));

        var result = await Host.AsUserAsync(admin, s => s.GetRequiredService<UserAdministration>()
            .ChangeRolesAsync(seen.Id, new RolesInput { Roles = [CrmRoles.Accountant] }, seen.Version));

        Assert.Equal(ChangeStatus.Conflict, result.Status);
        Assert.Equal([CrmRoles.Manager], (await RowOfAsync(admin, staff)).Roles);
    }

    [Fact]
    public async Task ChangeRoles_ToNone_IsInvalid()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        var row = await RowOfAsync(admin, staff);

        var result = await Host.AsUserAsync(admin, s => s.GetRequiredService<UserAdministration>()
            .ChangeRolesAsync(row.Id, new RolesInput(), row.Version));

        Assert.Equal(ChangeStatus.Invalid, result.Status);
        Assert.True(result.Has(nameof(RolesInput.Roles)));
    }

    [Fact]
    public async Task ChangeRoles_OfASignedInUser_ReachesTheirOpenPageWithoutANewSignIn()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        var circuitUser = await PrincipalOfAsync(await Host.SignInForCookieAsync(staff));
        var row = await RowOfAsync(admin, staff);
        await Host.AsUserAsync(admin, s => s.GetRequiredService<UserAdministration>()
            .ChangeRolesAsync(row.Id, new RolesInput { Roles = [CrmRoles.Manager] }, row.Version));

        var refreshed = await Host.InScopeAsync(s => Provider(s).RefreshedPrincipalAsync(circuitUser, CancellationToken.None));

        Assert.NotNull(refreshed);
        Assert.True(refreshed.IsInRole(CrmRoles.Manager));
        Assert.False(refreshed.IsInRole(CrmRoles.Staff));
        Assert.Equal(UserSessions.IdOf(circuitUser), UserSessions.IdOf(refreshed));
        Assert.True(await Host.InScopeAsync(s => Provider(s).IsStillSignedInAsync(refreshed, CancellationToken.None)));
    }

    [Fact]
    public async Task Revalidation_WithRolesUnchanged_KeepsThePrincipal()
    {
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        var circuitUser = await PrincipalOfAsync(await Host.SignInForCookieAsync(staff));

        Assert.Null(await Host.InScopeAsync(s => Provider(s).RefreshedPrincipalAsync(circuitUser, CancellationToken.None)));
    }

    [Theory]
    [InlineData("/customers")]
    [InlineData("/customers/export.csv")]
    public async Task Deactivate_RefusesTheUsersOpenSessionAtTheNextRequest(string path)
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        var cookie = await Host.SignInForCookieAsync(staff);

        await DeactivateAsync(admin, staff);

        using var response = await Host.GetWithCookieAsync(path, cookie);
        Responses.AssertRedirectTo(response, Responses.SignInPath);
    }

    [Fact]
    public async Task Deactivate_SignsTheUsersOpenCircuitOut()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        var circuitUser = await PrincipalOfAsync(await Host.SignInForCookieAsync(staff));

        await DeactivateAsync(admin, staff);

        Assert.False(await Host.InScopeAsync(s => Provider(s).IsStillSignedInAsync(circuitUser, CancellationToken.None)));
    }

    [Fact]
    public async Task Deactivate_RefusesSigningInWithTheRightPasswordLikeAWrongOne()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        await DeactivateAsync(admin, staff);

        using var browser = Host.CreateBrowserClient();
        using var response = await LoginForm.SubmitAsync(browser, staff.Email, staff.Password);

        Assert.False(LoginForm.SetsCookie(response, LoginForm.AuthenticationCookie));
        Assert.Equal("The e-mail address or password is not correct.", LoginForm.ErrorOf(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Deactivate_IsInTheSecurityLogWithWhoDidIt()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);

        await DeactivateAsync(admin, staff);

        var logged = await LoggedAsync(UserAdministration.Deactivated, staff);
        Assert.Equal(admin.Email, logged.Actor);
        Assert.Equal(staff.Email, logged.Detail);
        Assert.Equal(UserState.Deactivated, (await RowOfAsync(admin, staff)).State);
    }

    [Theory]
    [InlineData(CrmRoles.Manager)]
    [InlineData(CrmRoles.Staff)]
    public async Task Deactivate_AsNonAdministrator_IsForbidden(string role)
    {
        var user = await Host.CreateUserAsync(role);
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        var row = await RowOfAsync(admin, staff);

        var result = await Host.AsUserAsync(user, s => s.GetRequiredService<UserAdministration>().DeactivateAsync(row.Id, row.Version));

        Assert.Equal(ChangeStatus.Forbidden, result.Status);
        Assert.Equal(UserState.Active, (await RowOfAsync(admin, staff)).State);
    }

    [Fact]
    public async Task Deactivate_OwnAccount_IsRefused()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var row = await RowOfAsync(admin, admin);

        var result = await Host.AsUserAsync(admin, s => s.GetRequiredService<UserAdministration>().DeactivateAsync(row.Id, row.Version));

        Assert.Equal(ChangeStatus.Invalid, result.Status);
    }

    [Fact]
    public async Task Reactivate_LetsTheUserSignInAgain()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        await DeactivateAsync(admin, staff);
        var row = await RowOfAsync(admin, staff);

        var result = await Host.AsUserAsync(admin, s => s.GetRequiredService<UserAdministration>().ReactivateAsync(row.Id, row.Version));

        Assert.True(result.Succeeded);
        (await Host.SignInAsync(staff)).Dispose();
        Assert.Equal(admin.Email, (await LoggedAsync(UserAdministration.Reactivated, staff)).Actor);
    }

    [Fact]
    public async Task Erase_ADeactivatedUser_ReplacesNameAndAddressInTheLogsAndKeepsTheirWork()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var manager = await Host.CreateUserAsync(CrmRoles.Manager);
        await Host.SignInForCookieAsync(manager);
        var created = await Host.AsUserAsync(manager, s => s.GetRequiredService<Host.Features.Customers.CustomerService>()
            .CreateAsync(new Host.Features.Customers.CustomerInput { Name = "ತುಮಕೂರು ಲೆಕ್ಕಪರಿಶೋಧಕರು" }));
        Assert.True(created.Succeeded, string.Join(" ", created.Messages));
        await DeactivateAsync(admin, manager);
        var row = await RowOfAsync(admin, manager);
        var invitation = $"test:{Guid.NewGuid():N}";
        await Host.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<CrmDbContext>();
            db.Send(new OutgoingMessage { To = [new MessageAddress(manager.Email)], Subject = $"Welcome, {manager.Email}", HtmlBody = "<p>Choose a password</p>", IdempotencyKey = invitation });
            await db.SaveChangesAsync();
        });

        var result = await Host.AsUserAsync(admin, s => s.GetRequiredService<UserAdministration>().EraseAsync(row.Id, row.Version));

        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM crm_outbox_messages WHERE \"IdempotencyKey\" = @p0 AND (\"Recipients\" LIKE @p1 OR \"Subject\" LIKE @p1 OR \"HtmlBody\" LIKE '%password%')",
            invitation, "%" + manager.Email + "%"));
        var (items, _) = await Host.AsUserAsync(admin, s => s.GetRequiredService<UserQueries>().PageAsync(row.Id[..8], 0, 10));
        var erased = Assert.Single(items, r => r.Id == row.Id);
        Assert.Equal(UserState.Erased, erased.State);
        Assert.StartsWith("Former user ", erased.Name, StringComparison.Ordinal);
        Assert.EndsWith("@" + UserAdministration.ErasedDomain, erased.Email, StringComparison.Ordinal);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM crm_security_events WHERE \"NormalizedUserName\" = @p0 OR \"UserName\" = @p1 OR \"Detail\" LIKE @p2",
            manager.Email.ToUpperInvariant(), manager.Email, "%" + manager.Email + "%"));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM crm_audit_entries WHERE \"ActorName\" LIKE @p0 OR \"Changes\" LIKE @p0", "%" + manager.Email + "%"));
        // The customer they created keeps its author, anonymously.
        Assert.Equal(erased.Name, await fixture.Database.ScalarAsync<string>(
            "SELECT \"ActorName\" FROM crm_audit_entries WHERE \"ActorId\" = @p0 AND \"Entity\" = 'Customer' AND \"Action\" = 'Created'", row.Id));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_customers WHERE \"Id\" = @p0", created.Id));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_user_tokens WHERE \"UserId\" = @p0", row.Id));
        Assert.Null(await fixture.Database.ScalarAsync<string>("SELECT \"PasswordHash\" FROM crm_users WHERE \"Id\" = @p0", row.Id));
        Assert.Equal(admin.Email, await fixture.Database.ScalarAsync<string>(
            "SELECT \"UserName\" FROM crm_security_events WHERE \"Kind\" = @p0 AND \"NormalizedUserName\" = @p1",
            UserAdministration.Erased, erased.Email.ToUpperInvariant()));
    }

    [Fact]
    public async Task Erase_AnActiveUser_IsRefusedAndChangesNothing()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        var row = await RowOfAsync(admin, staff);

        var result = await Host.AsUserAsync(admin, s => s.GetRequiredService<UserAdministration>().EraseAsync(row.Id, row.Version));

        Assert.Equal(ChangeStatus.Invalid, result.Status);
        Assert.Equal(staff.Email, (await RowOfAsync(admin, staff)).Email);
        (await Host.SignInAsync(staff)).Dispose();
    }

    [Theory]
    [InlineData(CrmRoles.Manager)]
    [InlineData(CrmRoles.Staff)]
    public async Task Erase_AsNonAdministrator_IsForbidden(string role)
    {
        var user = await Host.CreateUserAsync(role);
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        await DeactivateAsync(admin, staff);
        var row = await RowOfAsync(admin, staff);

        var result = await Host.AsUserAsync(user, s => s.GetRequiredService<UserAdministration>().EraseAsync(row.Id, row.Version));

        Assert.Equal(ChangeStatus.Forbidden, result.Status);
        Assert.Equal(staff.Email, (await RowOfAsync(admin, staff)).Email);
    }

    [Fact]
    public async Task Reactivate_AnErasedUser_IsRefused()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        await DeactivateAsync(admin, staff);
        var row = await RowOfAsync(admin, staff);
        Assert.True((await Host.AsUserAsync(admin, s => s.GetRequiredService<UserAdministration>().EraseAsync(row.Id, row.Version))).Succeeded);
        var erased = await Host.InScopeAsync(async s => (await s.GetRequiredService<CrmDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == row.Id)).ConcurrencyStamp!);

        var result = await Host.AsUserAsync(admin, s => s.GetRequiredService<UserAdministration>().ReactivateAsync(row.Id, erased));

        Assert.Equal(ChangeStatus.Invalid, result.Status);
    }

    [Fact]
    public async Task Unlock_AfterFailedSignInsLockedTheAddress_LetsTheUserSignInAtOnce()
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

        var row = await RowOfAsync(admin, staff);
        Assert.Equal(UserState.Locked, row.State);

        var result = await Host.AsUserAsync(admin, s => s.GetRequiredService<UserAdministration>().UnlockAsync(row.Id, row.Version));

        Assert.True(result.Succeeded);
        Assert.Equal(UserState.Active, (await RowOfAsync(admin, staff)).State);
        (await Host.SignInAsync(staff)).Dispose();
        Assert.Equal(admin.Email, (await LoggedAsync(SecurityLog.Unlocked, staff)).Actor);
    }

    [Fact]
    public async Task Demote_TheOnlyActiveAdministrator_IsRefused()
    {
        await using var database = await Testing.Databases.TestDatabase.CreateAsync(fixture.Provider);
        await using var host = fixture.StartHost(database);
        var admin = CrmHostFactory.Administrator;
        var row = await RowOfAsync(host, admin, admin);

        var result = await host.AsUserAsync(admin, s => s.GetRequiredService<UserAdministration>()
            .ChangeRolesAsync(row.Id, new RolesInput { Roles = [CrmRoles.Manager] }, row.Version));

        Assert.Equal(ChangeStatus.Invalid, result.Status);
        Assert.Equal([CrmRoles.Admin], (await RowOfAsync(host, admin, admin)).Roles);
    }

    [Fact]
    public async Task Deactivate_TheLastActiveAdministrator_ByAnAdministratorDeactivatedMeanwhile_IsRefused()
    {
        await using var database = await Testing.Databases.TestDatabase.CreateAsync(fixture.Provider);
        await using var host = fixture.StartHost(database);
        var first = CrmHostFactory.Administrator;
        var second = await host.CreateUserAsync(CrmRoles.Admin);
        var rowOfSecond = await RowOfAsync(host, first, second);
        Assert.True((await host.AsUserAsync(first, s => s.GetRequiredService<UserAdministration>().DeactivateAsync(rowOfSecond.Id, rowOfSecond.Version))).Succeeded);

        // The second administrator's open page still believes them an administrator for up to a minute.
        var rowOfFirst = await RowOfAsync(host, first, first);
        var result = await AsPrincipalAsync(host, await PrincipalOfUserAsync(host, second), s =>
            s.GetRequiredService<UserAdministration>().DeactivateAsync(rowOfFirst.Id, rowOfFirst.Version));

        Assert.Equal(ChangeStatus.Invalid, result.Status);
        Assert.Equal(UserState.Active, (await RowOfAsync(host, first, first)).State);
    }

    [Fact]
    public async Task Demote_AnotherAdministratorWhileOneRemains_IsSaved()
    {
        await using var database = await Testing.Databases.TestDatabase.CreateAsync(fixture.Provider);
        await using var host = fixture.StartHost(database);
        var first = CrmHostFactory.Administrator;
        var second = await host.CreateUserAsync(CrmRoles.Admin);
        var row = await RowOfAsync(host, first, second);

        var result = await host.AsUserAsync(first, s => s.GetRequiredService<UserAdministration>()
            .ChangeRolesAsync(row.Id, new RolesInput { Roles = [CrmRoles.Staff] }, row.Version));

        Assert.True(result.Succeeded);
    }

    protected async Task<UserRow> RowOfAsync(TestUser admin, TestUser user) => await RowOfAsync(Host, admin, user);

    protected static async Task<UserRow> RowOfAsync(CrmHostFactory host, TestUser admin, TestUser user)
    {
        var (items, _) = await host.AsUserAsync(admin, s => s.GetRequiredService<UserQueries>().PageAsync(user.Email, 0, 10));
        return Assert.Single(items, r => r.Email == user.Email);
    }

    /// <summary>Runs code as a principal kept from earlier, as an open circuit keeps it.</summary>
    protected static Task<T> AsPrincipalAsync<T>(CrmHostFactory host, ClaimsPrincipal principal, Func<IServiceProvider, Task<T>> action) =>
        host.InScopeAsync(async s =>
        {
            using (CrmActor.Use(new CrmActor(principal, principal.Identity!.Name!)))
            {
                return await action(s);
            }
        });

    protected static Task<ClaimsPrincipal> PrincipalOfUserAsync(CrmHostFactory host, TestUser user) => host.InScopeAsync(async s =>
    {
        var account = await s.GetRequiredService<UserManager<CrmUser>>().FindByEmailAsync(user.Email);
        return await s.GetRequiredService<SignInManager<CrmUser>>().CreateUserPrincipalAsync(account!);
    });

    private async Task<AccountLink> InviteAsync(TestUser admin, string name, string email, string role)
    {
        var (result, link) = await Host.AsUserAsync(admin, s => s.GetRequiredService<UserInvitations>()
            .InviteAsync(new InviteInput { DisplayName = name, Email = email, Roles = [role] }));
        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
        return link!;
    }

    private async Task DeactivateAsync(TestUser admin, TestUser user)
    {
        var row = await RowOfAsync(admin, user);
        var result = await Host.AsUserAsync(admin, s => s.GetRequiredService<UserAdministration>().DeactivateAsync(row.Id, row.Version));
        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
    }

    private async Task<(string? Actor, string? Detail)> LoggedAsync(string kind, TestUser target)
    {
        var rows = await fixture.Database.QueryAsync(
            "SELECT \"UserName\", \"Detail\" FROM crm_security_events WHERE \"Kind\" = @p0 AND \"NormalizedUserName\" = @p1",
            kind, target.Email.ToUpperInvariant());
        var row = Assert.Single(rows);
        return (row["UserName"] as string, row["Detail"] as string);
    }

    private static RevalidatingAuthenticationStateProvider Provider(IServiceProvider services) =>
        (RevalidatingAuthenticationStateProvider)services.GetRequiredService<AuthenticationStateProvider>();

    /// <summary>The principal a request with the cookie gets, which is what a circuit opened by it keeps.</summary>
    private async Task<ClaimsPrincipal> PrincipalOfAsync(string cookie)
    {
        var options = Host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var ticket = options.TicketDataFormat.Unprotect(SessionCookies.ValueOf(cookie)) ?? throw new InvalidOperationException("The cookie does not unprotect.");
        var key = ticket.Principal.FindFirstValue("Microsoft.AspNetCore.Authentication.Cookies-SessionId") ?? throw new InvalidOperationException("No session key.");
        return (await options.SessionStore!.RetrieveAsync(key))?.Principal ?? throw new InvalidOperationException("The session is not stored.");
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : UserAdministrationTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : UserAdministrationTests(fixture)
    {
        [Fact]
        public async Task DemoteEachOther_TwoAdministratorsAtOnce_LeavesOneAdministrator()
        {
            await using var database = await Testing.Databases.TestDatabase.CreateAsync(fixture.Provider);
            await using var host = fixture.StartHost(database);
            var first = CrmHostFactory.Administrator;
            var second = await host.CreateUserAsync(CrmRoles.Admin);
            for (var round = 0; round < 10; round++)
            {
                var firstRow = await RowOfAsync(host, first, first);
                var secondRow = await RowOfAsync(host, first, second);
                var firstPrincipal = await PrincipalOfUserAsync(host, first);
                var secondPrincipal = await PrincipalOfUserAsync(host, second);

                var results = await Task.WhenAll(
                    Task.Run(() => AsPrincipalAsync(host, firstPrincipal, s => s.GetRequiredService<UserAdministration>()
                        .ChangeRolesAsync(secondRow.Id, new RolesInput { Roles = [CrmRoles.Staff] }, secondRow.Version))),
                    Task.Run(() => AsPrincipalAsync(host, secondPrincipal, s => s.GetRequiredService<UserAdministration>()
                        .ChangeRolesAsync(firstRow.Id, new RolesInput { Roles = [CrmRoles.Staff] }, firstRow.Version))));

                Assert.Single(results, r => r.Succeeded);
                Assert.Single(results, r => r.Status == ChangeStatus.Invalid);
                Assert.Equal(1L, await database.ScalarAsync<long>(
                    "SELECT COUNT(*) FROM crm_user_roles ur JOIN crm_roles r ON r.\"Id\" = ur.\"RoleId\" WHERE r.\"Name\" = 'Admin'"));

                // Both administrators again for the next round.
                var demoted = results[0].Succeeded ? second : first;
                var demotedRow = await RowOfAsync(host, demoted == first ? second : first, demoted);
                var restored = await host.AsUserAsync(demoted == first ? second : first, s => s.GetRequiredService<UserAdministration>()
                    .ChangeRolesAsync(demotedRow.Id, new RolesInput { Roles = [CrmRoles.Admin] }, demotedRow.Version));
                Assert.True(restored.Succeeded);
            }
        }
    }
}
