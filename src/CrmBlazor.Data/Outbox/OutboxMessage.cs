using CrmBlazor.Sdk.Data;
using CrmBlazor.Sdk.Messaging;

namespace CrmBlazor.Data.Outbox;

/// <summary>
/// An e-mail message waiting in, or delivered from, the mail outbox. It is stored in the same
/// transaction as the change that caused it and delivered by a job afterwards.
/// </summary>
[NotAudited]
public sealed class OutboxMessage : IVersionedEntity
{
    /// <summary>The message id (a version 7 GUID, so that ids sort by creation).</summary>
    public Guid Id { get; set; }

    /// <summary>The sender's key for this message: a second message with the same key is not stored again.</summary>
    public required string IdempotencyKey { get; set; }

    /// <summary>Who queued it: <c>crm</c> for the core, or the plugin's id.</summary>
    public required string Owner { get; set; }

    /// <summary>Transactional or campaign.</summary>
    public MessageKind Kind { get; set; }

    /// <summary>The recipients as a JSON array of <c>{ "email": ..., "name": ... }</c>.</summary>
    public required string Recipients { get; set; }

    /// <summary>The subject.</summary>
    public required string Subject { get; set; }

    /// <summary>The HTML body.</summary>
    public required string HtmlBody { get; set; }

    /// <summary>The plain-text body, or null for an HTML-only message.</summary>
    public string? TextBody { get; set; }

    /// <summary>Extra headers as a JSON object of names and values (such as <c>List-Unsubscribe</c>), or null.</summary>
    public string? Headers { get; set; }

    /// <summary>The customer the message concerns, or null.</summary>
    public long? CustomerId { get; set; }

    /// <summary>The contact the message concerns, or null.</summary>
    public long? ContactId { get; set; }

    /// <summary>Where the message is on its way.</summary>
    public OutboxMessageState State { get; set; }

    /// <summary>How many delivery attempts were made since the message was queued or an administrator last retried it (every attempt is in <see cref="OutboxAttempt"/>).</summary>
    public int Attempts { get; set; }

    /// <summary>When it was queued.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// When the next attempt is due (Queued after a transient failure), or, while the message is Sending,
    /// when the sender's claim ends (after which the sweep sends it again); null otherwise.
    /// </summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>When the mail server accepted it, or null.</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The mail server's last answer, or why the message was not sent.</summary>
    public string? LastError { get; set; }

    /// <summary>
    /// The RFC 5322 <c>Message-ID</c> used for every attempt (derived from <see cref="Id"/> and the
    /// sender's domain), so that a receiver can drop a copy sent twice.
    /// </summary>
    public required string MessageIdHeader { get; set; }

    /// <inheritdoc />
    public Guid RowVersion { get; set; }

    /// <summary>The attachments, in order.</summary>
    public List<OutboxAttachment> Attachments { get; set; } = [];
}

/// <summary>Where an <see cref="OutboxMessage"/> is on its way.</summary>
public enum OutboxMessageState
{
    /// <summary>Waiting to be sent (at once, or at <see cref="OutboxMessage.NextAttemptAt"/>).</summary>
    Queued,

    /// <summary>Being handed to the mail server; a message left here by a crash is sent again by the sweep.</summary>
    Sending,

    /// <summary>Accepted by the mail server.</summary>
    Sent,

    /// <summary>Refused by the mail server, or still failing after the last retry.</summary>
    Failed,

    /// <summary>Kept in the outbox because no mail server is configured; sent only when an administrator retries it.</summary>
    NotSent,

    /// <summary>Cancelled by an administrator before it was sent.</summary>
    Cancelled,
}

/// <summary>A file attached to an <see cref="OutboxMessage"/>.</summary>
[NotAudited]
public sealed class OutboxAttachment
{
    /// <summary>The attachment id.</summary>
    public Guid Id { get; set; }

    /// <summary>The message.</summary>
    public Guid MessageId { get; set; }

    /// <summary>Its place among the message's attachments, from 0.</summary>
    public int Position { get; set; }

    /// <summary>The file name the recipient sees.</summary>
    public required string FileName { get; set; }

    /// <summary>The MIME type, such as <c>application/pdf</c>.</summary>
    public required string ContentType { get; set; }

    /// <summary>The file's bytes.</summary>
    public required byte[] Content { get; set; }
}

/// <summary>One attempt at delivering an <see cref="OutboxMessage"/>.</summary>
[NotAudited]
public sealed class OutboxAttempt
{
    /// <summary>The attempt id.</summary>
    public long Id { get; set; }

    /// <summary>The message.</summary>
    public Guid MessageId { get; set; }

    /// <summary>When the attempt was made.</summary>
    public DateTimeOffset AttemptedAt { get; set; }

    /// <summary>What came of it: one of <see cref="OutboxAttemptOutcomes"/>.</summary>
    public required string Outcome { get; set; }

    /// <summary>The mail server's answer, or why the attempt failed; null when there was nothing to say.</summary>
    public string? ServerAnswer { get; set; }
}

/// <summary>The outcomes of an <see cref="OutboxAttempt"/>.</summary>
public static class OutboxAttemptOutcomes
{
    /// <summary>The mail server accepted the message.</summary>
    public const string Sent = "Sent";

    /// <summary>A failure worth retrying: no connection, a time-out, a 4xx answer.</summary>
    public const string TransientFailure = "TransientFailure";

    /// <summary>The mail server refused the message for good (a 5xx answer).</summary>
    public const string PermanentFailure = "PermanentFailure";

    /// <summary>No mail server is configured; nothing left the machine.</summary>
    public const string NoMailServer = "NoMailServer";
}
