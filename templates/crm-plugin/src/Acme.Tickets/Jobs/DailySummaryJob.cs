using Acme.Tickets.Data;
using CrmBlazor.Sdk.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Acme.Tickets.Jobs;

/// <summary>
/// Runs on the schedule of <see cref="TicketsSettings.SummarySchedule"/> (job id <c>acme-tickets:daily-summary</c>)
/// and records how many entries were added recently. Runs are delivered at least once, so a run that
/// is delivered again records nothing new.
/// </summary>
public sealed class DailySummaryJob(TicketsDbContext db, IOptions<TicketsSettings> settings, TimeProvider clock) : IPluginJob
{
    /// <summary>The job's key within the plugin.</summary>
    public const string Key = "daily-summary";

    /// <inheritdoc />
    public async Task RunAsync(JobRunContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await db.SummaryRuns.AnyAsync(r => r.RunId == context.RunId, cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var since = now.AddDays(-settings.Value.RecentDays);
        var recent = await db.Entries.CountAsync(e => e.CreatedAt >= since, cancellationToken);
        db.SummaryRuns.Add(new SummaryRun { RunId = context.RunId, RanAt = now, RecentEntries = recent });
        await db.SaveChangesAsync(cancellationToken);
        await context.ReportProgressAsync(100, "Done", cancellationToken);
    }
}
