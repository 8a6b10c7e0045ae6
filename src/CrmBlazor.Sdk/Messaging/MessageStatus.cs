namespace CrmBlazor.Sdk.Messaging;

/// <summary>Where a queued message is on its way, as its sender reads it (<c>PluginDbContext.GetMessageStatusesAsync</c>).</summary>
public enum MessageDeliveryState
{
    /// <summary>Waiting to be sent, or being handed to the mail server now; after a transient failure it is retried later (<see cref="MessageStatus.LastAnswer"/> says why).</summary>
    Queued,

    /// <summary>Accepted by the mail server at <see cref="MessageStatus.SentAt"/>.</summary>
    Sent,

    /// <summary>Kept in the outbox because no mail server is configured: nothing left the machine, and it is sent only when an administrator retries it.</summary>
    NotSent,

    /// <summary>Refused by the mail server (<see cref="MessageStatus.LastAnswer"/> is its answer), or still failing after the last retry; not retried unless an administrator does.</summary>
    Failed,

    /// <summary>Cancelled by an administrator before it was sent.</summary>
    Cancelled,
}

/// <summary>
/// The delivery state of a message its sender queued with <c>Send</c>, read back by its idempotency key.
/// A snapshot: delivery goes on in the background, so read it again to show it again.
/// </summary>
/// <param name="MessageId">The message's id in the outbox; administrators open it at <c>/admin/outbox/{id}</c> (<see cref="OutboxAddress"/>).</param>
/// <param name="IdempotencyKey">The key it was queued with.</param>
/// <param name="State">Where it is.</param>
/// <param name="QueuedAt">When it was stored in the outbox (the commit of the change that sent it).</param>
/// <param name="SentAt">When the mail server accepted it; null unless <see cref="State"/> is <see cref="MessageDeliveryState.Sent"/>.</param>
/// <param name="LastAnswer">
/// The mail server's last answer as it gave it (not translated), such as <c>5.7.1 Mailbox unavailable</c>
/// when <see cref="MessageDeliveryState.Failed"/> or when a <see cref="MessageDeliveryState.Queued"/>
/// message waits for a retry; null otherwise.
/// </param>
public sealed record MessageStatus(
    Guid MessageId, string IdempotencyKey, MessageDeliveryState State, DateTimeOffset QueuedAt, DateTimeOffset? SentAt, string? LastAnswer)
{
    /// <summary>The address of the message on the outbox page, which only administrators may open.</summary>
    public string OutboxAddress => $"/admin/outbox/{MessageId}";
}

/// <summary>Reads the delivery state of a context's own messages; implemented by the host over its outbox.</summary>
internal interface IMessageStatusReader
{
    /// <summary>The statuses of the messages with these keys that the context's owner queued (others are left out).</summary>
    Task<IReadOnlyDictionary<string, MessageStatus>> ReadAsync(Microsoft.EntityFrameworkCore.DbContext context, IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken);
}
