using System.Net;
using CrmBlazor.Host.Features.Administration;
using CrmBlazor.Host.Identity;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Results;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Administration;

/// <summary>
/// The permission matrix (<c>/admin/permissions</c>): administrators read and change which role holds
/// which permission; a change is audited, takes effect at once on the instance that made it and within
/// a minute on the others, and a concurrent change is a conflict. Fixture Beta's permission, held by no
/// role, is the one changed; every test gives the grants back as it found them.
/// </summary>
public abstract class PermissionMatrixTests(CrmHostFixture fixture)
{
    private const string Beta = "fixture-beta.view";

    [Theory]
    [InlineData(CrmRoles.Manager)]
    [InlineData(CrmRoles.Staff)]
    [InlineData(CrmRoles.Accountant)]
    public async Task PermissionsPage_ForNonAdministrator_IsRefused(string role)
    {
        var user = await fixture.Host.CreateUserAsync(role);
        using var client = await fixture.Host.SignInAsync(user);

        using var response = await client.GetAsync("/admin/permissions");

        Responses.AssertAccessDenied(response);
    }

    [Fact]
    public async Task PermissionsPage_ForAdministrator_ShowsTheCoresAndEveryLoadedPluginsPermissionsAgainstTheRoles()
    {
        using var admin = await fixture.Host.SignInAsAdministratorAsync();

        using var response = await admin.GetAsync("/admin/permissions");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlPage.ReadAsync(response);
        Assert.True(page.Has("permission-group-crm"), "The core's permissions are missing.");
        Assert.True(page.Has("permission-group-fixture-alpha"), "Alpha's permissions are missing.");
        Assert.True(page.Has("permission-group-fixture-beta"), "Beta's permissions are missing.");
        Assert.Contains("aria-label=\"Staff: View fixture notes\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Administrator: View what fixture Beta received\"", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PermissionsPage_AdministratorsColumn_IsCheckedAndCannotBeChanged()
    {
        using var admin = await fixture.Host.SignInAsAdministratorAsync();

        using var response = await admin.GetAsync("/admin/permissions");

        var html = (await HtmlPage.ReadAsync(response)).Html;
        var box = html[html.LastIndexOf("<input", html.IndexOf($"data-testid=\"grant-Admin-{Beta}\"", StringComparison.Ordinal), StringComparison.Ordinal)..];
        box = box[..box.IndexOf('>', StringComparison.Ordinal)];
        Assert.Contains("checked", box, StringComparison.Ordinal);
        Assert.Contains("disabled", box, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CrmRoles.Manager)]
    [InlineData(CrmRoles.Staff)]
    public async Task Change_ByNonAdministrator_IsForbiddenAndNothingIsGranted(string role)
    {
        var user = await fixture.Host.CreateUserAsync(role);

        var result = await ChangeAsync(user, CrmRoles.Accountant, granted: true);

        Assert.Equal(ChangeStatus.Forbidden, result.Status);
        Assert.Equal(0L, await GrantCountAsync(CrmRoles.Accountant));
    }

    [Fact]
    public async Task Load_ByNonAdministrator_IsRefused()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            fixture.Host.AsUserAsync(manager, services => services.GetRequiredService<PermissionMatrixQueries>().LoadAsync()));
    }

    [Fact]
    public async Task Grant_ToStaff_TakesEffectAtOnceForASignedInStaffUser()
    {
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        using var client = await fixture.Host.SignInAsync(staff);
        using (var before = await client.GetAsync("/fixture-beta"))
        {
            Responses.AssertAccessDenied(before);
        }

        try
        {
            Assert.Equal(ChangeStatus.Saved, (await ChangeAsync(CrmHostFactory.Administrator, CrmRoles.Staff, granted: true)).Status);

            using var after = await client.GetAsync("/fixture-beta");
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        }
        finally
        {
            await ChangeAsync(CrmHostFactory.Administrator, CrmRoles.Staff, granted: false);
        }
    }

