using CrmBlazor.Host.Data;
using CrmBlazor.Sdk.Jobs;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Events;

/// <summary>
/// Queues again the delivery of events that are still undelivered some minutes after they were
/// published: their queueing was lost (a crash right after the commit) or their retries ran out.
/// </summary>
internal sealed class OutboxSweepJob(IDbContextFactory<CrmDbContext> contexts, DomainEventQueue queue, TimeProvider clock) : IPluginJob
{
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    public async Task RunAsync(JobRunContext context, CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - Grace;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = await db.DomainEvents.Where(e => e.CompletedAt == null && e.OccurredAt < before)
            .OrderBy(e => e.OccurredAt).Select(e => e.Id).Take(1000).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            queue.QueueDelivery(id);
        }

        await context.ReportProgressAsync(100, $"{ids.Count} event(s) queued again", cancellationToken);
    }
}
