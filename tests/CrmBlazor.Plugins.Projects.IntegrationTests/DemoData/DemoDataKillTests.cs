using System.Data.Common;
using CrmBlazor.Plugins.Projects.IntegrationTests.Hosting;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;
using Xunit.Abstractions;

namespace CrmBlazor.Plugins.Projects.IntegrationTests.DemoData;

/// <summary>
/// The demo data of a first start (the core's customers, interactions and segments; the projects
/// plugin's projects and time) killed with SIGKILL as soon as its first rows appear, then started
/// again: each seeding only ever runs on an empty database, so it must never leave half its data. On
/// the embedded default, SQLite, where `dotnet run` seeds.
/// </summary>
public sealed class DemoDataKillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task DemoData_HostKilledAsSoonAsSeedingShows_IsCompleteAfterTheRestart()
    {
        await using var database = SqliteTestDatabase.Create();

        await KillAsSoonAsAsync(database, "SELECT COUNT(*) FROM crm_customers", waitUntilHealthy: false);
        await KillAsSoonAsAsync(database, "SELECT COUNT(*) FROM projects_projects", waitUntilHealthy: true);
        await using var last = await StartAsync(database, waitUntilHealthy: true);
        await Eventually.HoldsAsync("the demo projects have their time", async () => await CountAsync(database, "SELECT COUNT(*) FROM projects_time_entries") > 0, TimeSpan.FromMinutes(1));

        Assert.True(await CountAsync(database, "SELECT COUNT(*) FROM crm_interactions") > 0, "The demo customers have no interactions.");
        Assert.True(await CountAsync(database, "SELECT COUNT(*) FROM crm_search_terms") > 0, "The demo customers cannot be found by search.");
        Assert.True(await CountAsync(database, "SELECT COUNT(*) FROM crm_segments") > 0, "The demo segments are missing.");
    }

    /// <summary>Starts the host and kills it the moment a query first counts a row.</summary>
    private async Task KillAsSoonAsAsync(SqliteTestDatabase database, string count, bool waitUntilHealthy)
    {
        var host = await StartAsync(database, waitUntilHealthy);
        try
        {
            await Eventually.HoldsAsync($"'{count}' counted a row", async () => await CountAsync(database, count) > 0, TimeSpan.FromMinutes(2));
            await host.KillAsync();
            output.WriteLine($"Killed when '{count}' counted {await CountAsync(database, count)}.");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + Environment.NewLine + host.RecentOutput, e);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static Task<CrmHostProcess> StartAsync(SqliteTestDatabase database, bool waitUntilHealthy) =>
        CrmHostProcess.StartBesideTestsAsync(
            database,
            ProjectsHostFixture.PluginsPath,
            new Dictionary<string, string?> { ["Crm:DemoData"] = "true", ["Plugins:projects:DemoData"] = "true" },
            waitUntilHealthy);

    /// <summary>A count, or 0 while the database or the table does not exist yet.</summary>
    private static async Task<long> CountAsync(SqliteTestDatabase database, string sql)
    {
        if (!File.Exists(database.FilePath))
        {
            return 0;
        }

        try
        {
            return await database.ScalarAsync<long>(sql);
        }
        catch (DbException)
        {
            return 0;
        }
    }
}
