using CrmBlazor.Data;
using CrmBlazor.Host.Data;
using CrmBlazor.Plugins.Invoicing.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Plugins.Invoicing.IntegrationTests.Startup;

/// <summary>
/// The first start of a new installation with demo data, as <c>dotnet run</c> makes it: the core's demo
/// firm, the projects' demo time with its events (which set customer figures in parallel while the
/// seeding refreshes them all) and the demo monthly invoice run. Nothing of it is logged as an error.
/// </summary>
public abstract class FirstStartTests
{
    private static readonly string[] DemoJobs = ["projects:demo-data", "invoicing:monthly-run"];

    /// <summary>The provider under test.</summary>
    protected abstract DatabaseProvider Provider { get; }

    [Fact]
    public async Task FirstStart_WithDemoData_LogsNoError()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var host = new CrmHostFactory(database, InvoicingHostFixture.PluginsPath, new Dictionary<string, string?>
        {
            ["Crm:DemoData"] = "true",
            ["Plugins:projects:DemoData"] = "true",
            ["Plugins:invoicing:DemoData"] = "true",
        }).Start();

        // The invoicing demo run starts 30 s after the start.
        await Eventually.HoldsAsync("the demo data's jobs finished and every event was delivered", () => SettledAsync(host), TimeSpan.FromMinutes(3));

        Assert.Empty(host.Log.Errors);
    }

    private static Task<bool> SettledAsync(CrmHostFactory host) => host.InScopeAsync(async services =>
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var runs = await db.JobRuns.Select(r => new { r.JobId, r.State, r.FinishedAt }).ToListAsync();
        return DemoJobs.All(job => runs.Any(r => r.JobId == job))
            && runs.All(r => r.State == JobRunState.Succeeded || r is { State: JobRunState.Failed, FinishedAt: not null })
            && !await db.DomainEvents.AnyAsync(e => e.CompletedAt == null);
    });

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite : FirstStartTests
    {
        /// <inheritdoc />
        protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    }

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres : FirstStartTests
    {
        /// <inheritdoc />
        protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
    }
}
