using System.Net;
using CrmBlazor.Host.Features.Administration;
using CrmBlazor.Host.Plugins;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Hosting;
using CrmBlazor.Testing.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Lifecycle;

/// <summary>
/// A plugin uploaded on the plugins page is kept in the database and installed at the next start,
/// like a plugin of the plugins folder; a newer upload replaces it and a removed one is gone, each at the next start.
/// </summary>
public abstract class UploadedPluginTests(HostWithUploadedPlugins scenario)
{
    [Fact]
    public void Upload_BeforeTheNextStart_IsNotLoaded()
    {
        Assert.All(scenario.FirstRun, Assert.Null);
    }

    [Fact]
    public void Upload_AtTheNextStart_IsLoadedFromTheFolderOfUploadedPlugins()
    {
        var kept = scenario.SecondRun[0];

        Assert.Equal(PluginState.Loaded, kept?.State);
        Assert.True(kept!.IsUploaded);
        Assert.Equal(Path.Combine(scenario.InstalledPath, scenario.KeptId), kept.Directory);
    }

    [Fact]
    public void NewerUpload_AtTheNextStart_ReplacesThePlugin()
    {
        var kept = scenario.Host.Services.GetRequiredService<PluginCatalog>().Find(scenario.KeptId);

        Assert.Equal(PluginState.Loaded, kept?.State);
        Assert.Equal("1.1.0", kept!.Version);
    }

    [Fact]
    public async Task Removal_AtTheNextStart_NoLongerLoadsThePluginAndDeletesItsFolderAndArchive()
    {
        var removed = scenario.Host.Services.GetRequiredService<PluginCatalog>().Find(scenario.RemovedId);

        Assert.Equal(PluginState.Loaded, scenario.SecondRun[1]?.State);
        Assert.Null(removed);
        Assert.False(Directory.Exists(Path.Combine(scenario.InstalledPath, scenario.RemovedId)));
        Assert.Equal(0L, await scenario.Database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_plugin_archives WHERE \"PluginId\" = @p0", scenario.RemovedId));
    }

    [Fact]
    public async Task PluginsPage_AfterTheNextStart_ShowsTheUploadedPluginLoaded()
    {
        var page = await PluginsPageAsync();

        Assert.Equal("Loaded", page.TextOf("plugin-state-" + scenario.KeptId));
        Assert.True(page.Has("plugin-remove-" + scenario.KeptId));
        Assert.False(page.Has("plugin-remove-" + FixtureAlpha.Id));
    }

    [Fact]
    public async Task PluginsPage_AfterAnUpload_ListsThePluginAsInstalledAtTheNextStart()
    {
        var id = "pending-" + Guid.NewGuid().ToString("N")[..8];
        await scenario.Host.AsUserAsync(CrmHostFactory.Administrator, services =>
            services.GetRequiredService<PluginArchives>().InstallAsync(new MemoryStream(PluginArchiveBuilder.ForPlugin(id).Build())));

        var page = await PluginsPageAsync();

        Assert.Equal("Installed at the next start", page.TextOf("plugin-state-" + id));
    }

    private async Task<HtmlPage> PluginsPageAsync()
    {
        using var admin = await scenario.Host.SignInAsAdministratorAsync();
        using var response = await admin.GetAsync("/admin/plugins");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await HtmlPage.ReadAsync(response);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostWithUploadedPlugins scenario) : UploadedPluginTests(scenario), IClassFixture<SqliteHostWithUploadedPlugins>;

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostWithUploadedPlugins scenario) : UploadedPluginTests(scenario), IClassFixture<PostgresHostWithUploadedPlugins>;
}
