using System.Net;
using System.Net.Http.Json;
using CrmBlazor.Data;
using CrmBlazor.Plugins.Invoicing.IntegrationTests.Hosting;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;

namespace CrmBlazor.Plugins.Invoicing.IntegrationTests.Startup;

/// <summary>
/// A host started with an invalid invoicing setting (<c>Plugins:invoicing:MonthlyRunDay=31</c>; the run
/// day is 1 to 28): invoicing is refused with the setting named, and the host runs on with projects.
/// </summary>
public abstract class InvalidSettingTests(InvalidSettingTests.Scenario scenario)
{
    private const string Reason = "Failed while starting: Its settings (Plugins:invoicing) are invalid: MonthlyRunDay: MonthlyRunDay must be from 1 to 28.";

    [Fact]
    public async Task Healthz_InvoicingWithAnInvalidSetting_IsFailedNamingTheSetting()
    {
        var plugin = await PluginAsync("invoicing");

        Assert.Equal(("failed", Reason), (plugin.State, plugin.Error));
    }

    [Fact]
    public async Task Healthz_ProjectsBesideAnInvoicingSettingThatIsInvalid_IsLoaded()
    {
        var plugin = await PluginAsync("projects");

        Assert.Equal(("loaded", (string?)null), (plugin.State, plugin.Error));
    }

    [Fact]
    public async Task ProjectsPage_BesideAPluginRefusedForItsSettings_IsServed()
    {
        using var admin = await scenario.Host.SignInAsAdministratorAsync();

        using var response = await admin.GetAsync("/projects");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PluginsPage_InvoicingWithAnInvalidSetting_ShowsTheReason()
    {
        using var admin = await scenario.Host.SignInAsAdministratorAsync();
        using var response = await admin.GetAsync("/admin/plugins");
        var page = await HtmlPage.ReadAsync(response);

        Assert.Equal(Reason, page.TextOf("plugin-error-invoicing"));
    }

    private async Task<PluginHealth> PluginAsync(string id)
    {
        using var client = scenario.Host.CreateBrowserClient();
        var report = await client.GetFromJsonAsync<HealthReport>("/healthz");
        return Assert.Single(report!.Plugins, p => p.Id == id);
    }

    private sealed record HealthReport(string Status, List<PluginHealth> Plugins);

    private sealed record PluginHealth(string Id, string State, string? Error);

    /// <summary>The host with the invalid setting, on a database of its own.</summary>
    public abstract class Scenario : IAsyncLifetime
    {
        private TestDatabase? _database;
        private CrmHostFactory? _host;

        /// <summary>The provider.</summary>
        public abstract DatabaseProvider Provider { get; }

        /// <summary>The host, started.</summary>
        public CrmHostFactory Host => _host ?? throw new InvalidOperationException("Not initialised.");

        /// <inheritdoc />
        public async Task InitializeAsync()
        {
            _database = await TestDatabase.CreateAsync(Provider);
            _host = new CrmHostFactory(_database, InvoicingHostFixture.PluginsPath, new Dictionary<string, string?> { ["Plugins:invoicing:MonthlyRunDay"] = "31" }).Start();
        }

        /// <inheritdoc />
        public async Task DisposeAsync()
        {
            if (_host is not null)
            {
                await _host.DisposeAsync();
            }

            if (_database is not null)
            {
                await _database.DisposeAsync();
            }
        }
    }

    /// <summary>On SQLite.</summary>
    public sealed class SqliteScenario : Scenario
    {
        /// <inheritdoc />
        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    }

    /// <summary>On PostgreSQL.</summary>
    public sealed class PostgresScenario : Scenario
    {
        /// <inheritdoc />
        public override DatabaseProvider Provider => DatabaseProvider.Postgres;
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteScenario scenario) : InvalidSettingTests(scenario), IClassFixture<SqliteScenario>;

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresScenario scenario) : InvalidSettingTests(scenario), IClassFixture<PostgresScenario>;
}
