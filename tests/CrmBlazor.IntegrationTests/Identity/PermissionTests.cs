using System.Net;
using CrmBlazor.Host.Identity;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.IntegrationTests.Identity;

/// <summary>
/// Plugin permissions decide what a user sees and opens. Alpha's permission is granted to Staff by
/// default; Beta's to no role, so only administrators hold it. Refusals are written to the security log.
/// </summary>
public abstract class PermissionTests(CrmHostFixture fixture)
{
    [Fact]
    public async Task Shell_ForStaff_ShowsTheMenuEntryOfAPermissionStaffHolds()
    {
        var shell = await ShellAsync(CrmRoles.Staff);

        Assert.Contains("/fixture-alpha", shell.Links);
    }

    [Fact]
    public async Task Shell_ForStaff_HidesTheMenuEntryOfAPermissionNoRoleHolds()
    {
        var shell = await ShellAsync(CrmRoles.Staff);

        Assert.DoesNotContain("/fixture-beta", shell.Links);
    }

    [Fact]
    public async Task Shell_ForAdministrator_ShowsEveryPluginsMenuEntry()
    {
        var shell = await ShellAsync(CrmRoles.Admin);

        Assert.Contains("/fixture-alpha", shell.Links);
        Assert.Contains("/fixture-beta", shell.Links);
    }

    [Fact]
    public async Task PluginPage_ForStaffWithoutItsPermission_IsRefused()
    {
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        using var client = await fixture.Host.SignInAsync(staff);

        using var response = await client.GetAsync("/fixture-beta");

        Responses.AssertAccessDenied(response);
    }

    [Fact]
    public async Task PluginPage_RefusedToStaff_IsWrittenToTheSecurityLog()
    {
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        using var client = await fixture.Host.SignInAsync(staff);

        using var response = await client.GetAsync("/fixture-beta");

        var details = await fixture.Database.ColumnAsync<string>(
            "SELECT \"Detail\" FROM crm_security_events WHERE \"Kind\" = @p0 AND \"UserName\" = @p1", SecurityLog.AccessDenied, staff.Email);
        Assert.Equal(["GET /fixture-beta"], details);
    }

    [Theory]
    [InlineData("/fixture-alpha")]
    [InlineData("/fixture-beta")]
    public async Task PluginPage_ForAdministrator_IsServed(string path)
    {
        using var admin = await fixture.Host.SignInAsAdministratorAsync();

        using var response = await admin.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(CrmRoles.Manager, "/jobs")]
    [InlineData(CrmRoles.Manager, "/admin/plugins")]
    [InlineData(CrmRoles.Staff, "/jobs")]
    [InlineData(CrmRoles.Staff, "/admin/plugins")]
    public async Task AdministrationPage_ForNonAdministrator_IsRefused(string role, string path)
    {
        var user = await fixture.Host.CreateUserAsync(role);
        using var client = await fixture.Host.SignInAsync(user);

        using var response = await client.GetAsync(path);

        Responses.AssertAccessDenied(response);
    }

    [Fact]
    public async Task JobsDashboard_ForAdministrator_IsServed()
    {
        using var admin = await fixture.Host.SignInAsAdministratorAsync();

        using var response = await admin.GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("CrmBlazor jobs", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<HtmlPage> ShellAsync(string role)
    {
        var user = role == CrmRoles.Admin ? CrmBlazor.Testing.Hosting.CrmHostFactory.Administrator : await fixture.Host.CreateUserAsync(role);
        using var client = await fixture.Host.SignInAsync(user);
        using var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlPage.ReadAsync(response);
        Assert.True(page.Has("nav-menu"), "The shell has no menu.");
        return page;
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : PermissionTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : PermissionTests(fixture);
}
