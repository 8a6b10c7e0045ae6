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
/// events not delivered) and queues it again. With PostgreSQL, Hangfire's queue is durable and only
/// events whose delivery was never queued need this, which the outbox sweep covers.
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

        // Messages queued before this start; those waiting for a later attempt or left Sending are the sweep's.
        var messages = await db.OutboxMessages.Where(m => m.State == OutboxMessageState.Queued && m.NextAttemptAt == null && m.CreatedAt < startedAt)
            .Select(m => m.Id).ToListAsync(cancellationToken);
        var mail = services.GetRequiredService<MailQueue>();
        foreach (var id in messages)
        {
            mail.QueueDelivery(id);
        }

        if (runs.Count + events.Count + messages.Count > 0)
        {
            logger.LogInformation("Queued again {RunCount} unfinished job runs, {EventCount} undelivered events and {MessageCount} unsent messages", runs.Count, events.Count, messages.Count);
        }
    }
}
