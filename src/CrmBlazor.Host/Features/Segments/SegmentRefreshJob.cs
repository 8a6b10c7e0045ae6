using CrmBlazor.Host.Data;
using CrmBlazor.Sdk.Jobs;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Segments;

/// <summary>The arguments of an on-demand refresh of one segment.</summary>
/// <param name="SegmentId">The segment.</param>
public sealed record SegmentRefreshArguments(long SegmentId);

/// <summary>
/// Refreshes segment membership: every segment when run on its schedule, one segment when queued with
/// <see cref="SegmentRefreshArguments"/>. Idempotent: a refresh computes membership from the rules.
/// </summary>
public sealed class SegmentRefreshJob(SegmentService segments, IDbContextFactory<CrmDbContext> contexts) : IPluginJob
{
    /// <inheritdoc />
    public async Task RunAsync(JobRunContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        List<long> ids;
        if (context.Arguments is not null)
        {
            ids = [context.GetArguments<SegmentRefreshArguments>().SegmentId];
        }
        else
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            ids = await db.Segments.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(cancellationToken);
        }

        for (var i = 0; i < ids.Count; i++)
        {
            await segments.RefreshAsync(ids[i], cancellationToken);
            await context.ReportProgressAsync((i + 1) * 100 / ids.Count, $"{i + 1} of {ids.Count} segments refreshed", cancellationToken);
        }
    }
}
