using System.Data.Common;
using System.Globalization;
using CrmBlazor.Plugins.Resources.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Sdk.Resources;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CrmBlazor.Plugins.Resources.IntegrationTests.Overbookings;

/// <summary>
/// The over-allocation check over a couple of hundred over-allocated people in the real host process,
/// killed with SIGKILL while it records them and started again on the same database: the host's job
/// recovery runs the check again, and every person ends with exactly one record, one
/// "resources.allocation-overbooked" event and one mail to their manager, none lost and none twice.
/// On SQLite, the embedded default; the job recovery of PostgreSQL (Hangfire's durable queue) is proven
/// by the invoicing plugin's <c>MonthlyRunKillTests</c>.
/// </summary>
public sealed class OverallocationCheckKillTests(ITestOutputHelper output)
{
    private const int PeopleCount = 200;
    private const string CountRecords = "SELECT COUNT(*) FROM resources_overbookings";

    [Fact]
    public async Task Check_HostKilledWhileRecording_EveryPersonEndsWithOneRecordOneEventAndOneMail()
    {
        await using var database = SqliteTestDatabase.Create();
        var (people, monday, runId) = await SeedAndQueueTheCheckAsync(database);

        var process = await StartProcessAsync(database);
        try
        {
            await Eventually.HoldsAsync("the check recorded its first people", async () => await CountAsync(database) >= 20, TimeSpan.FromMinutes(2));
            await process.KillAsync();
            output.WriteLine($"Killed at {await CountAsync(database)} of {PeopleCount} people recorded.");
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
            await Eventually.HoldsAsync("the check recovered and finished after the restart", () => database.JobRunSucceededAsync(runId), TimeSpan.FromMinutes(3));
        }

        await using var host = new CrmHostFactory(database, ResourcesHostFixture.PluginsPath).Start();
        var run = await host.InScopeAsync(services => services.GetRequiredService<IJobScheduler>().GetRunAsync(runId));
        Assert.Equal(JobRunState.Succeeded, run?.State);
        Assert.Equal(PeopleCount, await CountAsync(database));
        var events = await HostRecords.EventsAsync<AllocationOverbooked>(host);
        var mails = await HostRecords.MailsAsync(host, "resources:overbooked:");
        Assert.Equal(people.Order(), events.Select(e => e.PersonId).Order());
        Assert.Equal(
            people.Select(p => string.Create(CultureInfo.InvariantCulture, $"resources:overbooked:{p}:{monday:yyyy-MM-dd}:1")).Order(StringComparer.Ordinal),
            mails.Select(m => m.Key).Order(StringComparer.Ordinal));
    }

    // Placeholders of one manager, each planned 30 h and 16 h on two projects in the week after next (46 h of 37.5 h);
    // the check is due in a few seconds, so that this host stops before it could take it.
    private static async Task<(List<long> People, DateOnly Monday, Guid RunId)> SeedAndQueueTheCheckAsync(SqliteTestDatabase database)
    {
        await using var host = new CrmHostFactory(database, ResourcesHostFixture.PluginsPath).Start();
        var resources = ResourcesPlugin.In(host);
        var admin = await Person.CreateAsync(host, CrmRoles.Admin);
        var manager = await Person.CreateAsync(host, CrmRoles.Manager);
        var customer = await new CustomerBuilder().SaveAsync(host);
        var first = await resources.CreateProjectAsync(admin, customer.Id);
        var second = await resources.CreateProjectAsync(admin, customer.Id);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) + 14);
        var people = new List<long>();
        for (var n = 0; n < PeopleCount; n++)
        {
            var person = await resources.AddPersonAsync(admin, new DateOnly(2026, 1, 5), manager: manager);
            Assert.True((await resources.AllocateAsync(admin, person, first, monday, monday.AddDays(6), hours: 30m)).Saved);
            Assert.True((await resources.AllocateAsync(admin, person, second, monday, monday.AddDays(6), hours: 16m, confirm: true)).Saved);
            people.Add(person);
        }

        return (people, monday, await resources.QueueOverallocationCheckAsync(TimeSpan.FromSeconds(5)));
    }

    private static Task<CrmHostProcess> StartProcessAsync(SqliteTestDatabase database) =>
        CrmHostProcess.StartBesideTestsAsync(database, ResourcesHostFixture.PluginsPath);

    /// <summary>The records so far, or 0 while the table cannot be read (the host is starting).</summary>
    private static async Task<long> CountAsync(SqliteTestDatabase database)
    {
        try
        {
            return await database.ScalarAsync<long>(CountRecords);
        }
        catch (DbException)
        {
            return 0;
        }
    }
}
