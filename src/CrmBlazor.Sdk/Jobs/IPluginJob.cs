using System.Text.Json;

namespace CrmBlazor.Sdk.Jobs;

/// <summary>
/// A background or recurring job of a plugin (register it with <c>IPluginBuilder.AddJob</c> or
/// <c>AddRecurringJob</c>). The host runs it through Hangfire with a dispatcher of its own, so the
/// job's type never has to be resolvable by Hangfire.
/// </summary>
/// <remarks>
/// Jobs are delivered at least once: after a crash or a restart a run that did not finish is started
/// again. Make every job idempotent, keep its arguments to ids and small values, and let it read the
/// current state from the database rather than trusting what was true when it was queued.
/// </remarks>
public interface IPluginJob
{
    /// <summary>Runs the job.</summary>
    /// <param name="context">The run: its arguments and a way to report progress.</param>
    /// <param name="cancellationToken">Signalled when the host shuts down.</param>
    Task RunAsync(JobRunContext context, CancellationToken cancellationToken);
}

/// <summary>One run of a job.</summary>
public abstract class JobRunContext
{
    /// <summary>The id of this run, as returned by <see cref="IJobScheduler.EnqueueAsync{TJob}"/>.</summary>
    public abstract Guid RunId { get; }

    /// <summary>The arguments the run was queued with, as JSON (<c>null</c> for recurring runs).</summary>
    public abstract JsonElement? Arguments { get; }

    /// <summary>How many times this run has been started, 1 for the first.</summary>
    public abstract int Attempt { get; }

    /// <summary>The arguments, deserialised.</summary>
    /// <typeparam name="T">The argument type the job was queued with.</typeparam>
    /// <exception cref="InvalidOperationException">The run has no arguments.</exception>
    public T GetArguments<T>()
    {
        var arguments = Arguments ?? throw new InvalidOperationException("This job run has no arguments.");
        return arguments.Deserialize<T>(JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"The job arguments could not be read as {typeof(T).Name}.");
    }

    /// <summary>
    /// Records how far the run has got, so that the UI can show it (see <see cref="IJobScheduler.GetRunAsync"/>).
    /// </summary>
    /// <param name="percent">0 to 100.</param>
    /// <param name="message">A short, user-facing description of the current step, or null.</param>
    /// <param name="cancellationToken">Cancels the report.</param>
    public abstract Task ReportProgressAsync(int percent, string? message = null, CancellationToken cancellationToken = default);
}
