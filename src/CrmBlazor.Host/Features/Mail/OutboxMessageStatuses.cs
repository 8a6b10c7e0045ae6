using CrmBlazor.Data;
using CrmBlazor.Data.Modeling;
using CrmBlazor.Data.Outbox;
using CrmBlazor.Sdk.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CrmBlazor.Host.Features.Mail;

/// <summary>
/// The host's side of <c>PluginDbContext.GetMessageStatusesAsync</c>: reads the outbox through the asking
/// context itself (the outbox is mapped into every plugin context), limited to the messages stored under
/// that context's owner, the same owner the outbox interceptor stored them under. A plugin therefore reads
/// its own messages and no one else's, whatever keys it asks for.
/// </summary>
internal sealed class OutboxMessageStatuses : IMessageStatusReader
{
    public async Task<IReadOnlyDictionary<string, MessageStatus>> ReadAsync(DbContext context, IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken)
    {
        var owner = context.GetService<IDbContextOptions>().FindExtension<CrmModelOptionsExtension>()?.PluginId ?? CrmDbContextOptions.CoreOwnerId;
        var keys = idempotencyKeys.Distinct(StringComparer.Ordinal).ToList();
        var rows = await context.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Owner == owner && keys.Contains(m.IdempotencyKey))
            .Select(m => new { m.Id, m.IdempotencyKey, m.State, m.CreatedAt, m.SentAt, m.LastError })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(
            m => m.IdempotencyKey,
            m => new MessageStatus(m.Id, m.IdempotencyKey, StateOf(m.State), m.CreatedAt, m.State == OutboxMessageState.Sent ? m.SentAt : null, AnswerOf(m.State, m.LastError)),
            StringComparer.Ordinal);
    }

    private static MessageDeliveryState StateOf(OutboxMessageState state) => state switch
    {
        OutboxMessageState.Queued or OutboxMessageState.Sending => MessageDeliveryState.Queued,
        OutboxMessageState.Sent => MessageDeliveryState.Sent,
        OutboxMessageState.NotSent => MessageDeliveryState.NotSent,
        OutboxMessageState.Failed => MessageDeliveryState.Failed,
        OutboxMessageState.Cancelled => MessageDeliveryState.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "An outbox state the message statuses do not know."),
    };

    // Only a mail server's answer: the no-mail-server reason is the state itself, and a sent message's last error is history.
    private static string? AnswerOf(OutboxMessageState state, string? lastError) =>
        state is OutboxMessageState.Failed or OutboxMessageState.Queued ? lastError : null;
}
