using CrmBlazor.Plugins.Surveys.Features.PublicLinks;
using CrmBlazor.Sdk.Jobs;

namespace CrmBlazor.Plugins.Surveys.Jobs;

/// <summary>
/// Daily: deletes the invitations that visits of public links made and that expired unanswered
/// (<see cref="PublicLinkService.DeleteExpiredVisitsAsync"/>). One delete statement, so two runs at once
/// or a run after a crash do no harm.
/// </summary>
public sealed class PublicVisitCleanupJob(PublicLinkService publicLinks) : IPluginJob
{
    /// <summary>The job's key (id <c>surveys:public-visit-cleanup</c>).</summary>
    public const string Key = "public-visit-cleanup";

    /// <summary>When it runs: every day at 03:30 UTC.</summary>
    public const string Cron = "30 3 * * *";

    /// <inheritdoc />
    public async Task RunAsync(JobRunContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var deleted = await publicLinks.DeleteExpiredVisitsAsync(cancellationToken);
        await context.ReportProgressAsync(100, $"{deleted} expired unanswered visit(s) of public links deleted", cancellationToken);
    }
}
