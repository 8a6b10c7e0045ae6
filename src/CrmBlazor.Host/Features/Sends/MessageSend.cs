using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Sdk.Data;

namespace CrmBlazor.Host.Features.Sends;

/// <summary>Where a send stands.</summary>
public enum MessageSendState
{
    /// <summary>Recipients are being queued, at the pace the throttle allows.</summary>
    Sending,

    /// <summary>Every recipient was queued or left out.</summary>
    Completed,
}

/// <summary>
/// One use of a template: to a segment (a campaign) or to one contact. Its recipients are fixed when it
/// starts; a job queues their messages (<see cref="MessageSendJob"/>).
/// </summary>
public sealed class MessageSend
{
    /// <summary>Longest template key.</summary>
    public const int TemplateKeyLength = 200;

    /// <summary>The id.</summary>
    public long Id { get; set; }

    /// <summary>The template's key.</summary>
    public required string TemplateKey { get; set; }

    /// <summary>The template's title when the send started.</summary>
    public required string TemplateTitle { get; set; }

    /// <summary>The segment sent to, or null for a send to one person.</summary>
    public long? SegmentId { get; set; }

    /// <summary>The segment's name when the send started, or the person's name.</summary>
    public required string AudienceName { get; set; }

    /// <summary>The address the CRM is reached at, for the unsubscribe links (e.g. <c>https://crm.example/</c>).</summary>
    public required string PublicAddress { get; set; }

    /// <summary>Who started it (a user id).</summary>
    public required string StartedBy { get; set; }

    /// <summary>When it started.</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>When its last recipient was queued, or null.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Sending or completed.</summary>
    public MessageSendState State { get; set; }
}

/// <summary>Where one recipient of a send stands.</summary>
public enum RecipientState
{
    /// <summary>Waiting for the job.</summary>
    Pending,

    /// <summary>Their message is in the outbox.</summary>
    Queued,

    /// <summary>Not sent: <see cref="MessageSendRecipient.Reason"/> says why.</summary>
    LeftOut,
}

/// <summary>
/// One person a send is for (a contact, or a person customer). Not audited: a campaign writes thousands,
/// and the outbox keeps what was sent.
/// </summary>
[NotAudited]
public sealed class MessageSendRecipient : IVersionedEntity
{
    /// <summary>The id.</summary>
    public long Id { get; set; }

    /// <summary>The send.</summary>
    public long SendId { get; set; }

    /// <summary>The customer.</summary>
    public long CustomerId { get; set; }

    /// <summary>The contact, or null for a person customer (or a company without a contact).</summary>
    public long? ContactId { get; set; }

    /// <summary>The name the message is addressed to.</summary>
    public required string Name { get; set; }

    /// <summary>The address, or null.</summary>
    public string? Email { get; set; }

    /// <summary>Pending, queued or left out.</summary>
    public RecipientState State { get; set; }

    /// <summary>Why they were left out, or null.</summary>
    public LeftOutReason? Reason { get; set; }

    /// <summary>When their message was queued.</summary>
    public DateTimeOffset? QueuedAt { get; set; }

    /// <summary>The subject they were sent.</summary>
    public string? Subject { get; set; }

    /// <summary>The language the message was written in.</summary>
    public string? Language { get; set; }

    /// <summary>SHA-256 of the token of their unsubscribe link (the token itself is only in the message).</summary>
    public string? UnsubscribeTokenHash { get; set; }

    /// <summary>When they used their unsubscribe link, or null.</summary>
    public DateTimeOffset? UnsubscribedAt { get; set; }

    /// <inheritdoc />
    public Guid RowVersion { get; set; }

    /// <summary>The outbox idempotency key of their message: the send, the customer and the contact.</summary>
    public string MessageKey => MessageKeyOf(SendId, CustomerId, ContactId);

    /// <summary>The outbox idempotency key of a recipient's message.</summary>
    /// <param name="sendId">The send.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="contactId">The contact, or null.</param>
    public static string MessageKeyOf(long sendId, long customerId, long? contactId) =>
        FormattableString.Invariant($"crm:send:{sendId}:{customerId}:{contactId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}");
}
