using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Sdk.Events;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Webhooks;

/// <summary>
/// Turns a committed domain event into one delivery per enabled subscription to each of its webhook
/// types. Runs through the event outbox, so only committed events are delivered, and a crash after the
/// commit still delivers; a retry writes nothing twice (one delivery per subscription, event and type).
/// </summary>
/// <typeparam name="TEvent">The domain event.</typeparam>
internal sealed class WebhookFanOut<TEvent>(IDbContextFactory<CrmDbContext> contexts, PluginCatalog catalog, WebhookQueue queue, TimeProvider clock)
    : IDomainEventHandler<TEvent>
    where TEvent : IDomainEvent
{
    public async Task HandleAsync(TEvent domainEvent, DomainEventContext context, CancellationToken cancellationToken)
    {
        var types = catalog.Active.SelectMany(a => a.Contributions.WebhookEvents).Where(w => w.EventType == typeof(TEvent))
            .Select(w => (w.Type, Subject: w.Subject(domainEvent), Data: w.Payload(domainEvent)))
            .Where(w => w.Data is not null)
            .ToList();
        if (types.Count == 0)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Enabled).ToListAsync(cancellationToken);
        var existing = await db.WebhookDeliveries.Where(d => d.EventId == context.EventId).Select(d => new { d.SubscriptionId, d.EventType }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var touched = new HashSet<long>();
        foreach (var subscription in subscriptions)
        {
            var subscribed = subscription.Types;
            foreach (var (type, subject, data) in types)
            {
                if (!subscribed.Contains(type) || existing.Any(e => e.SubscriptionId == subscription.Id && e.EventType == type))
                {
                    continue;
                }

                db.WebhookDeliveries.Add(NewDelivery(subscription.Id, context.EventId, type, subject, data!, context.OccurredAt, now));
                touched.Add(subscription.Id);
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
        foreach (var id in touched)
        {
            queue.QueueSending(id);
        }
    }

    /// <summary>A pending delivery with its Standard Webhooks body: <c>{"type", "timestamp", "data"}</c>.</summary>
    internal static WebhookDelivery NewDelivery(long subscriptionId, Guid eventId, string type, string subject, object data, DateTimeOffset occurredAt, DateTimeOffset now) => new()
    {
        SubscriptionId = subscriptionId,
        EventId = eventId,
        EventType = type,
        WebhookId = WebhookIdOf(eventId, subscriptionId, type),
        Subject = subject.Length > 200 ? subject[..200] : subject,
        Payload = JsonSerializer.Serialize(new { type, timestamp = occurredAt.UtcDateTime, data }, JsonSerializerOptions.Web),
        OccurredAt = occurredAt,
        CreatedAt = now,
        NextAttemptAt = now,
        State = WebhookDeliveryState.Pending,
        ClaimToken = Guid.NewGuid(),
    };

    /// <summary><c>msg_</c> and a digest of the event, the subscription and the type: the same on every attempt and redelivery.</summary>
    internal static string WebhookIdOf(Guid eventId, long subscriptionId, string type) =>
        "msg_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(FormattableString.Invariant($"{eventId:N}/{subscriptionId}/{type}"))).AsSpan(0, 16));
}
