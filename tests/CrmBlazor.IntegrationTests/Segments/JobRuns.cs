using CrmBlazor.IntegrationTests.Segments.Hosting;
using CrmBlazor.Sdk.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Segments;

/// <summary>Follows a job run through <see cref="IJobScheduler.GetRunAsync"/>, as the segment list does.</summary>
public static class JobRuns
{
    /// <summary>Waits until the run succeeded or finally failed, and returns it.</summary>
    /// <param name="host">The host.</param>
    /// <param name="runId">The run.</param>
    /// <exception cref="TimeoutException">The run did not finish within 30 seconds.</exception>
    public static async Task<JobRunInfo> FinishedAsync(LocalHostFactory host, Guid runId)
    {
        ArgumentNullException.ThrowIfNull(host);
        var started = DateTime.UtcNow;
        while (true)
        {
            var run = await host.InScopeAsync(s => s.GetRequiredService<IJobScheduler>().GetRunAsync(runId));
            if (run is { State: JobRunState.Succeeded } or { State: JobRunState.Failed, FinishedAt: not null })
            {
                return run;
            }

            if (DateTime.UtcNow - started > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"The run never finished; last seen: {run}.");
            }

            await Task.Delay(100);
        }
    }
}
