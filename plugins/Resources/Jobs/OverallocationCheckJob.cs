using System.Globalization;
using CrmBlazor.Plugins.Resources.Features.Overbookings;
using CrmBlazor.Sdk.Jobs;

namespace CrmBlazor.Plugins.Resources.Jobs;

/// <summary>
/// Every day (<see cref="ResourcesSettings.OverallocationCheckCron"/>), finds the people planned above
/// capacity in the weeks ahead, tells their managers once per new over-allocation and marks those resolved
/// (<see cref="OverbookingCheck"/>). Idempotent: a re-run finds nothing new.
/// </summary>
public sealed class OverallocationCheckJob(OverbookingCheck check) : IPluginJob
{
    /// <summary>The job key (id <c>resources:overallocation-check</c>).</summary>
    public const string Key = "overallocation-check";

    /// <inheritdoc />
    public async Task RunAsync(JobRunContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (found, resolved) = await check.CheckAsync(cancellationToken);
        await context.ReportProgressAsync(100, string.Create(CultureInfo.InvariantCulture, $"{found} over-allocation(s) newly found, {resolved} resolved."), cancellationToken);
    }
}
