using System.Net.Sockets;
using CrmBlazor.Data.Outbox;
using CrmBlazor.Host.Data;
using CrmBlazor.Sdk.Results;
using Hangfire;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Mail;

/// <summary>
/// Delivers the messages of the mail outbox through the configured SMTP server, one attempt at a time,
/// and lets an administrator send a message again or cancel it.
/// </summary>
/// <remarks>
/// A message moves Queued → Sending (committed before the SMTP conversation starts) → Sent, Failed, or
/// Queued again with the time of its next attempt. While it is Sending, <see cref="OutboxMessage.NextAttemptAt"/>
/// holds the end of the sender's claim (<see cref="MailSettings.SendingClaim"/>): a message still Sending
/// after it (the process died mid-send) is taken over by its own job run again, or by the sweep, and sent
/// again with the same Message-ID. See docs/decisions/0019-mail-outbox.md.
/// </remarks>
public sealed class OutboxDelivery(
    IDbContextFactory<CrmDbContext> contexts,
    MailSettings settings,
    TimeProvider clock,
    IServiceProvider services,
    ILogger<OutboxDelivery> logger)
{
    /// <summary>The waits after the first, second, … transient failure; after the last the message is Failed.</summary>
    public static readonly IReadOnlyList<TimeSpan> Backoff =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60), TimeSpan.FromHours(4), TimeSpan.FromHours(12)];

    /// <summary>
    /// Makes one delivery attempt if the message is due: queued and not waiting for a later attempt, or
    /// Sending under a claim that expired. Failures are recorded on the message, never thrown.
    /// </summary>
    /// <param name="messageId">The message.</param>
    /// <param name="cancellationToken">Signalled when the host shuts down.</param>
    [AutomaticRetry(Attempts = 0)]
    public async Task DeliverAsync(Guid messageId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        var now = clock.GetUtcNow();
        if (message is null)
        {
            return;
        }

        if (!IsDue(message, now))
        {
            // Another sender holds the message. If that sender died (this is its job, taken over after
            // Hangfire's invisibility timeout), the message is taken over when the claim runs out, not
            // minutes later by the sweep; if it lives, the message is sent by then and this does nothing.
            if (message is { State: OutboxMessageState.Sending, NextAttemptAt: { } claimEnds })
            {
                services.GetRequiredService<MailQueue>().QueueDelivery(message.Id, claimEnds);
            }

            return;
        }

        if (!settings.CanSend)
        {
            message.State = OutboxMessageState.NotSent;
            message.NextAttemptAt = null;
            message.LastError = MailSettings.NoMailServerReason;
            db.OutboxAttempts.Add(new OutboxAttempt { MessageId = message.Id, AttemptedAt = now, Outcome = OutboxAttemptOutcomes.NoMailServer, ServerAnswer = MailSettings.NoMailServerReason });
            await SaveUnlessTakenAsync(db, message.Id, cancellationToken);
            return;
        }

        // The claim is committed before the server hears of the message: a crash from here on leaves a
        // message that is Sending, which is sent again once the claim has expired.
        message.State = OutboxMessageState.Sending;
        message.NextAttemptAt = now + settings.SendingClaim;
        message.Attempts++;
        if (!await SaveUnlessTakenAsync(db, message.Id, cancellationToken))
        {
            return;
        }

        var attachments = await db.OutboxAttachments.AsNoTracking().Where(a => a.MessageId == message.Id).ToListAsync(cancellationToken);
        var mime = OutboxMime.Build(message, attachments, settings, now);
        var outcome = await SendAsync(mime, cancellationToken);

        // From the server's acceptance to this commit the message is sent but still recorded as Sending:
        // nothing else happens in between, and the save does not listen to shutdown.
        var finished = clock.GetUtcNow();
        var attempt = new OutboxAttempt { MessageId = message.Id, AttemptedAt = finished, Outcome = outcome.Outcome, ServerAnswer = Truncate(outcome.Answer) };
        db.OutboxAttempts.Add(attempt);
        switch (outcome.Outcome)
        {
            case OutboxAttemptOutcomes.Sent:
                message.State = OutboxMessageState.Sent;
                message.SentAt = finished;
                message.NextAttemptAt = null;
                message.LastError = null;
                break;
            case OutboxAttemptOutcomes.TransientFailure when message.Attempts <= Backoff.Count:
                message.State = OutboxMessageState.Queued;
                message.NextAttemptAt = finished + Backoff[message.Attempts - 1];
                message.LastError = Truncate(outcome.Answer);
                break;
            default:
                message.State = OutboxMessageState.Failed;
                message.NextAttemptAt = null;
                message.LastError = Truncate(outcome.Answer);
                break;
        }

        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The message changed while the server had it: its recipient's personal data was erased,
            // which cancels and empties it. That change stands; the attempt is still recorded.
            db.ChangeTracker.Clear();
            db.OutboxAttempts.Add(new OutboxAttempt { MessageId = attempt.MessageId, AttemptedAt = attempt.AttemptedAt, Outcome = attempt.Outcome, ServerAnswer = attempt.ServerAnswer });
            await db.SaveChangesAsync(CancellationToken.None);
            return;
        }

        if (message is { State: OutboxMessageState.Queued, NextAttemptAt: { } next })
        {
            services.GetRequiredService<MailQueue>().QueueDelivery(message.Id, next);
        }
    }

    /// <summary>
    /// Sends a message again that was not sent (no mail server then), failed, was cancelled or waits for
    /// a retry: it is queued at once, with a new series of retries.
    /// </summary>
    /// <param name="id">The message.</param>
    /// <param name="rowVersion">The message's <see cref="OutboxMessage.RowVersion"/> when the administrator saw it.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>Saved, not found, a conflict when the message changed since, or invalid when it was sent or is being sent.</returns>
    public async Task<ChangeResult> RetryAsync(Guid id, Guid rowVersion, CancellationToken cancellationToken = default)
    {
        var result = await ChangeAsync(id, rowVersion, message =>
        {
            if (message.State is OutboxMessageState.Sent or OutboxMessageState.Sending)
            {
                return new Problem("This message was sent or is being sent; it cannot be sent again.");
            }

            if (OutboxPersonalData.IsErased(message))
            {
                return new Problem("The recipient's personal data was erased; this message cannot be sent again.");
            }

            message.State = OutboxMessageState.Queued;
            message.NextAttemptAt = null;
            message.Attempts = 0;
            return null;
        }, cancellationToken);
        if (result.Succeeded)
        {
            services.GetRequiredService<MailQueue>().QueueDelivery(id);
        }

        return result;
    }

    /// <summary>Cancels a message that was not sent yet (queued, not sent or failed): it is never sent.</summary>
    /// <param name="id">The message.</param>
    /// <param name="rowVersion">The message's <see cref="OutboxMessage.RowVersion"/> when the administrator saw it.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>Saved, not found, a conflict when the message changed since, or invalid when it was sent, is being sent or is cancelled.</returns>
    public Task<ChangeResult> CancelAsync(Guid id, Guid rowVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, rowVersion, message =>
        {
            if (message.State is OutboxMessageState.Sent or OutboxMessageState.Sending or OutboxMessageState.Cancelled)
            {
                return new Problem("This message was sent, is being sent or is cancelled already; it cannot be cancelled.");
            }

            message.State = OutboxMessageState.Cancelled;
            message.NextAttemptAt = null;
            return null;
        }, cancellationToken);

    internal static bool IsDue(OutboxMessage message, DateTimeOffset now) => message.State switch
    {
        OutboxMessageState.Queued => message.NextAttemptAt is null || message.NextAttemptAt <= now,
        OutboxMessageState.Sending => message.NextAttemptAt is null || message.NextAttemptAt <= now,
        _ => false,
    };

    private async Task<ChangeResult> ChangeAsync(Guid id, Guid rowVersion, Func<OutboxMessage, Problem?> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null)
        {
            return ChangeResult.NotFound();
        }

        var conflict = ChangeResult.Conflict(new Problem("Someone else changed this message meanwhile, or it was sent. Nothing was changed: reload and try again."));
        if (message.RowVersion != rowVersion)
        {
            return conflict;
        }

        if (change(message) is { } problem)
        {
            return ChangeResult.Invalid("", problem);
        }

        db.Entry(message).Property(m => m.RowVersion).OriginalValue = rowVersion;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return conflict;
        }

        return new ChangeResult(ChangeStatus.Saved, new Dictionary<string, Problem[]>());
    }

    // Another worker (a retry racing the sweep) changed the message first: it owns this attempt.
    private static async Task<bool> SaveUnlessTakenAsync(CrmDbContext db, Guid messageId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task<(string Outcome, string? Answer)> SendAsync(MimeKit.MimeMessage mime, CancellationToken cancellationToken)
    {
        using var smtp = new SmtpClient { Timeout = (int)settings.SmtpTimeout.TotalMilliseconds };
        try
        {
            var options = settings.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            };
            await smtp.ConnectAsync(settings.Host!, settings.Port, options, cancellationToken);
            if (settings.User is not null)
            {
                await smtp.AuthenticateAsync(settings.User, settings.Password ?? "", cancellationToken);
            }

            var answer = await smtp.SendAsync(mime, cancellationToken);
            await DisconnectQuietlyAsync(smtp);
            return (OutboxAttemptOutcomes.Sent, answer);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
        {
            logger.LogWarning("The mail server refused message {MessageId}: {StatusCode} {Answer}", mime.MessageId, (int)e.StatusCode, e.Message);
            await DisconnectQuietlyAsync(smtp);
            return (OutboxAttemptOutcomes.PermanentFailure, $"{(int)e.StatusCode} {e.Message}");
        }
        catch (SmtpCommandException e)
        {
            logger.LogWarning("The mail server deferred message {MessageId}: {StatusCode} {Answer}", mime.MessageId, (int)e.StatusCode, e.Message);
            await DisconnectQuietlyAsync(smtp);
            return (OutboxAttemptOutcomes.TransientFailure, $"{(int)e.StatusCode} {e.Message}");
        }
        catch (AuthenticationException e)
        {
            // Wrong credentials fail every message the same way until an administrator fixes the settings.
            logger.LogWarning("The mail server refused the credentials of {User}: {Answer}", settings.User, e.Message);
            return (OutboxAttemptOutcomes.PermanentFailure, e.Message);
        }
        catch (Exception e) when (e is SmtpProtocolException or SocketException or IOException or TimeoutException or SslHandshakeException or ServiceNotConnectedException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning("Message {MessageId} could not be handed to {Host}:{Port}: {Error}", mime.MessageId, settings.Host, settings.Port, e.Message);
            return (OutboxAttemptOutcomes.TransientFailure, e.Message);
        }
    }

    private static async Task DisconnectQuietlyAsync(SmtpClient smtp)
    {
        if (!smtp.IsConnected)
        {
            return;
        }

        try
        {
            await smtp.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception e) when (e is SmtpProtocolException or IOException or SocketException or SmtpCommandException)
        {
            // The message's fate is known; a connection that does not close politely changes nothing.
        }
    }

    private static string? Truncate(string? text) =>
        text is { Length: > OutboxModel.ServerAnswerLength } ? text[..OutboxModel.ServerAnswerLength] : text;
}
