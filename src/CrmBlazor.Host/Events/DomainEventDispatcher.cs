using System.Text.Json;
using CrmBlazor.Data.Outbox;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Identity;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Sdk.Events;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Events;

/// <summary>
/// Delivers a stored domain event to every subscriber that has not received it yet, each in a scope
/// of its own. A subscriber's success is recorded, so a retry reaches only those that failed.
/// </summary>
public sealed class DomainEventDispatcher(
    IDbContextFactory<CrmDbContext> contexts,
    IServiceScopeFactory scopes,
    PluginCatalog catalog,
    TimeProvider clock,
    ILogger<DomainEventDispatcher> logger)
{
    /// <summary>Delivers the event; throws if a subscriber failed, so that Hangfire retries.</summary>
    /// <param name="eventId">The stored event's id.</param>
    /// <param name="cancellationToken">Signalled when the host shuts down.</param>
    [AutomaticRetry(Attempts = 5)]
    public async Task DeliverAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.DomainEvents.FirstOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        if (stored is null || stored.CompletedAt is not null)
        {
            return;
        }

        var deliveries = await db.DomainEventDeliveries.Where(d => d.EventId == eventId).ToDictionaryAsync(d => d.Subscriber, cancellationToken);
        var failures = new List<Exception>();
        foreach (var subscription in catalog.SubscriptionsTo(stored.Name))
        {
            if (!deliveries.TryGetValue(subscription.SubscriberId, out var delivery))
            {
                delivery = new DomainEventDelivery { EventId = eventId, Subscriber = subscription.SubscriberId };
                db.DomainEventDeliveries.Add(delivery);
                deliveries[subscription.SubscriberId] = delivery;
            }

            if (delivery.DeliveredAt is not null)
            {
                continue;
            }

            delivery.Attempts++;
            try
            {
                await DeliverToAsync(subscription, stored, delivery.Attempts, cancellationToken);
                delivery.DeliveredAt = clock.GetUtcNow();
                delivery.LastError = null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                delivery.LastError = PluginDiscovery.Describe(e);
                failures.Add(e);
                logger.LogError(e, "Delivering event {EventName} {EventId} to {Subscriber} failed", stored.Name, eventId, subscription.SubscriberId);
            }
        }

        if (failures.Count == 0)
        {
            stored.CompletedAt = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(CancellationToken.None);
        if (failures.Count > 0)
        {
            throw new AggregateException($"Event {stored.Name} {eventId}: {failures.Count} subscriber(s) failed.", failures);
        }
    }

    private async Task DeliverToAsync(EventSubscription subscription, DomainEventRecord stored, int attempt, CancellationToken cancellationToken)
    {
        var domainEvent = JsonSerializer.Deserialize(stored.Payload, subscription.EventType, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The event payload is empty.");
        using var actor = CrmActor.Use(new CrmActor(null, $"event {stored.Name} → {subscription.OwnerId}"));
        await using var scope = scopes.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService(subscription.HandlerType);
        var handle = typeof(IDomainEventHandler<>).MakeGenericType(subscription.EventType).GetMethod(nameof(IDomainEventHandler<IDomainEvent>.HandleAsync))!;
        var context = new DomainEventContext(stored.Id, stored.OccurredAt, attempt);
        await (Task)handle.Invoke(handler, [domainEvent, context, cancellationToken])!;
    }
}
