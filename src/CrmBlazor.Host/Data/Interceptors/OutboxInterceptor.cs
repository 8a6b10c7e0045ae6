using System.Data.Common;
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
/// their delivery once that transaction committed: at once after a save without a transaction, at the
/// commit otherwise (the caller's transaction, or the one the audit interceptor opens around a save).
/// Events of a transaction that rolls back are never delivered. Deliveries whose queueing was lost (a
/// crash right after the commit) are picked up by the outbox sweep.
/// </summary>
internal sealed class OutboxInterceptor(TimeProvider clock, IServiceProvider services) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<Guid>> _saving = [];
    private readonly ConditionalWeakTable<DbContext, List<Guid>> _awaitingCommit = [];

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
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(_saving, eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(_saving, eventData.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => QueueDeliveries(eventData.Context);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        QueueDeliveries(eventData.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(_awaitingCommit, eventData.Context);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Forget(_awaitingCommit, eventData.Context);
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

        var ids = _saving.GetOrCreateValue(context);
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

    private void Saved(DbContext? context)
    {
        if (context is null || !_saving.TryGetValue(context, out var ids))
        {
            return;
        }

        _saving.Remove(context);
        _awaitingCommit.GetOrCreateValue(context).AddRange(ids);
        if (context.Database.CurrentTransaction is null)
        {
            QueueDeliveries(context);
        }
    }

    private void QueueDeliveries(DbContext? context)
    {
        if (context is null || !_awaitingCommit.TryGetValue(context, out var ids))
        {
            return;
        }

        _awaitingCommit.Remove(context);
        var queue = services.GetRequiredService<DomainEventQueue>();
        foreach (var id in ids)
        {
            queue.QueueDelivery(id);
        }
    }

    private static void Forget(ConditionalWeakTable<DbContext, List<Guid>> table, DbContext? context)
    {
        if (context is not null)
        {
            table.Remove(context);
        }
    }
}
