using System.Net;
using System.Net.Http.Json;
using CrmBlazor.Data;
using CrmBlazor.Plugins.Projects.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Plugins.Projects.IntegrationTests.Loading;

/// <summary>
/// The plugin is found in the host's plugins folder and loaded like any third-party plugin: its
/// tables, pages, menu entries and SDK contracts appear. Without its folder the host runs as before.
/// </summary>
public abstract class PluginLoadingTests(ProjectsHostFixture fixture)
{
    [Fact]
    public async Task Healthz_WithThePluginInThePluginsFolder_ListsItLoaded()
    {
        using var client = fixture.Host.CreateBrowserClient();

        var report = await client.GetFromJsonAsync<HealthReport>("/healthz");

        var plugin = Assert.Single(report!.Plugins, p => p.Id == "projects");
        Assert.Equal(("loaded", "1.0.0", (string?)null), (plugin.State, plugin.Version, plugin.Error));
        Assert.Equal("healthy", report.Status);
    }

    [Fact]
    public async Task LoadedPlugin_OffersItsContractsToOtherPlugins()
    {
        var offered = await fixture.Host.InScopeAsync(services => Task.FromResult(
            (services.GetService<IBillableTimeSource>(), services.GetService<IProjectFacts>())));

        Assert.NotNull(offered.Item1);
        Assert.NotNull(offered.Item2);
    }

    [Fact]
    public async Task LoadedPlugin_HasItsTablesPrefixedWithItsId()
    {
        var tables = await fixture.Database.TablesAsync();

        Assert.Subset(tables.ToHashSet(), new HashSet<string>(
            ["projects_projects", "projects_tasks", "projects_milestones", "projects_person_rates", "projects_time_entries", "projects_budget_crossings", "__EFMigrationsHistory_projects"]));
    }

    [Fact]
    public async Task Staff_SignedIn_SeeProjectsAndTheirTimeInTheWorkMenu()
    {
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        using var client = await fixture.Host.SignInAsync(staff);

        var dashboard = HtmlPage.Parse(await client.GetStringAsync("/"));

        Assert.Contains("/projects", dashboard.Links);
        Assert.Contains("/projects/time", dashboard.Links);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteProjectsHostFixture fixture) : PluginLoadingTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresProjectsHostFixture fixture) : PluginLoadingTests(fixture);
}

/// <summary>The same host with the plugin's folder removed: it starts, is healthy and has no projects.</summary>
[Collection(SqliteHost.Name)]
public sealed class HostWithoutThePluginTests
{
    [Fact]
    public async Task Host_WithoutThePluginsFolderOfProjects_RunsWithoutIt()
    {
        var emptyPlugins = Directory.CreateTempSubdirectory("crm-no-plugins-").FullName;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = new CrmHostFactory(database, emptyPlugins).Start();
        var customer = await new CustomerBuilder().Named("ಹುಬ್ಬಳ್ಳಿ ಕೃಷಿ ಉಪಕರಣಗಳು").SaveAsync(host);
        using var client = await host.SignInAsAdministratorAsync();

        var report = await client.GetFromJsonAsync<HealthReport>("/healthz");
        using var projects = await client.GetAsync("/projects");
        var customerPage = HtmlPage.Parse(await client.GetStringAsync($"/customers/{customer.Id}"));
        var contracts = await host.InScopeAsync(services => Task.FromResult(services.GetService<IBillableTimeSource>()));

        Assert.Equal("healthy", report!.Status);
        Assert.Empty(report.Plugins);
        Assert.Equal(HttpStatusCode.NotFound, projects.StatusCode);
        Assert.Equal("ಹುಬ್ಬಳ್ಳಿ ಕೃಷಿ ಉಪಕರಣಗಳು", customerPage.TextOf("customer-title"));
        Assert.DoesNotContain("/projects", customerPage.Links);
        Assert.Null(contracts);
        Directory.Delete(emptyPlugins);
    }
}

/// <summary>The health report's shape.</summary>
internal sealed record HealthReport(string Status, string Database, List<PluginHealth> Plugins);

/// <summary>One plugin in the health report.</summary>
internal sealed record PluginHealth(string Id, string Version, string State, string? Error);
