using CrmBlazor.Data.Outbox;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Mail;
using CrmBlazor.Sdk.Jobs;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Events;

/// <summary>
/// Queues again the delivery of events that are still undelivered some minutes after they were
/// published: their queueing was lost (a crash right after the commit) or their retries ran out.
/// Does the same for e-mail messages: queued ones whose delivery is due and was not queued or was lost
/// (an in-memory queue after a restart), and those left Sending by a process that died mid-send.
/// </summary>
internal sealed class OutboxSweepJob(IDbContextFactory<CrmDbContext> contexts, DomainEventQueue queue, MailQueue mail, TimeProvider clock) : IPluginJob
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

        var messages = await DueMessagesAsync(db, clock.GetUtcNow(), cancellationToken);
        foreach (var id in messages)
        {
            mail.QueueDelivery(id);
        }

        await context.ReportProgressAsync(100, $"{ids.Count} event(s) and {messages.Count} message(s) queued again", cancellationToken);
    }

    /// <summary>
    /// Messages whose delivery is due and may have no job: queued for some minutes without a time of next
    /// attempt, queued past that time, or Sending past the sender's claim.
    /// </summary>
    public static Task<List<Guid>> DueMessagesAsync(CrmDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var queuedBefore = now - Grace;
        return db.OutboxMessages
            .Where(m => (m.State == OutboxMessageState.Queued && (m.NextAttemptAt == null ? m.CreatedAt < queuedBefore : m.NextAttemptAt <= now))
                || (m.State == OutboxMessageState.Sending && m.NextAttemptAt <= now))
            .OrderBy(m => m.CreatedAt).Select(m => m.Id).Take(1000).ToListAsync(cancellationToken);
    }
}
