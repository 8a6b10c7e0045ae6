using System.Net;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Identity;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Sdk.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Webhooks;

/// <summary>
/// Every minute: queues the sender for each subscription with a due delivery (whose queueing was lost
/// with a process, or whose claim ran out after a crash), and disables subscriptions that have failed
/// continuously for <see cref="WebhookSettings.DisableAfterDays"/> days, telling their owner by e-mail.
/// </summary>
internal sealed class WebhookSweepJob(IDbContextFactory<CrmDbContext> contexts, WebhookQueue queue, WebhookSettings settings, TimeProvider clock) : IPluginJob
{
    public async Task RunAsync(JobRunContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var disabled = await DisableFailingAsync(db, now, cancellationToken);
        var due = await db.WebhookDeliveries.Where(d => d.State == WebhookDeliveryState.Pending && d.NextAttemptAt <= now)
            .Join(db.WebhookSubscriptions.Where(s => s.Enabled), d => d.SubscriptionId, s => s.Id, (d, s) => s.Id)
            .Distinct().ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            queue.QueueSending(id);
        }

        await context.ReportProgressAsync(100, $"{due.Count} subscription(s) queued, {disabled} disabled", cancellationToken);
    }

    /// <summary>Disables the subscriptions failing since before the limit and queues a mail to each one's owner.</summary>
    internal async Task<int> DisableFailingAsync(CrmDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var limit = now - TimeSpan.FromDays(settings.DisableAfterDays);
        var failing = await db.WebhookSubscriptions.Where(s => s.Enabled && s.FailingSince != null && s.FailingSince < limit).ToListAsync(cancellationToken);
        foreach (var subscription in failing)
        {
            subscription.Enabled = false;
            subscription.DisabledReason = $"Every delivery failed for {settings.DisableAfterDays} days.";
            var owner = subscription.OwnerUserId is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == subscription.OwnerUserId, cancellationToken);
            if (owner?.Email is { Length: > 0 } email)
            {
                var url = WebUtility.HtmlEncode(subscription.Url);
                db.Send(new OutgoingMessage
                {
                    To = [new MessageAddress(email, owner.DisplayName)],
                    Subject = "A webhook was disabled",
                    HtmlBody = $"<p>Every delivery to the webhook <strong>{url}</strong> has failed for {settings.DisableAfterDays} days, so the CRM has disabled it.</p>"
                        + "<p>Check the receiver, then enable the webhook again on the Webhooks page of the administration; the deliveries it missed can be sent again from its log.</p>",
                    TextBody = $"Every delivery to the webhook {subscription.Url} has failed for {settings.DisableAfterDays} days, so the CRM has disabled it.\n\n"
                        + "Check the receiver, then enable the webhook again on the Webhooks page of the administration; the deliveries it missed can be sent again from its log.",
                    IdempotencyKey = $"crm:webhook-disabled:{subscription.Id}:{subscription.FailingSince!.Value.ToUnixTimeSeconds()}",
                });
            }
        }

        using var actor = CrmActor.Use(new CrmActor(null, "webhook health check"));
        await db.SaveChangesAsync(cancellationToken);
        return failing.Count;
    }
}