    [Fact]
    public async Task Revoke_FromStaff_TakesEffectAtOnceForASignedInStaffUser()
    {
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        using var client = await fixture.Host.SignInAsync(staff);
        await ChangeAsync(CrmHostFactory.Administrator, CrmRoles.Staff, granted: true);

        Assert.Equal(ChangeStatus.Saved, (await ChangeAsync(CrmHostFactory.Administrator, CrmRoles.Staff, granted: false)).Status);

        using var after = await client.GetAsync("/fixture-beta");
        Responses.AssertAccessDenied(after);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Change_OfTheAdminRole_IsRefused(bool granted)
    {
        var result = await ChangeAsync(CrmHostFactory.Administrator, CrmRoles.Admin, granted);

        Assert.Equal(ChangeStatus.Invalid, result.Status);
        Assert.Equal(["Administrators hold every permission; it cannot be taken from them."], result.Messages.Select(m => m.Text));
    }

    [Fact]
    public async Task Grant_OfTheAdministrationToAnotherRole_IsRefused()
    {
        var result = await ChangeAsync(CrmHostFactory.Administrator, CrmRoles.Manager, granted: true, CrmPermissions.Administration);

        Assert.Equal(ChangeStatus.Invalid, result.Status);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM crm_permission_grants WHERE \"Permission\" = @p0", CrmPermissions.Administration));
    }

    [Fact]
    public async Task Grant_OfAPermissionTheCrmNeverSaw_IsRefused()
    {
        var result = await ChangeAsync(CrmHostFactory.Administrator, CrmRoles.Staff, granted: true, "fixture-alpha.no-such-thing");

        Assert.Equal(ChangeStatus.Invalid, result.Status);
    }

    [Fact]
    public async Task Grant_ThatAnotherAdministratorMadeMeanwhile_IsAConflict()
    {
        try
        {
            await ChangeAsync(CrmHostFactory.Administrator, CrmRoles.Accountant, granted: true);

            var second = await ChangeAsync(CrmHostFactory.Administrator, CrmRoles.Accountant, granted: true);

            Assert.Equal(ChangeStatus.Conflict, second.Status);
            Assert.Equal(1L, await GrantCountAsync(CrmRoles.Accountant));
        }
        finally
        {
            await ChangeAsync(CrmHostFactory.Administrator, CrmRoles.Accountant, granted: false);
        }
    }

    [Fact]
    public async Task Revoke_ThatAnotherAdministratorMadeMeanwhile_IsAConflict()
    {
        var result = await ChangeAsync(CrmHostFactory.Administrator, CrmRoles.Accountant, granted: false);

        Assert.Equal(ChangeStatus.Conflict, result.Status);
    }

    [Fact]
    public async Task GrantAndRevoke_AreWrittenToTheSecurityLogWithWhoWhatAndToWhom()
    {
        var since = await fixture.Database.ScalarAsync<long>("SELECT COALESCE(MAX(\"Id\"), 0) FROM crm_security_events");

        await ChangeAsync(CrmHostFactory.Administrator, CrmRoles.Accountant, granted: true);
        await ChangeAsync(CrmHostFactory.Administrator, CrmRoles.Accountant, granted: false);

        var events = await fixture.Database.QueryAsync(
            "SELECT \"Kind\", \"UserName\", \"Detail\" FROM crm_security_events WHERE \"Id\" > @p0 AND \"Kind\" LIKE 'permission-%' ORDER BY \"Id\"", since);
        Assert.Equal(
            [(SecurityLog.PermissionGranted, CrmHostFactory.Administrator.Email, $"{Beta} → Accountant"), (SecurityLog.PermissionRevoked, CrmHostFactory.Administrator.Email, $"{Beta} → Accountant")],
            events.Select(e => ((string)e["Kind"]!, (string)e["UserName"]!, (string)e["Detail"]!)));
    }

    [Fact]
    public async Task GrantAndRevoke_AreWrittenToTheAuditLogWithTheAdministrator()
    {
        var since = await fixture.Database.ScalarAsync<long>("SELECT COALESCE(MAX(\"Id\"), 0) FROM crm_audit_entries");

        await ChangeAsync(CrmHostFactory.Administrator, CrmRoles.Accountant, granted: true);
        await ChangeAsync(CrmHostFactory.Administrator, CrmRoles.Accountant, granted: false);

        var entries = await fixture.Database.QueryAsync(
            "SELECT \"Action\", \"ActorName\", \"Changes\" FROM crm_audit_entries WHERE \"Id\" > @p0 AND \"Entity\" = 'PermissionGrant' ORDER BY \"Id\"", since);
        Assert.Equal(["Created", "Deleted"], entries.Select(e => (string)e["Action"]!));
        Assert.All(entries, e => Assert.Equal(CrmHostFactory.Administrator.Email, e["ActorName"]));
        Assert.All(entries, e => Assert.Contains(Beta, (string)e["Changes"]!, StringComparison.Ordinal));
    }

    private Task<ChangeResult> ChangeAsync(TestUser user, string role, bool granted, string permission = Beta) =>
        fixture.Host.AsUserAsync(user, services => services.GetRequiredService<PermissionGrantService>()
            .ChangeAsync(new PermissionGrantChange { Permission = permission, Role = role, Granted = granted }));

    private Task<long> GrantCountAsync(string role) => fixture.Database.ScalarAsync<long>(
        "SELECT COUNT(*) FROM crm_permission_grants WHERE \"Role\" = @p0 AND \"Permission\" = @p1", role, Beta);

    [Fact]
    public async Task Grant_Saved_TellsTheOpenMenusOfThisInstanceAtOnce()
    {
        var grants = fixture.Host.Services.GetRequiredService<PermissionGrants>();
        var told = 0;
        void Tell() => Interlocked.Increment(ref told);
        grants.Changed += Tell;
        try
        {
            Assert.Equal(ChangeStatus.Saved, (await ChangeAsync(CrmHostFactory.Administrator, CrmRoles.Staff, granted: true)).Status);

            Assert.Equal(1, told);
        }
        finally
        {
            grants.Changed -= Tell;
            await ChangeAsync(CrmHostFactory.Administrator, CrmRoles.Staff, granted: false);
        }
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : PermissionMatrixTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : PermissionMatrixTests(fixture)
    {
        [Fact]
        public async Task Grant_OnOneInstance_IsSeenByAnotherInstanceOnTheSameDatabaseWithinAMinute()
        {
            // A core permission: tests before this one may have disabled fixture plugins for the next start on this database.
            var clock = new MovableClock();
            await using var other = (fixture.Setup with
            {
                TestServices = services =>
                {
                    fixture.Setup.TestServices?.Invoke(services);
                    services.AddSingleton<TimeProvider>(clock);
                },
            }).StartOn(fixture.Database);
            var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
            var cookie = await other.SignInForCookieAsync(staff);
            using (var before = await other.GetWithCookieAsync("/admin/audit", cookie))
            {
                Responses.AssertAccessDenied(before);
            }

            try
            {
                Assert.Equal(ChangeStatus.Saved, (await ChangeAsync(CrmHostFactory.Administrator, CrmRoles.Staff, granted: true, CrmPermissions.AuditView)).Status);
                clock.Advance(PermissionGrants.Lifetime);

                using var after = await other.GetWithCookieAsync("/admin/audit", cookie);
                Assert.Equal(HttpStatusCode.OK, after.StatusCode);
            }
            finally
            {
                await ChangeAsync(CrmHostFactory.Administrator, CrmRoles.Staff, granted: false, CrmPermissions.AuditView);
            }
        }

        [Fact]
        public async Task Grant_OnOneInstance_TellsTheOpenMenusOfAnotherInstanceAtItsFirstReadAfterAMinute()
        {
            var clock = new MovableClock();
            await using var other = (fixture.Setup with
            {
                TestServices = services =>
                {
                    fixture.Setup.TestServices?.Invoke(services);
                    services.AddSingleton<TimeProvider>(clock);
                },
            }).StartOn(fixture.Database);
            var grants = other.Services.GetRequiredService<PermissionGrants>();
            await grants.GetAsync(CancellationToken.None);
            var told = 0;
            grants.Changed += () => Interlocked.Increment(ref told);

            try
            {
                Assert.Equal(ChangeStatus.Saved, (await ChangeAsync(CrmHostFactory.Administrator, CrmRoles.Staff, granted: true, CrmPermissions.AuditView)).Status);
                await grants.GetAsync(CancellationToken.None);
                Assert.Equal(0, told);
                clock.Advance(PermissionGrants.Lifetime);

                var read = await grants.GetAsync(CancellationToken.None);

                Assert.Contains((CrmRoles.Staff, CrmPermissions.AuditView), read);
                Assert.Equal(1, told);
            }
            finally
            {
                await ChangeAsync(CrmHostFactory.Administrator, CrmRoles.Staff, granted: false, CrmPermissions.AuditView);
            }
        }

        /// <summary>The system's clock, moved forward by a test to let cached data age.</summary>
        private sealed class MovableClock : TimeProvider
        {
            private TimeSpan _offset;

            public void Advance(TimeSpan by) => _offset += by;

            public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
        }
    }
}
