using System.Net;
using System.Text.Json.Nodes;
using CrmBlazor.Data;
using CrmBlazor.Host.Features.Privacy;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.IntegrationTests.Lifecycle;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Privacy;

/// <summary>
/// While a plugin that held data is not loaded, its tables stay, the personal-data export says it could
/// not include the plugin, the erasure refuses rather than report a job half done, and the plugin's
/// timeline entries show without a link to its page, which no longer exists.
/// </summary>
public abstract class DataOfPluginsNotLoadedTests(HostWithDataOfAPluginNotLoaded scenario)
{
    [Fact]
    public async Task PluginNotLoaded_ItsTables_AreKept()
    {
        var notes = await scenario.Database.ScalarAsync<long>("SELECT COUNT(*) FROM fixture_alpha_notes WHERE \"CustomerId\" = @p0", scenario.Person.Id);

        Assert.Equal(1L, notes);
    }

    [Fact]
    public async Task Export_WhileAPluginThatHeldDataIsNotLoaded_NamesThePluginItCouldNotInclude()
    {
        var export = await ExportAsync();

        var notIncluded = export["pluginsNotIncluded"]!.AsArray().Select(p => (string?)p!["id"]).ToList();
        Assert.Contains(FixtureAlpha.Id, notIncluded);
        Assert.Contains("fixture-beta", notIncluded);
        Assert.Null(export["plugins"]![FixtureAlpha.Id]);
    }

    [Fact]
    public async Task Erasure_WhileAPluginThatHeldDataIsNotLoaded_IsRefusedAndErasesNothing()
    {
        var manager = await scenario.Host.CreateUserAsync(CrmRoles.Manager);

        var erasure = await scenario.Host.AsUserAsync(manager, services =>
            services.GetRequiredService<PersonalDataService>().EraseAsync(scenario.Person.Id, CancellationToken.None));

        Assert.False(erasure.Erased);
        Assert.StartsWith("Nothing was erased: the data of Fixture Alpha, Fixture Beta cannot be reached", erasure.Refusal!.ToString(), StringComparison.Ordinal);
        Assert.Equal(scenario.Person.Name, await scenario.Database.ScalarAsync<string>("SELECT \"Name\" FROM crm_customers WHERE \"Id\" = @p0", scenario.Person.Id));
    }

    [Fact]
    public async Task Timeline_EntryOfAPluginNotLoaded_ShowsItsTextWithoutALinkToThePluginsPage()
    {
        using var admin = await scenario.Host.SignInAsAdministratorAsync();

        using var response = await admin.GetAsync($"/customers/{scenario.Person.Id}");

        var page = await HtmlPage.ReadAsync(response);
        Assert.Contains(HostWithDataOfAPluginNotLoaded.TimelineTitle, page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("/fixture-alpha", page.Links);
    }

    [Fact]
    public async Task PluginsPage_PluginNotLoadedWithData_OffersToPurgeItNamingItsTables()
    {
        using var admin = await scenario.Host.SignInAsAdministratorAsync();
        using var response = await admin.GetAsync("/admin/plugins");

        var page = await HtmlPage.ReadAsync(response);
        Assert.True(page.Has("plugin-purge-" + FixtureAlpha.Id));
        Assert.Contains("fixture_alpha_notes", page.TextOf("plugin-data-" + FixtureAlpha.Id), StringComparison.Ordinal);
    }

    private async Task<JsonNode> ExportAsync()
    {
        using var client = await scenario.Host.SignInAsync(await scenario.Host.CreateUserAsync(CrmRoles.Manager));
        using var response = await client.GetAsync($"/customers/{scenario.Person.Id}/personal-data");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostWithDataOfAPluginNotLoaded scenario) : DataOfPluginsNotLoadedTests(scenario), IClassFixture<SqliteHostWithDataOfAPluginNotLoaded>;

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostWithDataOfAPluginNotLoaded scenario) : DataOfPluginsNotLoadedTests(scenario), IClassFixture<PostgresHostWithDataOfAPluginNotLoaded>;
}

/// <summary>
/// An administrator purged the data of plugins that are not loaded: their tables and migrations history
/// are gone, and the personal-data export and erasure no longer wait for them.
/// </summary>
public abstract class PurgedPluginDataTests(HostWithDataOfAPluginNotLoaded scenario)
{
    [Fact]
    public async Task Purge_OfAPluginNotLoaded_DropsItsTablesAndItsMigrationsHistory()
    {
        var left = await TablesAsync();

        Assert.All(scenario.Purges, p => Assert.True(p.Succeeded));
        Assert.DoesNotContain(left, t => t.StartsWith("fixture_alpha_", StringComparison.Ordinal) || t.StartsWith("fixture_beta_", StringComparison.Ordinal));
        Assert.DoesNotContain("__EFMigrationsHistory_fixture_alpha", left);
        Assert.Contains("crm_customers", left);
    }

    [Fact]
    public async Task Erasure_AfterThePurge_Erases()
    {
        var manager = await scenario.Host.CreateUserAsync(CrmRoles.Manager);

        var erasure = await scenario.Host.AsUserAsync(manager, services =>
            services.GetRequiredService<PersonalDataService>().EraseAsync(scenario.Person.Id, CancellationToken.None));

        Assert.True(erasure.Erased);
    }

    private Task<IReadOnlyList<string>> TablesAsync() => scenario.Provider == DatabaseProvider.Postgres
        ? scenario.Database.ColumnAsync<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")
        : scenario.Database.ColumnAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table'");

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostAfterPurgingAPlugin scenario) : PurgedPluginDataTests(scenario), IClassFixture<SqliteHostAfterPurgingAPlugin>;

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostAfterPurgingAPlugin scenario) : PurgedPluginDataTests(scenario), IClassFixture<PostgresHostAfterPurgingAPlugin>;
}
