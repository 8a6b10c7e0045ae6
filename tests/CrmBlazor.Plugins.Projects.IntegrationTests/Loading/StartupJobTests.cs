using CrmBlazor.Data;
using CrmBlazor.Host.Data;
using CrmBlazor.Plugins.Projects.IntegrationTests.Hosting;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Plugins.Projects.IntegrationTests.Loading;

/// <summary>
/// A job a plugin's initializer queues while the host starts (the plugin's demo seeding) is handed to
/// Hangfire once. It used to be handed over twice on SQLite: the start-up recovery of runs lost with
/// the in-memory queue took it for one of them, and two workers ran it at the same time.
/// </summary>
[Collection(SqliteHost.Name)]
public sealed class StartupJobTests
{
    [Fact]
    public async Task JobQueuedByAnInitializer_OnSqlite_IsHandedToHangfireOnce()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = new CrmHostFactory(database, ProjectsHostFixture.PluginsPath, new Dictionary<string, string?>
        {
            ["Plugins:projects:DemoData"] = "true",
        }).Start();

        var runId = await host.InScopeAsync(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            return await db.JobRuns.Where(r => r.JobId == "projects:demo-data").Select(r => r.Id).SingleAsync();
        });
        var monitoring = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var handedOver = JobsOf(monitoring.ScheduledJobs(0, 1000).Select(j => j.Value?.Job))
            .Concat(JobsOf(monitoring.EnqueuedJobs("default", 0, 1000).Select(j => j.Value?.Job)))
            .Concat(JobsOf(monitoring.ProcessingJobs(0, 1000).Select(j => j.Value?.Job)))
            .Concat(JobsOf(monitoring.SucceededJobs(0, 1000).Select(j => j.Value?.Job)))
            .Count(job => job.Args.Count > 0 && job.Args[0] is Guid id && id == runId);

        Assert.Equal(1, handedOver);
    }

    private static IEnumerable<Hangfire.Common.Job> JobsOf(IEnumerable<Hangfire.Common.Job?> jobs) => jobs.Where(j => j is not null)!;
}
