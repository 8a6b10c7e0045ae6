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
/// A segment whose rules no longer work (a field whose plugin is gone) keeps its members; the run
/// says so in its message and the log, and goes on with the other segments.
/// </summary>
public sealed class SegmentRefreshJob(SegmentService segments, IDbContextFactory<CrmDbContext> contexts, ILogger<SegmentRefreshJob> logger) : IPluginJob
{
    /// <inheritdoc />
    public async Task RunAsync(JobRunContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        List<(long Id, string Name)> targets;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var query = db.Segments.AsNoTracking();
            if (context.Arguments is not null)
            {
                var id = context.GetArguments<SegmentRefreshArguments>().SegmentId;
                query = query.Where(s => s.Id == id);
            }

            targets = [.. (await query.OrderBy(s => s.Id).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken)).Select(s => (s.Id, s.Name))];
        }

        var refreshed = 0;
        var notRefreshed = new List<string>();
        for (var i = 0; i < targets.Count; i++)
        {
            var (id, name) = targets[i];
            var result = await segments.RefreshAsync(id, cancellationToken);
            if (result.Status == SegmentRefreshStatus.Refreshed)
            {
                refreshed++;
            }
            else if (result.Status == SegmentRefreshStatus.InvalidRules)
            {
                notRefreshed.Add(name);
                logger.LogWarning("Segment {SegmentId} ({SegmentName}) was not refreshed: {Problems}",
                    id, name, string.Join(" ", result.Errors.SelectMany(e => e.Value).Distinct()));
            }

            await context.ReportProgressAsync((i + 1) * 100 / targets.Count, Summary(refreshed, targets.Count, notRefreshed), cancellationToken);
        }

        if (targets.Count == 0)
        {
            await context.ReportProgressAsync(100, "There was no segment to refresh.", cancellationToken);
        }
    }

    private static string Summary(int refreshed, int total, List<string> notRefreshed) =>
        notRefreshed.Count == 0
            ? $"{refreshed} of {total} segments refreshed."
            : $"{refreshed} of {total} segments refreshed. Not refreshed, because their rules use fields that are no longer available: {string.Join(", ", notRefreshed)}.";
}
