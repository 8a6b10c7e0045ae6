using System.Data.Common;
using CrmBlazor.Plugins.Upsell.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;
using Xunit.Abstractions;

namespace CrmBlazor.Plugins.Upsell.IntegrationTests.Evaluation;

/// <summary>
/// The evaluation in the real host process over a couple of hundred customers with burnt projects, killed
/// with SIGKILL once the run has started (before, during or after the rule's transaction, whichever the
/// moment hits) and started again on the same database: the host's job recovery runs the evaluation again,
/// and every customer ends with exactly one open opportunity, none missing and none twice. On SQLite, the
/// embedded default.
/// </summary>
public sealed class EvaluationKillTests(ITestOutputHelper output)
{
    private const long CustomerCount = 200;
    private const string CountOpen = "SELECT COUNT(*) FROM upsell_opportunities WHERE \"ClosedAt\" IS NULL";
    private const string CountRuns = "SELECT COUNT(*) FROM upsell_evaluation_runs";

    [Fact]
    public async Task Evaluation_HostKilledOnceTheRunStarted_EveryCustomerEndsWithOneOpenOpportunity()
    {
        await using var database = SqliteTestDatabase.Create();
        await SeedAndQueueTheEvaluationAsync(database);

        var process = await StartProcessAsync(database);
        try
        {
            await Eventually.HoldsAsync("the evaluation started", async () => await CountAsync(database, CountRuns) >= 1, TimeSpan.FromMinutes(2));
            await process.KillAsync();
            output.WriteLine($"Killed with {await CountAsync(database, CountOpen)} of {CustomerCount} opportunities open.");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + Environment.NewLine + process.RecentOutput, e);
        }
        finally
        {
            await process.DisposeAsync();
        }

        await using (var restarted = await StartProcessAsync(database))
        {
            await Eventually.HoldsAsync("every customer has an opportunity after the restart", async () => await CountAsync(database, CountOpen) >= CustomerCount, TimeSpan.FromMinutes(2));
        }

        Assert.Equal(CustomerCount, await CountAsync(database, CountOpen));
        Assert.Equal(CustomerCount, await CountAsync(database, "SELECT COUNT(DISTINCT \"CustomerId\") FROM upsell_opportunities"));
        Assert.Equal(CustomerCount, await CountAsync(database, "SELECT COUNT(*) FROM upsell_opportunities"));
        Assert.Equal(0, await CountAsync(database, "SELECT COUNT(*) FROM upsell_staged_hits"));
    }

    // Customers with a project at 95 % of 10 budget hours each; the evaluation is due in a few seconds, so that
    // this host stops before it could take it.
    private static async Task SeedAndQueueTheEvaluationAsync(SqliteTestDatabase database)
    {
        await using var host = new CrmHostFactory(database, UpsellHostFixture.PluginsPath).Start();
        var upsell = UpsellPlugin.In(host);
        var admin = await Person.CreateAsync(host, CrmRoles.Admin);
        var today = DateOnly.FromDateTime(DateTime.Today);
        for (var n = 0; n < CustomerCount; n++)
        {
            var customer = await new CustomerBuilder().SaveAsync(host);
            var project = await upsell.CreateProjectAsync(admin, customer.Id, budgetHours: 10m);
            await upsell.LogTimeAsync(admin, project, today.AddDays(-n), 570);
        }

        await upsell.QueueJobAsync("Jobs.UpsellEvaluationJob", null, TimeSpan.FromSeconds(5));
    }

    private static Task<CrmHostProcess> StartProcessAsync(SqliteTestDatabase database) =>
        CrmHostProcess.StartBesideTestsAsync(database, UpsellHostFixture.PluginsPath, UpsellHostFixture.Plugins.Settings);

    /// <summary>A count, or 0 while the table cannot be read (the host is starting).</summary>
    private static async Task<long> CountAsync(SqliteTestDatabase database, string sql)
    {
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
