using System.Net;
using CrmBlazor.Host.Plugins;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.IntegrationTests.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Lifecycle;

/// <summary>Restarting the host on the same database changes nothing a user or a plugin would notice.</summary>
public abstract class HostRestartTests(RestartedHost restarted)
{
    [Fact]
    public void Restart_OnTheSameDatabase_LoadsThePluginsAgain()
    {
        var catalog = restarted.Host.Services.GetRequiredService<PluginCatalog>();

        Assert.Equal(PluginState.Loaded, catalog.Find(FixtureAlpha.Id)?.State);
        Assert.Equal(PluginState.Loaded, catalog.Find("fixture-beta")?.State);
    }

    [Fact]
    public void Restart_OnTheSameDatabase_LeavesExactlyOneRecurringJobOfThePlugin()
    {
        var heartbeats = RecurringJobTests.RecurringJobsIn(restarted.Host).Count(j => j.Id == FixtureAlpha.HeartbeatJobId);

        Assert.Equal(1, heartbeats);
    }

    [Fact]
    public async Task Restart_OnTheSameDatabase_KeepsWhatThePluginsInitializerRecordedTheFirstTime()
    {
        var installedAt = await restarted.Database.ColumnAsync<string>("SELECT \"Value\" FROM fixture_alpha_meta WHERE \"Key\" = 'installed-at'");

        Assert.Equal([restarted.InstalledAtInFirstRun], installedAt);
    }

    [Fact]
    public async Task Restart_ABrowserSignedInBeforeIt_StaysSignedIn()
    {
        using var browser = restarted.Host.CreateBrowserClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", restarted.CookieFromFirstRun);

        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(RestartedSqliteHost restarted) : HostRestartTests(restarted), IClassFixture<RestartedSqliteHost>
    {
        [Fact]
        public async Task Restart_OnADatabaseWithData_GivesSqlitesPlannerItsStatisticsAtStartUp()
        {
            // The first run created the administrator after its start-up; only the second start can have analysed crm_users.
            var analysed = await restarted.Database.ColumnAsync<string>("SELECT DISTINCT tbl FROM sqlite_stat1");

            Assert.Contains("crm_users", analysed);
        }
    }

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(RestartedPostgresHost restarted) : HostRestartTests(restarted), IClassFixture<RestartedPostgresHost>;
}
