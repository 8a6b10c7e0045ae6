using System.Text.Json;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Sdk.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Jobs;

/// <summary>
/// Queues job runs: a row in <c>crm_job_runs</c> first (the source of truth), then a Hangfire job
/// that carries only the run id and calls <see cref="JobDispatcher"/>.
/// </summary>
internal sealed class JobScheduler(
    IDbContextFactory<CrmDbContext> contexts,
    IBackgroundJobClient hangfire,
    PluginCatalog catalog,
    TimeProvider clock) : IJobScheduler
{
    public async Task<Guid> EnqueueAsync<TJob>(object? arguments = null, TimeSpan? delay = null, CancellationToken cancellationToken = default)
        where TJob : class, IPluginJob
    {
        var registration = catalog.FindJob(typeof(TJob))
            ?? throw new InvalidOperationException($"{typeof(TJob).Name} is not a registered job of a loaded plugin.");
        var now = clock.GetUtcNow();
        var run = new JobRun
        {
            Id = Guid.CreateVersion7(),
            JobId = registration.JobId,
            Arguments = arguments is null ? null : JsonSerializer.Serialize(arguments, arguments.GetType(), JsonSerializerOptions.Web),
            State = JobRunState.Queued,
            QueuedAt = now,
            NotBefore = delay is { } d ? now + d : null,
        };

        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            db.JobRuns.Add(run);
            await db.SaveChangesAsync(cancellationToken);
        }

        Queue(hangfire, run);
        return run.Id;
    }

    public async Task<JobRunInfo?> GetRunAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await db.JobRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        return run is null ? null : new JobRunInfo(run.Id, run.JobId, run.State, run.Percent, run.Message, run.QueuedAt, run.FinishedAt);
    }

    /// <summary>Hands a recorded run to Hangfire.</summary>
    internal static void Queue(IBackgroundJobClient hangfire, JobRun run)
    {
        if (run.NotBefore is { } notBefore && notBefore > DateTimeOffset.UtcNow)
        {
            hangfire.Schedule<JobDispatcher>(d => d.RunAsync(run.Id, CancellationToken.None), notBefore);
        }
        else
        {
            hangfire.Enqueue<JobDispatcher>(d => d.RunAsync(run.Id, CancellationToken.None));
        }
    }
}
