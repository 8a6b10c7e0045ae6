using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Segments;

/// <summary>Follows a job run through <see cref="IJobScheduler.GetRunAsync"/>, as the segment list does.</summary>
public static class JobRuns
{
    /// <summary>Waits until the run succeeded or finally failed, and returns it.</summary>
    /// <param name="host">The host.</param>
    /// <param name="runId">The run.</param>
    public static async Task<JobRunInfo> FinishedAsync(CrmHostFactory host, Guid runId)
    {
        ArgumentNullException.ThrowIfNull(host);
        var run = await Eventually.ReturnsAsync(
            "the segment refresh run finished",
            () => host.InScopeAsync(s => s.GetRequiredService<IJobScheduler>().GetRunAsync(runId)),
            r => r is { State: JobRunState.Succeeded } or { State: JobRunState.Failed, FinishedAt: not null });
        return run!;
    }
}
