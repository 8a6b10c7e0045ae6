using CrmBlazor.Host.Data;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Testing;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Jobs;

/// <summary>A plugin's recurring job is registered under "&lt;plugin id&gt;:&lt;key&gt;" and runs through the host's dispatcher.</summary>
public abstract class RecurringJobTests(CrmHostFixture fixture)
{
    [Fact]
    public void RecurringJob_OfALoadedPlugin_IsRegisteredOnceUnderItsJobIdWithItsSchedule()
    {
        var jobs = RecurringJobsIn(fixture).Where(j => j.Id == FixtureAlpha.HeartbeatJobId).ToList();

        var heartbeat = Assert.Single(jobs);
        Assert.Equal("0 3 * * *", heartbeat.Cron);
    }

    [Fact]
    public async Task RecurringJob_Triggered_RunsToSuccessAndLeavesItsRowKeyedByTheRun()
    {
        var runsBefore = await HeartbeatRunsAsync();

        fixture.Host.Services.GetRequiredService<IRecurringJobManager>().Trigger(FixtureAlpha.HeartbeatJobId);

        var run = await Eventually.ReturnsAsync(
            "a new heartbeat run succeeded",
            async () => (await HeartbeatRunsAsync()).ExceptBy(runsBefore.Select(r => r.Id), r => r.Id).FirstOrDefault(r => r.State == JobRunState.Succeeded),
            run => run is not null);
        var beats = await fixture.Database.ColumnAsync<Guid>("SELECT \"RunId\" FROM fixture_alpha_heartbeats");
        Assert.Contains(run!.Id, beats);
    }

    /// <summary>The recurring jobs a host's Hangfire storage holds.</summary>
    internal static IReadOnlyList<Hangfire.Storage.RecurringJobDto> RecurringJobsIn(CrmHostFixture fixture) => RecurringJobsIn(fixture.Host);

    /// <summary>The recurring jobs a host's Hangfire storage holds.</summary>
    internal static IReadOnlyList<Hangfire.Storage.RecurringJobDto> RecurringJobsIn(Testing.Hosting.CrmHostFactory host)
    {
        using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();
        return Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection);
    }

    private Task<List<JobRun>> HeartbeatRunsAsync() => fixture.Host.InScopeAsync(async services =>
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await db.JobRuns.AsNoTracking().Where(r => r.JobId == FixtureAlpha.HeartbeatJobId).ToListAsync();
    });

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : RecurringJobTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : RecurringJobTests(fixture);
}
