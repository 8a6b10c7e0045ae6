using CrmBlazor.Plugins.Projects.Features.Budgets;
using CrmBlazor.Sdk.Jobs;

namespace CrmBlazor.Plugins.Projects.Jobs;

/// <summary>
/// Every night, checks the budgets of all projects that are not cancelled and publishes the
/// thresholds newly crossed (time logged by other means, budgets or thresholds changed). Idempotent:
/// a crossing on record is never published again, so a re-run publishes nothing new.
/// </summary>
public sealed class BudgetCheckJob(BudgetThresholdWatch watch) : IPluginJob
{
    /// <summary>The job key (id <c>projects:budget-check</c>).</summary>
    public const string Key = "budget-check";

    /// <summary>02:10 UTC every day.</summary>
    public const string Schedule = "10 2 * * *";

    /// <inheritdoc />
    public async Task RunAsync(JobRunContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var published = await watch.CheckAsync(null, cancellationToken);
        await context.ReportProgressAsync(100, $"{published} budget threshold(s) newly crossed.", cancellationToken);
    }
}
