namespace CrmBlazor.Sdk.Jobs;

/// <summary>Queues plugin jobs and tells how their runs are going.</summary>
public interface IJobScheduler
{
    /// <summary>
    /// Records a run of the job in the database and queues it. The record survives a restart: a run
    /// lost with an in-memory queue is queued again when the host starts.
    /// </summary>
    /// <typeparam name="TJob">A job registered with <c>IPluginBuilder.AddJob</c> or <c>AddRecurringJob</c>.</typeparam>
    /// <param name="arguments">Arguments, serialised to JSON; keep them to ids and small values.</param>
    /// <param name="delay">Start no sooner than this, or null to start as soon as possible.</param>
    /// <param name="cancellationToken">Cancels the queuing.</param>
    /// <returns>The id of the run.</returns>
    Task<Guid> EnqueueAsync<TJob>(object? arguments = null, TimeSpan? delay = null, CancellationToken cancellationToken = default)
        where TJob : class, IPluginJob;

    /// <summary>Returns the state of a run, or null if there is no such run.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<JobRunInfo?> GetRunAsync(Guid runId, CancellationToken cancellationToken = default);
}

/// <summary>The state of a job run.</summary>
/// <param name="RunId">The run id.</param>
/// <param name="JobId">The job id, <c>&lt;plugin id&gt;:&lt;key&gt;</c>.</param>
/// <param name="State">Where the run is.</param>
/// <param name="Percent">Progress reported by the job, 0 to 100.</param>
/// <param name="Message">The job's last progress message, or the error of a failed run.</param>
/// <param name="QueuedAt">When the run was queued.</param>
/// <param name="FinishedAt">When it succeeded or finally failed.</param>
public sealed record JobRunInfo(
    Guid RunId,
    string JobId,
    JobRunState State,
    int Percent,
    string? Message,
    DateTimeOffset QueuedAt,
    DateTimeOffset? FinishedAt);

/// <summary>Where a job run is.</summary>
public enum JobRunState
{
    /// <summary>Waiting for a worker.</summary>
    Queued,

    /// <summary>Running now.</summary>
    Running,

    /// <summary>Finished without error.</summary>
    Succeeded,

    /// <summary>Failed; it will be retried unless its attempts are used up.</summary>
    Failed,
}
