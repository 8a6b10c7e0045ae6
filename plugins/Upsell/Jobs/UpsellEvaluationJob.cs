using CrmBlazor.Plugins.Upsell.Features.Evaluation;
using CrmBlazor.Sdk.Jobs;

namespace CrmBlazor.Plugins.Upsell.Jobs;

/// <summary>
/// Evaluates every enabled rule (<see cref="UpsellEvaluator"/>) on the settings' schedule
/// (<see cref="UpsellSettings.EvaluationSchedule"/>), and when a manager asks ("Evaluate now"). Idempotent and
/// crash-safe: a retried run finds the same hits and opens nothing twice.
/// </summary>
public sealed class UpsellEvaluationJob(UpsellEvaluator evaluator) : IPluginJob
{
    /// <summary>The job key (id <c>upsell:evaluation</c>).</summary>
    public const string Key = "evaluation";

    /// <inheritdoc />
    public async Task RunAsync(JobRunContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await evaluator.EvaluateAsync((percent, rule) => context.ReportProgressAsync(percent, rule, cancellationToken), cancellationToken);
    }
}
