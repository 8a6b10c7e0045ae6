namespace CrmBlazor.Plugins.Invoicing.Data;

/// <summary>
/// An issued invoice or credit note sent by e-mail (<see cref="Invoice.RecordSending"/>): when, to whom and
/// by whom, and the PDF attached, kept byte for byte (<see cref="Pdf"/>). Its <see cref="Position"/> names
/// the message in the outbox (<see cref="MessageKeyOf"/>), so the same sending is never queued twice, and a
/// sending again is a message of its own.
/// </summary>
/// <remarks>
/// The PDF is rendered from the stored document when it is sent and kept here, not in the outbox alone:
/// rendering again later can give a different file (it prints the payments received so far, and the
/// letterhead, culture and page size come from settings that may change), and outbox messages are not
/// kept for the years an issued invoice is.
/// </remarks>
public sealed class InvoiceSending
{
    private InvoiceSending()
    {
    }

    public long Id { get; private set; }

    public long InvoiceId { get; private set; }

    /// <summary>1 for the first sending of the document, 2 for the next…</summary>
    public int Position { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    /// <summary>The address it was sent to.</summary>
    public string RecipientEmail { get; private set; } = string.Empty;

    /// <summary>The name it was addressed to (the contact's or the customer's).</summary>
    public string RecipientName { get; private set; } = string.Empty;

    /// <summary>The primary contact it was sent to, or null for the customer's own address.</summary>
    public long? ContactId { get; private set; }

    /// <summary>Who sent it (user name).</summary>
    public string? SentBy { get; private set; }

    /// <summary>The attached PDF's file name.</summary>
    public string FileName { get; private set; } = string.Empty;

    /// <summary>The PDF exactly as attached; loaded only when asked for (<c>Include</c>), so loading a document stays light.</summary>
    public InvoiceSendingPdf? Pdf { get; private set; }

    /// <summary>The outbox key of a document's n-th sending.</summary>
    /// <param name="invoiceId">The document.</param>
    /// <param name="position">The sending's position.</param>
    public static string MessageKeyOf(long invoiceId, int position) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"invoicing:invoice-sent:{invoiceId}:{position}");

    internal static InvoiceSending Of(int position, string email, string name, long? contactId, string? sentBy, string fileName, byte[] pdf, DateTimeOffset now) => new()
    {
        Position = position,
        FileName = fileName,
        Pdf = new InvoiceSendingPdf(pdf),
        RecipientEmail = email,
        RecipientName = name,
        ContactId = contactId,
        SentBy = sentBy,
        SentAt = now,
    };
}

/// <summary>The PDF a sending attached, byte for byte (a table of its own, read only for its download).</summary>
/// <remarks>Not audited: the sending itself is, and the audit log is no place for a file's bytes.</remarks>
[CrmBlazor.Sdk.Data.NotAudited]
public sealed class InvoiceSendingPdf
{
    internal InvoiceSendingPdf(byte[] content) => Content = content;

    private InvoiceSendingPdf()
    {
    }

    public long SendingId { get; private set; }

    public byte[] Content { get; private set; } = [];
}
