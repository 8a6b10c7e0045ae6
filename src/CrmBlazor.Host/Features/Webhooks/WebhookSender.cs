using System.Diagnostics;
using System.Globalization;
using System.Text;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Plugins;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Webhooks;

/// <summary>
/// Sends a subscription's due deliveries: per subject strictly in the order the events occurred (a later
/// event waits while an earlier one is pending), each signed the Standard Webhooks way.
/// </summary>
/// <remarks>
/// A delivery is claimed (its next attempt moved to the end of <see cref="WebhookSettings.Claim"/>,
/// committed) before the request starts; a process that dies mid-request leaves it claimed, and it is
/// sent again with the same <c>webhook-id</c> once the claim has run out. 2xx is delivered; anything else
/// is retried after <see cref="WebhookSettings.RetryDelays"/>, then the delivery fails.
/// </remarks>
public sealed class WebhookSender(
    IDbContextFactory<CrmDbContext> contexts,
    IHttpClientFactory clients,
    WebhookSettings settings,
    PluginCatalog catalog,
    TimeProvider clock,
    IServiceProvider services,
    ILogger<WebhookSender> logger)
{
    /// <summary>The name of the HTTP client deliveries go through.</summary>
    public const string ClientName = "webhooks";

    private const int Batch = 20;

    /// <summary>Sends every delivery of the subscription that is due and first in its subject's line.</summary>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="cancellationToken">Signalled when the host shuts down.</param>
    [AutomaticRetry(Attempts = 0)]
    public async Task SendDueAsync(long subscriptionId, CancellationToken cancellationToken)
    {
        for (var round = 0; round < 50; round++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var subscription = await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken);
            if (subscription is not { Enabled: true })
            {
                return;
            }

            var now = clock.GetUtcNow();
            var barrier = await UnfannedSinceAsync(db, cancellationToken);
            var due = await Heads(db, subscriptionId)
                .Where(d => d.NextAttemptAt <= now && (barrier == null || d.OccurredAt < barrier))
                .OrderBy(d => d.OccurredAt).ThenBy(d => d.Id).Take(Batch).ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                if (barrier is not null)
                {
                    // An earlier event is still being fanned out; its deliveries may come first.
                    services.GetRequiredService<WebhookQueue>().QueueSending(subscriptionId, now + TimeSpan.FromSeconds(5));
                }

                return;
            }

            foreach (var delivery in due)
            {
                // After a conflict the context is cleared: the rest of the batch is read again.
                if (!await SendAsync(db, subscription, delivery, cancellationToken))
                {
                    break;
                }
            }
        }

        services.GetRequiredService<WebhookQueue>().QueueSending(subscriptionId);
    }

    /// <summary>The pending deliveries of a subscription that no earlier pending delivery of the same subject precedes.</summary>
    internal static IQueryable<WebhookDelivery> Heads(CrmDbContext db, long subscriptionId) =>
        db.WebhookDeliveries.Where(d => d.SubscriptionId == subscriptionId && d.State == WebhookDeliveryState.Pending
            && !db.WebhookDeliveries.Any(e => e.SubscriptionId == subscriptionId && e.Subject == d.Subject && e.State == WebhookDeliveryState.Pending
                && (e.OccurredAt < d.OccurredAt || (e.OccurredAt == d.OccurredAt && e.Id < d.Id))));

    // The time of the earliest committed event of a webhook type whose fan-out has not happened yet: its
    // deliveries are not written, and a later event of the same subject must not overtake them.
    private async Task<DateTimeOffset?> UnfannedSinceAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        var fanOuts = catalog.Active.SelectMany(a => a.Contributions.EventSubscriptions)
            .Where(s => s.HandlerType.IsGenericType && s.HandlerType.GetGenericTypeDefinition() == typeof(WebhookFanOut<>)).ToList();
        var names = fanOuts.Select(s => s.EventName).Distinct().ToList();
        var subscribers = fanOuts.Select(s => s.SubscriberId).ToList();
        return await db.DomainEvents
            .Where(e => e.CompletedAt == null && names.Contains(e.Name)
                && !db.DomainEventDeliveries.Any(d => d.EventId == e.Id && subscribers.Contains(d.Subscriber) && d.DeliveredAt != null)
                && !db.WebhookDeliveries.Any(d => d.EventId == e.Id))
            .OrderBy(e => e.OccurredAt).Select(e => (DateTimeOffset?)e.OccurredAt).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<bool> SendAsync(CrmDbContext db, WebhookSubscription subscription, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        // The claim is committed before the receiver hears of the delivery.
        var now = clock.GetUtcNow();
        delivery.NextAttemptAt = now + settings.Claim;
        delivery.Attempts++;
        delivery.ClaimToken = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another sender claimed it first, or an administrator redelivered it.
            db.ChangeTracker.Clear();
            return false;
        }

        var attempt = await PostAsync(subscription, delivery, cancellationToken);
        var finished = clock.GetUtcNow();
        attempt.At = finished;
        db.WebhookAttempts.Add(attempt);
        var succeeded = attempt.StatusCode is >= 200 and < 300;
        if (succeeded)
        {
            delivery.State = WebhookDeliveryState.Delivered;
            delivery.DeliveredAt = finished;
        }
        else if (settings.DelayAfter(delivery.Attempts) is { } delay)
        {
            delivery.NextAttemptAt = finished + delay;
        }
        else
        {
            delivery.State = WebhookDeliveryState.Failed;
        }

        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Redelivered meanwhile: that stands; the attempt is still recorded.
            db.ChangeTracker.Clear();
            db.WebhookAttempts.Add(new WebhookAttempt { DeliveryId = delivery.Id, At = attempt.At, StatusCode = attempt.StatusCode, Error = attempt.Error, DurationMs = attempt.DurationMs, ResponseExcerpt = attempt.ResponseExcerpt });
            await db.SaveChangesAsync(CancellationToken.None);
            return false;
        }

        // The subscription's health, without touching its row version (an administrator may be editing it).
        if (succeeded)
        {
            await db.WebhookSubscriptions.Where(s => s.Id == subscription.Id && s.FailingSince != null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.FailingSince, (DateTimeOffset?)null), CancellationToken.None);
        }
        else
        {
            await db.WebhookSubscriptions.Where(s => s.Id == subscription.Id && s.FailingSince == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.FailingSince, (DateTimeOffset?)now), CancellationToken.None);
            if (delivery.State == WebhookDeliveryState.Pending)
            {
                services.GetRequiredService<WebhookQueue>().QueueSending(subscription.Id, delivery.NextAttemptAt);
            }
        }

        return true;
    }

    private async Task<WebhookAttempt> PostAsync(WebhookSubscription subscription, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", delivery.WebhookId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(subscription.Secret, delivery.WebhookId, timestamp, delivery.Payload));
        request.Headers.UserAgent.ParseAdd("CrmBlazor-Webhooks/1");

        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(WebhookSettings.RequestTimeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var excerpt = await ExcerptAsync(response, timeout.Token);
            return new WebhookAttempt { DeliveryId = delivery.Id, StatusCode = (int)response.StatusCode, DurationMs = (int)watch.ElapsedMilliseconds, ResponseExcerpt = excerpt };
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var error = e is TaskCanceledException ? "No answer within 10 seconds." : Describe(e);
            logger.LogWarning("Webhook delivery {WebhookId} to subscription {SubscriptionId} failed: {Error}", delivery.WebhookId, subscription.Id, error);
            return new WebhookAttempt { DeliveryId = delivery.Id, Error = Truncate(error, 500), DurationMs = (int)watch.ElapsedMilliseconds };
        }
    }

    private static string Describe(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is WebhookTargetRefusedException)
            {
                return inner.Message;
            }
        }

        return e.InnerException is { } cause ? $"{e.Message} {cause.Message}" : e.Message;
    }

    private static async Task<string?> ExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[WebhookAttempt.ExcerptLength];
        var read = 0;
        while (read < buffer.Length && await stream.ReadAsync(buffer.AsMemory(read), cancellationToken) is var n and > 0)
        {
            read += n;
        }

        if (read == 0)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, read);
        return Truncate(text, WebhookAttempt.ExcerptLength);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
