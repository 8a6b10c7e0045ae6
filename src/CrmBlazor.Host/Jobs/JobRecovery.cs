using CrmBlazor.Data.Outbox;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Events;
using CrmBlazor.Host.Features.Mail;
using CrmBlazor.Sdk.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Jobs;

/// <summary>
/// Finds work that an in-memory job queue lost when the process stopped (job runs not finished,
/// events not delivered) and queues it again. With PostgreSQL, Hangfire's queue is durable: only work
/// whose queueing was lost (the process died between a commit and its Hangfire job) needs this; the
/// outbox sweep covers it within minutes, and <see cref="RequeueUnqueuedMessagesAsync"/> at once for mail.
/// Only work from before this start is queued again: runs and events that plugin initializers queued
/// during this start are in the queue already, and queuing them twice would run them twice at once.
/// </summary>
internal static class JobRecovery
{
    public static async Task RequeueUnfinishedAsync(IServiceProvider services, DateTimeOffset startedAt, ILogger logger, CancellationToken cancellationToken)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<CrmDbContext>>();
        var hangfire = services.GetRequiredService<IBackgroundJobClient>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var runs = await db.JobRuns
            .Where(r => r.QueuedAt < startedAt)
            .Where(r => r.State == JobRunState.Queued || r.State == JobRunState.Running || (r.State == JobRunState.Failed && r.FinishedAt == null))
            .ToListAsync(cancellationToken);
        foreach (var run in runs)
        {
            JobScheduler.Queue(hangfire, run);
        }

        var events = await db.DomainEvents.Where(e => e.CompletedAt == null && e.OccurredAt < startedAt).Select(e => e.Id).ToListAsync(cancellationToken);
        var queue = services.GetRequiredService<DomainEventQueue>();
        foreach (var id in events)
        {
            queue.QueueDelivery(id);
        }

        // A message left Sending was claimed by the process that stopped: this is the only process on
        // SQLite, so the claim is released at once instead of after it runs out (Mail:SendingClaimSeconds).
        // It is sent again with the same Message-ID (docs/decisions/0019-mail-outbox.md).
        var released = Guid.NewGuid();
        await db.OutboxMessages.Where(m => m.State == OutboxMessageState.Sending && m.CreatedAt < startedAt)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxMessageState.Queued).SetProperty(m => m.NextAttemptAt, (DateTimeOffset?)null).SetProperty(m => m.RowVersion, released), cancellationToken);

        var messages = await QueueMessagesQueuedBeforeAsync(db, services, startedAt, cancellationToken);
        if (runs.Count + events.Count + messages > 0)
        {
            logger.LogInformation("Queued again {RunCount} unfinished job runs, {EventCount} undelivered events and {MessageCount} unsent messages", runs.Count, events.Count, messages);
        }
    }

    /// <summary>
    /// With PostgreSQL: queues the delivery of messages queued before this start, as a process that died
    /// between storing a message and queueing its job leaves them, instead of waiting for the sweep. A
    /// message whose job is still in the queue (another instance stored it) gets a second one, which finds
    /// it sent or being sent and does nothing. Messages left Sending are not touched here: another
    /// instance may be sending them; their own jobs take them over when the claim runs out.
    /// </summary>
    public static async Task RequeueUnqueuedMessagesAsync(IServiceProvider services, DateTimeOffset startedAt, ILogger logger, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(cancellationToken);
        var messages = await QueueMessagesQueuedBeforeAsync(db, services, startedAt, cancellationToken);
        if (messages > 0)
        {
            logger.LogInformation("Queued again {MessageCount} unsent messages", messages);
        }
    }

    // Messages queued before this start; those waiting for a later attempt have a scheduled job, and the sweep.
    private static async Task<int> QueueMessagesQueuedBeforeAsync(CrmDbContext db, IServiceProvider services, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var messages = await db.OutboxMessages.Where(m => m.State == OutboxMessageState.Queued && m.NextAttemptAt == null && m.CreatedAt < startedAt)
            .Select(m => m.Id).ToListAsync(cancellationToken);
        var mail = services.GetRequiredService<MailQueue>();
        foreach (var id in messages)
        {
            mail.QueueDelivery(id);
        }

        return messages.Count;
    }
}
