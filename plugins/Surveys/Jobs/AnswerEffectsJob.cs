using CrmBlazor.Plugins.Surveys.Features.Effects;
using CrmBlazor.Sdk.Jobs;

namespace CrmBlazor.Plugins.Surveys.Jobs;

/// <summary>
/// Performs the pending effects of named surveys' answers (timeline entry, latest-score figures, the
/// closed loop's follow-up): queued for one response after its submit commits, and every minute as a
/// sweep over all pending responses, so an answer whose job was lost in a crash still gets its effects.
/// </summary>
public sealed class AnswerEffectsJob(AnswerEffects effects) : IPluginJob
{
    /// <summary>The job key (id <c>surveys:answer-effects</c>).</summary>
    public const string Key = "answer-effects";

    /// <summary>The sweep: every minute.</summary>
    public const string Schedule = "* * * * *";

    /// <summary>The response a queued run is for.</summary>
    /// <param name="ResponseId">The response.</param>
    public sealed record Arguments(Guid ResponseId);

    /// <inheritdoc />
    public async Task RunAsync(JobRunContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Arguments is null)
        {
            var handled = await effects.RunPendingAsync(cancellationToken);
            await context.ReportProgressAsync(100, handled == 0 ? "No answers were waiting." : $"Effects of {handled} answers performed.", cancellationToken);
            return;
        }

        await effects.RunAsync(context.GetArguments<Arguments>().ResponseId, cancellationToken);
        await context.ReportProgressAsync(100, "Answer effects performed.", cancellationToken);
    }
}
