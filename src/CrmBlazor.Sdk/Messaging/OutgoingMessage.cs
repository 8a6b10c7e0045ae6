using System.Net.Mail;

namespace CrmBlazor.Sdk.Messaging;

/// <summary>An e-mail address, with the name shown next to it.</summary>
/// <param name="Email">The address, such as <c>meena@example.com</c>.</param>
/// <param name="Name">The display name in any script, or null.</param>
public sealed record MessageAddress(string Email, string? Name = null);

/// <summary>A file attached to an <see cref="OutgoingMessage"/>.</summary>
/// <param name="FileName">The file name the recipient sees, such as <c>INV-2026-0042.pdf</c>.</param>
/// <param name="ContentType">The MIME type, such as <c>application/pdf</c>.</param>
/// <param name="Content">The file's bytes, sent as they are.</param>
public sealed record MessageAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>
/// An e-mail message to queue with <c>PluginDbContext.Send</c>: it is stored in the same transaction as
/// the changes it follows from and delivered by the host afterwards, through the mail server the
/// administrator configured (or kept in the outbox, unsent, when there is none).
/// </summary>
/// <remarks>
/// The <see cref="IdempotencyKey"/> makes queueing safe to repeat: a message whose key is already stored
/// is not stored again and sent once. Build the key from what the message is about, such as
/// <c>invoicing:invoice-sent:42</c>, not from the time or a random value.
/// </remarks>
public sealed record OutgoingMessage
{
    /// <summary>Longest <see cref="IdempotencyKey"/>.</summary>
    public const int MaxIdempotencyKeyLength = 200;

    /// <summary>Longest <see cref="Subject"/> (the length of a header line in RFC 5322).</summary>
    public const int MaxSubjectLength = 998;

    /// <summary>Longest attachment file name.</summary>
    public const int MaxFileNameLength = 255;

    /// <summary>Longest attachment MIME type.</summary>
    public const int MaxContentTypeLength = 100;

    /// <summary>The recipients (at least one), each sent the same message with all of them in <c>To</c>.</summary>
    public required IReadOnlyList<MessageAddress> To { get; init; }

    /// <summary>The subject, in any script.</summary>
    public required string Subject { get; init; }

    /// <summary>The HTML body (a complete document or a fragment); encode every value you insert into it.</summary>
    public required string HtmlBody { get; init; }

    /// <summary>The plain-text alternative of the body, or null.</summary>
    public string? TextBody { get; init; }

    /// <summary>The attachments, in order.</summary>
    public IReadOnlyList<MessageAttachment> Attachments { get; init; } = [];

    /// <summary>The customer the message concerns, or null; the outbox shows it with the customer.</summary>
    public long? CustomerId { get; init; }

    /// <summary>The contact the message concerns, or null.</summary>
    public long? ContactId { get; init; }

    /// <summary>A key unique to this message across the CRM (see the remarks); at most 200 characters.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>Transactional (the default) or campaign.</summary>
    public MessageKind Kind { get; init; } = MessageKind.Transactional;

    /// <summary>
    /// Extra headers, such as <c>List-Unsubscribe</c>. Names the host sets itself (<c>From</c>, <c>To</c>,
    /// <c>Subject</c>, <c>Date</c>, <c>Message-ID</c>, the MIME headers) are refused.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "Sender", "To", "Cc", "Bcc", "Reply-To", "Subject", "Date", "Message-ID", "MIME-Version",
        "Content-Type", "Content-Transfer-Encoding", "Content-Disposition", "Return-Path",
    };

    /// <summary>
    /// Checks the message and throws <see cref="ArgumentException"/> naming the first problem: a missing
    /// recipient, key or subject, an invalid address, a value longer than the outbox keeps, a reserved
    /// or malformed header. Called when the message is queued.
    /// </summary>
    public void Validate()
    {
        if (To is null || To.Count == 0)
        {
            throw new ArgumentException("An outgoing message needs at least one recipient in To.", nameof(To));
        }

        foreach (var recipient in To)
        {
            if (recipient is null || !IsAddress(recipient.Email))
            {
                throw new ArgumentException($"'{recipient?.Email}' is not a valid e-mail address (expected an address such as name@example.com, without a display name).", nameof(To));
            }

            if (recipient.Name is { } name && (name.Contains('\r', StringComparison.Ordinal) || name.Contains('\n', StringComparison.Ordinal)))
            {
                throw new ArgumentException($"The display name of {recipient.Email} contains a line break.", nameof(To));
            }
        }

        RequireText(IdempotencyKey, MaxIdempotencyKeyLength, nameof(IdempotencyKey));
        RequireText(Subject, MaxSubjectLength, nameof(Subject));
        if (Subject.Contains('\r', StringComparison.Ordinal) || Subject.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("The subject of an outgoing message must be one line.", nameof(Subject));
        }

        if (HtmlBody is null)
        {
            throw new ArgumentException("An outgoing message needs an HTML body.", nameof(HtmlBody));
        }

        foreach (var attachment in Attachments ?? [])
        {
            if (attachment is null || attachment.Content is null)
            {
                throw new ArgumentException("An attachment has no content.", nameof(Attachments));
            }

            RequireText(attachment.FileName, MaxFileNameLength, $"{nameof(Attachments)}.{nameof(MessageAttachment.FileName)}");
            RequireText(attachment.ContentType, MaxContentTypeLength, $"{nameof(Attachments)}.{nameof(MessageAttachment.ContentType)}");
            if (!System.Net.Mime.MediaTypeNames.Application.Octet.Equals(attachment.ContentType, StringComparison.OrdinalIgnoreCase)
                && attachment.ContentType.Split('/') is not [{ Length: > 0 }, { Length: > 0 }])
            {
                throw new ArgumentException($"'{attachment.ContentType}' is not a MIME type such as application/pdf.", nameof(Attachments));
            }
        }

        foreach (var (name, value) in Headers ?? new Dictionary<string, string>())
        {
            if (string.IsNullOrEmpty(name) || !name.All(c => c is > ' ' and < '\u007f' and not ':'))
            {
                throw new ArgumentException($"'{name}' is not a valid header name.", nameof(Headers));
            }

            if (ReservedHeaders.Contains(name))
            {
                throw new ArgumentException($"The header {name} is set by the host and cannot be given.", nameof(Headers));
            }

            if (value is null || value.Contains('\r', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal))
            {
                throw new ArgumentException($"The value of the header {name} must be one line.", nameof(Headers));
            }
        }
    }

    private static bool IsAddress(string? email) =>
        !string.IsNullOrWhiteSpace(email)
        && MailAddress.TryCreate(email, out var parsed)
        && string.Equals(parsed.Address, email, StringComparison.Ordinal)
        && parsed.Host.Length > 0;

    private static void RequireText(string? value, int maxLength, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"An outgoing message needs a {name}.", name);
        }

        if (value.Length > maxLength)
        {
            throw new ArgumentException($"The {name} of an outgoing message is longer than {maxLength} characters ({value.Length}).", name);
        }
    }
}

/// <summary>A DbContext that collects messages to store with its next save; implemented by <c>PluginDbContext</c> and the core's context.</summary>
internal interface IOutgoingMessageSource
{
    /// <summary>Returns the messages queued since the last call and forgets them. Called by the host while saving.</summary>
    IReadOnlyList<OutgoingMessage> TakePendingMessages();
}
