using System.Text.Json;
using CrmBlazor.PluginTesting.Components;
using CrmBlazor.Sdk.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.PluginTesting.Services;

/// <summary>
/// The <see cref="IJobScheduler"/> of a <see cref="PluginTestContext"/>: records the runs the plugin queues,
/// refuses a job the plugin did not register (as the host does), and runs a job when the test asks
/// (<see cref="RunAsync(Guid, CancellationToken)"/>, <see cref="RunAsync{TJob}(object?, CancellationToken)"/>)
/// in a scope of the context's services, recording its progress.
/// </summary>
/// <remarks>Nothing runs by itself: there is no queue, no retry and no schedule here. The host's are tested through <see cref="PluginHost"/>.</remarks>
public sealed class RecordingJobScheduler : IJobScheduler
{
    private readonly Lock _lock = new();
    private readonly List<RecordedRun> _runs = [];
    private readonly Func<PluginRegistrations?> _registrations;
    private readonly Func<IServiceProvider> _services;

    internal RecordingJobScheduler(Func<PluginRegistrations?> registrations, Func<IServiceProvider> services)
    {
        _registrations = registrations;
        _services = services;
    }

    /// <summary>The runs queued or run, in that order.</summary>
    public IReadOnlyList<RecordedRun> Runs
    {
        get
        {
            lock (_lock)
            {
                return [.. _runs];
            }
        }
    }

    /// <inheritdoc />
    public Task<Guid> EnqueueAsync<TJob>(object? arguments = null, TimeSpan? delay = null, CancellationToken cancellationToken = default)
        where TJob : class, IPluginJob => Task.FromResult(Record(typeof(TJob), arguments, delay).RunId);

    /// <inheritdoc />
    public Task<JobRunInfo?> GetRunAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_runs.Find(r => r.RunId == runId)?.Info);
        }
    }

    /// <summary>Runs a queued run now, once, and records how it ended.</summary>
    /// <param name="runId">The id <c>EnqueueAsync</c> returned.</param>
    /// <param name="cancellationToken">Passed to the job.</param>
    /// <returns>The run's state afterwards: succeeded, or failed with the exception's message.</returns>
    /// <exception cref="InvalidOperationException">There is no such run, or it already ran.</exception>
    public async Task<JobRunInfo> RunAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        RecordedRun run;
        lock (_lock)
        {
            run = _runs.Find(r => r.RunId == runId) ?? throw new InvalidOperationException($"There is no job run {runId}.");
            if (run.Info.State != JobRunState.Queued)
            {
                throw new InvalidOperationException($"Job run {runId} already ran ({run.Info.State}).");
            }

            run.Info = run.Info with { State = JobRunState.Running };
        }

        await using var scope = _services().CreateAsyncScope();
        var job = (IPluginJob)scope.ServiceProvider.GetRequiredService(run.Job);
        try
        {
            await job.RunAsync(new RecordingRunContext(this, run), cancellationToken);
            Update(run, info => info with { State = JobRunState.Succeeded, Percent = 100, FinishedAt = DateTimeOffset.UtcNow });
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Update(run, info => info with { State = JobRunState.Failed, Message = e.Message, FinishedAt = DateTimeOffset.UtcNow });
        }

        return run.Info;
    }

    /// <summary>Queues a run of a registered job and runs it at once: what a recurring job's schedule or a queued run would do in the host.</summary>
    /// <typeparam name="TJob">A job the plugin registered.</typeparam>
    /// <param name="arguments">The job's arguments, or null.</param>
    /// <param name="cancellationToken">Passed to the job.</param>
    /// <returns>The run's state afterwards.</returns>
    public Task<JobRunInfo> RunAsync<TJob>(object? arguments = null, CancellationToken cancellationToken = default)
        where TJob : class, IPluginJob => RunAsync(Record(typeof(TJob), arguments, delay: null).RunId, cancellationToken);

    private RecordedRun Record(Type job, object? arguments, TimeSpan? delay)
    {
        var registrations = _registrations();
        var key = registrations?.Jobs.FirstOrDefault(j => j.Value.Job == job).Key
            ?? throw new InvalidOperationException($"{job.Name} is not a registered job of the plugin.");
        JsonElement? json = arguments is null ? null : JsonSerializer.SerializeToElement(arguments, arguments.GetType(), JsonSerializerOptions.Web);
        var runId = Guid.CreateVersion7();
        var run = new RecordedRun(runId, job, key, json, delay)
        {
            // The job id as the host writes it: <plugin id>:<key>.
            Info = new JobRunInfo(runId, $"{registrations!.PluginId}:{key}", JobRunState.Queued, 0, null, DateTimeOffset.UtcNow, null),
        };
        lock (_lock)
        {
            _runs.Add(run);
        }

        return run;
    }

    private void Update(RecordedRun run, Func<JobRunInfo, JobRunInfo> change)
    {
        lock (_lock)
        {
            run.Info = change(run.Info);
        }
    }

    private sealed class RecordingRunContext(RecordingJobScheduler scheduler, RecordedRun run) : JobRunContext
    {
        public override Guid RunId => run.RunId;

        public override JsonElement? Arguments => run.Arguments;

        public override int Attempt => 1;

        public override Task ReportProgressAsync(int percent, string? message = null, CancellationToken cancellationToken = default)
        {
            // As the host: out-of-range figures are clamped, not refused.
            percent = Math.Clamp(percent, 0, 100);
            scheduler.Update(run, info => info with { Percent = percent, Message = message });
            run.Progress.Add((percent, message));
            return Task.CompletedTask;
        }
    }
}

/// <summary>A run queued through <see cref="RecordingJobScheduler"/>.</summary>
/// <param name="RunId">The run id.</param>
/// <param name="Job">The job type.</param>
/// <param name="Key">The key the plugin registered the job under.</param>
/// <param name="Arguments">The arguments as the host would store them (JSON), or null.</param>
/// <param name="Delay">The delay asked for, or null.</param>
public sealed record RecordedRun(Guid RunId, Type Job, string Key, JsonElement? Arguments, TimeSpan? Delay)
{
    /// <summary>The run's state: queued until run, then running, succeeded or failed.</summary>
    public JobRunInfo Info { get; internal set; } = null!;

    /// <summary>The progress the job reported, in order.</summary>
    public IList<(int Percent, string? Message)> Progress { get; } = [];

    /// <summary>The arguments read as <typeparamref name="T"/>, as the job reads them.</summary>
    /// <typeparam name="T">The arguments' type.</typeparam>
    public T? ArgumentsAs<T>() => Arguments is { } json ? json.Deserialize<T>(JsonSerializerOptions.Web) : default;
}
