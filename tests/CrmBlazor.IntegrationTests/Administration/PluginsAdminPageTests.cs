using System.Net;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Testing;

namespace CrmBlazor.IntegrationTests.Administration;

/// <summary>Administrators see on /admin/plugins what /healthz reports: each plugin's state and the reason it is not running.</summary>
public abstract class PluginsAdminPageTests(CrmHostFixture fixture)
{
    [Theory]
    [InlineData("fixture-alpha", "Loaded")]
    [InlineData("fixture-beta", "Loaded")]
    [InlineData("fixture-broken", "Failed")]
    [InlineData("fixture-incompatible", "Incompatible")]
    public async Task PluginsPage_AsAdministrator_ShowsEachPluginsState(string pluginId, string state)
    {
        var page = await PluginsPageAsync();

        Assert.Equal(state, page.TextOf("plugin-state-" + pluginId));
    }

    [Fact]
    public async Task PluginsPage_AsAdministrator_ShowsWhyTheBrokenPluginFailed()
    {
        var page = await PluginsPageAsync();

        Assert.Equal("Failed while starting: Fixture Broken refuses to start: this failure is deliberate.", page.TextOf("plugin-error-fixture-broken"));
    }

    [Fact]
    public async Task PluginsPage_AsAdministrator_ShowsTheSdkRangeTheIncompatiblePluginNeeds()
    {
        var page = await PluginsPageAsync();

        Assert.StartsWith("Requires SDK (>= 99.0.0 && < 100.0.0); this host provides SDK 1.", page.TextOf("plugin-error-fixture-incompatible"), StringComparison.Ordinal);
    }

    private async Task<HtmlPage> PluginsPageAsync()
    {
        using var admin = await fixture.Host.SignInAsAdministratorAsync();
        using var response = await admin.GetAsync("/admin/plugins");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await HtmlPage.ReadAsync(response);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : PluginsAdminPageTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : PluginsAdminPageTests(fixture);
}
