using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CrmBlazor.Data;
using CrmBlazor.Data.Modeling;
using CrmBlazor.Data.Outbox;
using CrmBlazor.Host.Events;
using CrmBlazor.Host.Features.Mail;
using CrmBlazor.Sdk.Events;
using CrmBlazor.Sdk.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CrmBlazor.Host.Data.Interceptors;

/// <summary>
/// Stores the events a context published in the same transaction as its other changes, and queues
/// their delivery once that transaction committed: at once after a save without a transaction, at the
/// commit otherwise (the caller's transaction, or the one the audit interceptor opens around a save).
/// Events of a transaction that rolls back are never delivered. Deliveries whose queueing was lost (a
/// crash right after the commit) are picked up by the outbox sweep.
/// E-mail messages queued with <c>Send</c> take the same way into the mail outbox; a message whose
/// idempotency key is stored already is left out (the unique index settles two saves racing).
/// </summary>
internal sealed class OutboxInterceptor(TimeProvider clock, IServiceProvider services) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Stored> _saving = [];
    private readonly ConditionalWeakTable<DbContext, Stored> _awaitingCommit = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Store(eventData.Context);
        StoreMessagesAsync(eventData.Context, async: false, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Store(eventData.Context);
        await StoreMessagesAsync(eventData.Context, async: true, cancellationToken);
        return result;
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

        var ids = _saving.GetOrCreateValue(context).Events;
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

    private async Task StoreMessagesAsync(DbContext? context, bool async, CancellationToken cancellationToken)
    {
        if (context is not IOutgoingMessageSource source)
        {
            return;
        }

        var messages = source.TakePendingMessages();
        if (messages.Count == 0)
        {
            return;
        }

        // A key already stored, or queued twice in this save, is sent once: the later message is left out.
        var keys = messages.Select(m => m.IdempotencyKey).Distinct(StringComparer.Ordinal).ToList();
        var existing = context.Set<OutboxMessage>().Where(m => keys.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey);
        var taken = new HashSet<string>(async ? await existing.ToListAsync(cancellationToken) : [.. existing], StringComparer.Ordinal);
        taken.UnionWith(context.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.IdempotencyKey));

        var owner = context.GetService<IDbContextOptions>().FindExtension<CrmModelOptionsExtension>()?.PluginId ?? CrmDbContextOptions.CoreOwnerId;
        var domain = services.GetRequiredService<MailSettings>().MessageIdDomain;
        var ids = _saving.GetOrCreateValue(context).Messages;
        foreach (var message in messages)
        {
            if (!taken.Add(message.IdempotencyKey))
            {
                continue;
            }

            var id = Guid.CreateVersion7();
            context.Add(new OutboxMessage
            {
                Id = id,
                IdempotencyKey = message.IdempotencyKey,
                Owner = owner,
                Kind = message.Kind,
                Recipients = OutboxMime.WriteRecipients(message.To),
                Subject = message.Subject,
                HtmlBody = message.HtmlBody,
                TextBody = message.TextBody,
                Headers = message.Headers.Count == 0 ? null : JsonSerializer.Serialize(message.Headers),
                CustomerId = message.CustomerId,
                ContactId = message.ContactId,
                State = OutboxMessageState.Queued,
                CreatedAt = clock.GetUtcNow(),
                MessageIdHeader = $"{id:N}@{domain}",
                RowVersion = Guid.NewGuid(),
                Attachments = [.. message.Attachments.Select((a, i) => new OutboxAttachment
                {
                    Id = Guid.CreateVersion7(),
                    MessageId = id,
                    Position = i,
                    FileName = a.FileName,
                    ContentType = a.ContentType,
                    Content = a.Content,
                })],
            });
            ids.Add(id);
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_saving.TryGetValue(context, out var stored))
        {
            return;
        }

        _saving.Remove(context);
        var awaiting = _awaitingCommit.GetOrCreateValue(context);
        awaiting.Events.AddRange(stored.Events);
        awaiting.Messages.AddRange(stored.Messages);
        if (context.Database.CurrentTransaction is null)
        {
            QueueDeliveries(context);
        }
    }

    private void QueueDeliveries(DbContext? context)
    {
        if (context is null || !_awaitingCommit.TryGetValue(context, out var stored))
        {
            return;
        }

        _awaitingCommit.Remove(context);
        if (stored.Events.Count > 0)
        {
            var queue = services.GetRequiredService<DomainEventQueue>();
            foreach (var id in stored.Events)
            {
                queue.QueueDelivery(id);
            }
        }

        if (stored.Messages.Count > 0)
        {
            var mail = services.GetRequiredService<MailQueue>();
            foreach (var id in stored.Messages)
            {
                mail.QueueDelivery(id);
            }
        }
    }

    private static void Forget(ConditionalWeakTable<DbContext, Stored> table, DbContext? context)
    {
        if (context is not null)
        {
            table.Remove(context);
        }
    }

    private sealed class Stored
    {
        public List<Guid> Events { get; } = [];

        public List<Guid> Messages { get; } = [];
    }
}
