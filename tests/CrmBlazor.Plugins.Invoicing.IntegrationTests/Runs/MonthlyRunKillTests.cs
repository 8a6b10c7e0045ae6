using System.Globalization;
using CrmBlazor.Data;
using CrmBlazor.Plugins.Invoicing.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;
using Xunit.Abstractions;

namespace CrmBlazor.Plugins.Invoicing.IntegrationTests.Runs;

/// <summary>
/// The monthly run over several hundred customers in the real host process, killed with SIGKILL twice
/// while it works and started again each time on the same database: the job is found again after the
/// restart (on SQLite by the host's job recovery, on PostgreSQL by Hangfire's durable queue once the
/// dead instance's claim expires) and every customer ends with exactly one draft billing exactly its
/// time, with no time marked billed to a draft that does not show it and the run's counts true. Where
/// a kill lands is up to the machine; <see cref="MonthlyRunCrashTests"/> crashes at each step boundary.
/// </summary>
public abstract class MonthlyRunKillTests(ITestOutputHelper output)
{
    private const int CustomerCount = 300;
    private const decimal HourlyRate = 900m;
    private static readonly DateOnly Period = new(2024, 3, 1);
    private static readonly (DateOnly Date, int Minutes)[] Time = [(Period.AddDays(4), 90), (Period.AddDays(17), 45)];
    private static readonly string[] StatusNames = ["Running", "Completed", "Failed"];

    protected abstract DatabaseProvider Provider { get; }

    [Fact]
    public async Task MonthlyRun_HostKilledTwiceWhileRunning_EveryCustomerEndsWithOneDraftBillingExactlyItsTime()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        var customers = await SeedAndQueueTheRunAsync(database);

        await KillWhenDoneReachesAsync(database, 60);
        await KillWhenDoneReachesAsync(database, 170);
        await using (var last = await StartProcessAsync(database))
        {
            await Eventually.HoldsAsync(
                "the run completed after two kills",
                async () => await RunStatusAsync(database) == "Completed",
                TimeSpan.FromMinutes(3));
        }

        await AssertEachBilledOnceOnItsDraftAsync(database, customers);
    }

    private async Task<IReadOnlyList<(long CustomerId, long ProjectId, IReadOnlyList<long> EntryIds)>> SeedAndQueueTheRunAsync(TestDatabase database)
    {
        await using var host = new CrmHostFactory(database, InvoicingHostFixture.PluginsPath).Start();
        var consultant = await Person.CreateAsync(host, CrmRoles.Staff);
        var customerIds = new List<long>();
        for (var n = 0; n < CustomerCount; n++)
        {
            customerIds.Add((await new CustomerBuilder().BilledIn("INR").SaveAsync(host)).Id);
        }

        var customers = await InvoicingPlugin.In(host).AddProjectsWithTimeAsync(customerIds, "INR", HourlyRate, consultant.Id, Time);

        // Due in a few seconds, so that this host stops before it could take the run: the process started
        // next finds it (on SQLite in crm_job_runs at its start, on PostgreSQL in Hangfire's schedule).
        await InvoicingPlugin.In(host).QueueJobAsync("Jobs.MonthlyInvoiceRunJob", new { Period.Year, Period.Month }, TimeSpan.FromSeconds(5));
        return customers;
    }

    private async Task KillWhenDoneReachesAsync(TestDatabase database, int done)
    {
        var process = await StartProcessAsync(database);
        try
        {
            await Eventually.HoldsAsync(
                $"the run handled {done} customers",
                async () => await DoneAsync(database) >= done,
                TimeSpan.FromMinutes(3));
            await process.KillAsync();
            output.WriteLine($"Killed at {await DoneAsync(database)} customers done (status {await RunStatusAsync(database)}).");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + Environment.NewLine + process.RecentOutput, e);
        }
        finally
        {
            await process.DisposeAsync();
        }
    }

    private static Task<CrmHostProcess> StartProcessAsync(TestDatabase database) =>
        CrmHostProcess.StartBesideTestsAsync(database, InvoicingHostFixture.PluginsPath, new Dictionary<string, string?>
        {
            ["Jobs:WorkerCount"] = "2",
            // A dead instance's claim on the run expires soon, so that PostgreSQL runs it again within the test.
            ["Jobs:InvisibilityTimeoutSeconds"] = "10",
        });

    private static async Task<int> DoneAsync(TestDatabase database) =>
        await database.ScalarAsync<int?>("SELECT \"Done\" FROM invoicing_runs") ?? 0;

    // InvoiceRunStatus is stored as its number: Running 0, Completed 1, Failed 2.
    private static async Task<string?> RunStatusAsync(TestDatabase database) =>
        await database.ScalarAsync<int?>("SELECT \"Status\" FROM invoicing_runs") is { } status ? StatusNames[status] : null;

    private static async Task AssertEachBilledOnceOnItsDraftAsync(TestDatabase database, IReadOnlyList<(long CustomerId, long ProjectId, IReadOnlyList<long> EntryIds)> customers)
    {
        var drafts = await database.QueryAsync("SELECT \"Id\", \"CustomerId\", \"GrossTotal\" FROM invoicing_invoices");
        var annex = await database.QueryAsync("SELECT \"InvoiceId\", \"EntryId\" FROM invoicing_time_entries");
        var marks = await database.QueryAsync("SELECT \"Id\", \"BilledInvoiceId\" FROM projects_time_entries");

        Assert.Equal(customers.Select(c => c.CustomerId).Order(), drafts.Select(d => Convert.ToInt64(d["CustomerId"], CultureInfo.InvariantCulture)).Order());
        var expectedGross = HourlyRate * Time.Sum(t => t.Minutes) / 60;
        foreach (var (customerId, _, entryIds) in customers)
        {
            var draft = drafts.Single(d => Convert.ToInt64(d["CustomerId"], CultureInfo.InvariantCulture) == customerId);
            var draftId = Convert.ToInt64(draft["Id"], CultureInfo.InvariantCulture);
            Assert.Equal(expectedGross, Convert.ToDecimal(draft["GrossTotal"], CultureInfo.InvariantCulture));
            Assert.Equal(entryIds.Order(), annex.Where(a => Convert.ToInt64(a["InvoiceId"], CultureInfo.InvariantCulture) == draftId).Select(a => Convert.ToInt64(a["EntryId"], CultureInfo.InvariantCulture)).Order());
            Assert.All(entryIds, entry => Assert.Equal(draftId, Convert.ToInt64(marks.Single(m => Convert.ToInt64(m["Id"], CultureInfo.InvariantCulture) == entry)["BilledInvoiceId"], CultureInfo.InvariantCulture)));
        }

        var run = (await database.QueryAsync("SELECT \"Status\", \"Total\", \"Done\", \"Drafted\", \"Skipped\", \"Message\" FROM invoicing_runs")).Single();
        Assert.Equal(
            ("Completed", CustomerCount, CustomerCount, CustomerCount, 0, (object?)null),
            (StatusNames[Convert.ToInt32(run["Status"], CultureInfo.InvariantCulture)], Convert.ToInt32(run["Total"], CultureInfo.InvariantCulture), Convert.ToInt32(run["Done"], CultureInfo.InvariantCulture),
                Convert.ToInt32(run["Drafted"], CultureInfo.InvariantCulture), Convert.ToInt32(run["Skipped"], CultureInfo.InvariantCulture), run["Message"]));
    }

    public sealed class OnSqlite(ITestOutputHelper output) : MonthlyRunKillTests(output)
    {
        protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    }

    public sealed class OnPostgres(ITestOutputHelper output) : MonthlyRunKillTests(output)
    {
        protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
    }
}
