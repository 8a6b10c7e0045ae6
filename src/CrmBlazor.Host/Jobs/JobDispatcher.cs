using System.Text.Json;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Identity;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Sdk.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Jobs;

/// <summary>
/// The one job class Hangfire knows about. It finds the plugin's job by its id in the catalog and
/// resolves it from a fresh scope, so Hangfire never has to load a type from a plugin's load context
/// (docs/plugins.md, trap 5).
/// </summary>
public sealed class JobDispatcher(
    IDbContextFactory<CrmDbContext> contexts,
    IServiceScopeFactory scopes,
    IBackgroundJobClient hangfire,
    PluginCatalog catalog,
    TimeProvider clock,
    ILogger<JobDispatcher> logger)
{
    /// <summary>How many times a failing run is retried before it is left as failed.</summary>
    public const int Retries = 3;

    /// <summary>Runs a recorded job run; does nothing if it already succeeded.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="cancellationToken">Signalled when the host shuts down.</param>
    [AutomaticRetry(Attempts = Retries)]
    public async Task RunAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await db.JobRuns.FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
        {
            logger.LogWarning("Job run {RunId} does not exist; nothing to do", runId);
            return;
        }

        if (run.State == JobRunState.Succeeded || (run.State == JobRunState.Failed && run.FinishedAt is not null))
        {
            return;
        }

        var registration = catalog.FindJob(run.JobId);
        if (registration is null)
        {
            run.State = JobRunState.Failed;
            run.Message = $"The job '{run.JobId}' belongs to a plugin that is not loaded.";
            run.FinishedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        run.State = JobRunState.Running;
        run.Attempts++;
        run.StartedAt = clock.GetUtcNow();
        run.Message = null;
        await db.SaveChangesAsync(cancellationToken);

        try
        {
            using var actor = CrmActor.Use(new CrmActor(null, "job " + run.JobId));
            await using var scope = scopes.CreateAsyncScope();
            var job = (IPluginJob)scope.ServiceProvider.GetRequiredService(registration.JobType);
            var context = new HostJobRunContext(run, contexts);
            await job.RunAsync(context, cancellationToken);
            run.State = JobRunState.Succeeded;
            run.Percent = 100;
            run.FinishedAt = clock.GetUtcNow();
            logger.LogInformation("Job {JobId} run {RunId} succeeded", run.JobId, run.Id);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            run.State = JobRunState.Failed;
            run.Message = PluginDiscovery.Describe(e);
            run.FinishedAt = run.Attempts > Retries ? clock.GetUtcNow() : null;
            logger.LogError(e, "Job {JobId} run {RunId} failed (attempt {Attempt})", run.JobId, run.Id, run.Attempts);
            await SaveOutcomeAsync(db, run);
            throw;
        }

        await SaveOutcomeAsync(db, run);
    }

    /// <summary>
    /// Starts a run of a recurring job: records it and queues it as an ordinary run, which Hangfire
    /// retries like any other when it fails.
    /// </summary>
    /// <param name="jobId">The job id, <c>&lt;owner&gt;:&lt;key&gt;</c>.</param>
    /// <param name="cancellationToken">Signalled when the host shuts down.</param>
    [AutomaticRetry(Attempts = 0)]
    public async Task RunRecurringAsync(string jobId, CancellationToken cancellationToken)
    {
        if (catalog.FindJob(jobId) is null)
        {
            logger.LogWarning("Recurring job {JobId} belongs to a plugin that is not loaded; skipped", jobId);
            return;
        }

        var run = new JobRun { Id = Guid.CreateVersion7(), JobId = jobId, State = JobRunState.Queued, QueuedAt = clock.GetUtcNow() };
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            db.JobRuns.Add(run);
            await db.SaveChangesAsync(cancellationToken);
        }

        JobScheduler.Queue(hangfire, run);
    }

    // The outcome is saved even when the host is stopping, so that the run is not left "running".
    private static async Task SaveOutcomeAsync(CrmDbContext db, JobRun run)
    {
        db.Entry(run).State = EntityState.Modified;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private sealed class HostJobRunContext(JobRun run, IDbContextFactory<CrmDbContext> contexts) : JobRunContext
    {
        private readonly JsonElement? _arguments = run.Arguments is null ? null : JsonDocument.Parse(run.Arguments).RootElement.Clone();

        public override Guid RunId => run.Id;

        public override JsonElement? Arguments => _arguments;

        public override int Attempt => run.Attempts;

        public override async Task ReportProgressAsync(int percent, string? message = null, CancellationToken cancellationToken = default)
        {
            percent = Math.Clamp(percent, 0, 100);
            run.Percent = percent;
            run.Message = message;
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.JobRuns.Where(r => r.Id == run.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Percent, percent).SetProperty(r => r.Message, message), cancellationToken);
        }
    }
}
