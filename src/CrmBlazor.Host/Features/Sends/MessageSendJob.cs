using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Users;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Sdk.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Sends;

/// <summary>The arguments of <see cref="MessageSendJob"/>.</summary>
/// <param name="SendId">The send.</param>
public sealed record MessageSendArguments(long SendId);

/// <summary>
/// Queues the messages of a send, one recipient per transaction, at most
/// <see cref="SendSettings.MessagesPerMinute"/> in a minute: when the minute's share is queued, it queues
/// its own next run for the next minute and ends.
/// </summary>
/// <remarks>
/// Each recipient's message is put into the outbox (<c>CrmDbContext.Send</c>, keyed by send, customer
/// and contact) in the transaction that records the recipient as queued and adds the timeline entry, so
/// a process killed between any two steps leaves every recipient either untouched or done, never half
/// done; the run found again after a restart (or a second run racing it) takes only the pending ones,
/// and a recipient taken by two runs at once is saved by one (the row version) and skipped by the other.
/// The campaign rules are checked again for each recipient as it is queued, so an opt-out that arrives
/// while a campaign is under way is honoured. See docs/decisions/0021-campaigns-and-opt-out.md.
/// </remarks>
public sealed class MessageSendJob(
    IDbContextFactory<CrmDbContext> contexts,
    SendMessageWriter writer,
    SendTemplates templates,
    SendSettings settings,
    IJobScheduler jobs,
    TimeProvider clock,
    ILogger<MessageSendJob> logger) : IPluginJob
{
    /// <summary>The timeline kind of a message sent to a customer's contact.</summary>
    public const string TimelineKind = "crm.message-sent";

    private const int BatchSize = 100;

    /// <inheritdoc />
    public async Task RunAsync(JobRunContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Arguments is null)
        {
            await ResumeStalledAsync(cancellationToken);
            return;
        }

        var sendId = context.GetArguments<MessageSendArguments>().SendId;
        MessageSend? send;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            send = await db.MessageSends.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sendId, cancellationToken);
        }

        if (send is null || send.State == MessageSendState.Completed)
        {
            return;
        }

        var kind = (await templates.FindAsync(send.TemplateKey, cancellationToken))?.Kind
            ?? throw new InvalidOperationException($"The template {send.TemplateKey} of send {send.Id} is not registered (its plugin is not loaded).");
        var minuteStarted = clock.GetUtcNow();
        var queued = 0;
        while (true)
        {
            var take = Math.Min(BatchSize, settings.MessagesPerMinute - queued);
            List<long> pending;
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            {
                pending = await db.MessageSendRecipients.AsNoTracking()
                    .Where(r => r.SendId == sendId && r.State == RecipientState.Pending)
                    .OrderBy(r => r.Id).Select(r => r.Id).Take(take).ToListAsync(cancellationToken);
            }

            if (pending.Count == 0)
            {
                await CompleteAsync(sendId, context, cancellationToken);
                return;
            }

            foreach (var recipientId in pending)
            {
                if (await QueueAsync(send, recipientId, kind, cancellationToken))
                {
                    queued++;
                }
            }

            if (queued >= settings.MessagesPerMinute)
            {
                // This minute's share is queued: the rest waits for the next minute, in a run of its own
                // so that no worker sleeps through a long campaign.
                var wait = minuteStarted + TimeSpan.FromMinutes(1) - clock.GetUtcNow();
                await jobs.EnqueueAsync<MessageSendJob>(new MessageSendArguments(sendId), wait > TimeSpan.Zero ? wait : TimeSpan.Zero, cancellationToken);
                await context.ReportProgressAsync(0, $"{queued} messages queued; the next ones follow in a minute.", cancellationToken);
                return;
            }
        }
    }

    /// <summary>Queues one recipient's message, or leaves them out; false when another run did it first or they were left out.</summary>
    private async Task<bool> QueueAsync(MessageSend send, long recipientId, MessageKind kind, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var recipient = await db.MessageSendRecipients.FirstOrDefaultAsync(r => r.Id == recipientId && r.State == RecipientState.Pending, cancellationToken);
        if (recipient is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var person = await SendAudience.OfPersonAsync(db, recipient.CustomerId, recipient.ContactId, cancellationToken);
        var reason = person is null ? LeftOutReason.NoContact
            : kind == MessageKind.Campaign ? person.Reason
            : string.IsNullOrWhiteSpace(person.Email) ? LeftOutReason.NoEmail : null;
        if (reason is not null)
        {
            recipient.State = RecipientState.LeftOut;
            recipient.Reason = reason;
            await SaveUnlessTakenAsync(db);
            return false;
        }

        recipient.Email = person!.Email;
        recipient.Name = person.Name;
        string? token = null;
        if (kind == MessageKind.Campaign)
        {
            token = AccountLinkTokens.New();
            recipient.UnsubscribeTokenHash = AccountLinkTokens.HashOf(token);
        }

        var (message, language) = await writer.WriteAsync(send, recipient, kind, token, cancellationToken);
        db.Send(message);
        recipient.State = RecipientState.Queued;
        recipient.QueuedAt = now;
        recipient.Subject = message.Subject;
        recipient.Language = language;
        db.TimelineEntries.Add(new TimelineEntryRecord
        {
            Key = FormattableString.Invariant($"crm:message-sent:{recipient.Id}"),
            CustomerId = recipient.CustomerId,
            Kind = TimelineKind,
            OccurredAt = now,
            Title = message.Subject.Length > 500 ? message.Subject[..500] : message.Subject,
            Summary = $"{recipient.Name} <{recipient.Email}>",
            Link = SentMessageLink(recipient.Id),
        });
        return await SaveUnlessTakenAsync(db);
    }

    /// <summary>
    /// The recurring sweep: starts again every send that has pending recipients and queued nothing for
    /// <see cref="StalledAfter"/> (its job was lost between the start and its queueing). Runs of a send
    /// that is still going only wait a minute at most, so it is never taken for a stalled one.
    /// </summary>
    private async Task ResumeStalledAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - StalledAfter;
        List<long> stalled;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            stalled = await db.MessageSends.AsNoTracking()
                .Where(s => s.State == MessageSendState.Sending && s.StartedAt < before)
                .Where(s => !db.MessageSendRecipients.Any(r => r.SendId == s.Id && r.QueuedAt >= before))
                .Select(s => s.Id).ToListAsync(cancellationToken);
        }

        foreach (var id in stalled)
        {
            logger.LogWarning("Send {SendId} queued nothing for {Minutes} minutes; starting it again.", id, StalledAfter.TotalMinutes);
            await jobs.EnqueueAsync<MessageSendJob>(new MessageSendArguments(id), cancellationToken: cancellationToken);
        }
    }

    /// <summary>How long a send may queue nothing before the sweep takes it for stalled.</summary>
    public static readonly TimeSpan StalledAfter = TimeSpan.FromMinutes(5);

    /// <summary>The address of the page showing the message a recipient was sent.</summary>
    /// <param name="recipientId">The recipient.</param>
    public static string SentMessageLink(long recipientId) => FormattableString.Invariant($"/messages/sent/{recipientId}");

    private async Task<bool> SaveUnlessTakenAsync(CrmDbContext db)
    {
        try
        {
            // Not cancelled by shutdown: the recipient, its message and its timeline entry commit together or not at all.
            await db.SaveChangesAsync(CancellationToken.None);
            return true;
        }
        catch (DbUpdateException e)
        {
            // Another run queued this recipient first (its row version changed, or its outbox or timeline key exists).
            logger.LogDebug("A recipient of a send was queued by another run: {Error}", e.InnerException?.Message ?? e.Message);
            return false;
        }
    }

    private async Task CompleteAsync(long sendId, JobRunContext context, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await db.MessageSends.Where(s => s.Id == sendId && s.State == MessageSendState.Sending)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, MessageSendState.Completed).SetProperty(x => x.CompletedAt, now), cancellationToken);
        await context.ReportProgressAsync(100, "Every message of the send is queued.", cancellationToken);
    }
}
