using CrmBlazor.Sdk.Jobs;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Data;

/// <summary>
/// Refreshes the query planner's statistics every hour (see <see cref="PlannerStatistics"/>): the host
/// also does it at start-up, but a running instance sees its customers grow, by an import for example.
/// </summary>
internal sealed class PlannerStatisticsJob(IDbContextFactory<CrmDbContext> contexts) : IPluginJob
{
    public async Task RunAsync(JobRunContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await PlannerStatistics.RefreshAsync(db, cancellationToken);
        await context.ReportProgressAsync(100, "Planner statistics refreshed", cancellationToken);
    }
}
