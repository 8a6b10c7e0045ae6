using CrmBlazor.Fixtures.Alpha.Data;
using CrmBlazor.Sdk.Jobs;

namespace CrmBlazor.Fixtures.Alpha.Jobs;

/// <summary>A recurring job whose runs leave one row each, keyed by run (idempotent on retry).</summary>
public sealed class HeartbeatJob(AlphaDbContext db, TimeProvider clock) : IPluginJob
{
    public async Task RunAsync(JobRunContext context, CancellationToken cancellationToken)
    {
        if (!db.Heartbeats.Any(h => h.RunId == context.RunId))
        {
            db.Heartbeats.Add(new Heartbeat { RunId = context.RunId, BeatAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }

        await context.ReportProgressAsync(100, "Beat", cancellationToken);
    }
}
