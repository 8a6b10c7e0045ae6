using System.Runtime.CompilerServices;
using System.Text.Json;
using CrmBlazor.Data.Outbox;
using CrmBlazor.Host.Events;
using CrmBlazor.Sdk.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmBlazor.Host.Data.Interceptors;

/// <summary>
/// Stores the events a context published in the same transaction as its other changes, and queues
/// their delivery once the save succeeded. Deliveries that never got queued (a crash between commit
/// and queueing) are picked up by the outbox sweep.
/// </summary>
internal sealed class OutboxInterceptor(TimeProvider clock, IServiceProvider services) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<Guid>> _stored = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Store(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Store(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        QueueDeliveries(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        QueueDeliveries(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Store(DbContext? context)
    {
        if (context is not IDomainEventSource source)
        {
            return;
        }

        var events = source.TakePendingEvents();
        if (events.Count == 0)
        {
            return;
        }

        var ids = _stored.GetOrCreateValue(context);
        foreach (var domainEvent in events)
        {
            var record = new DomainEventRecord
            {
                Id = Guid.CreateVersion7(),
                Name = DomainEventAttribute.NameOf(domainEvent.GetType()),
                Payload = JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), JsonSerializerOptions.Web),
                OccurredAt = clock.GetUtcNow(),
            };
            context.Add(record);
            ids.Add(record.Id);
        }
    }

    private void QueueDeliveries(DbContext? context)
    {
        if (context is null || !_stored.TryGetValue(context, out var ids))
        {
            return;
        }

        _stored.Remove(context);
        var queue = services.GetRequiredService<DomainEventQueue>();
        foreach (var id in ids)
        {
            queue.QueueDelivery(id);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _stored.Remove(context);
        }
    }
}
