using System.Globalization;
using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Documents;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Formatting;
using CrmBlazor.Sdk.Invoicing;
using CrmBlazor.Sdk.Messaging;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Plugins.Invoicing.Features.Sending;

/// <summary>
/// Writes the plugin's messages (<see cref="InvoiceMessageTemplates"/>) for a recipient: the document's
/// e-mail with its PDF, and the reminder of an overdue invoice. The caller queues the message with the
/// save that records why it is sent (<c>PluginDbContext.Send</c>).
/// </summary>
public sealed class InvoiceMail(IMessageTemplates templates, InvoiceDocuments documents, IOptions<InvoicingSettings> settings)
{
    private readonly CultureInfo _culture = CultureInfo.GetCultureInfo(settings.Value.DocumentCulture);

    /// <summary>The e-mail of an issued invoice or credit note, with the PDF the sending keeps attached byte for byte.</summary>
    /// <param name="invoice">The issued document.</param>
    /// <param name="sending">The sending it is, with its PDF; it gives the message its key.</param>
    /// <param name="recipient">Who it goes to.</param>
    /// <param name="creditedNumber">For a credit note, the number of the invoice it corrects.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<OutgoingMessage> DocumentAsync(Invoice invoice, InvoiceSending sending, BillingRecipient recipient, string? creditedNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(sending);
        ArgumentNullException.ThrowIfNull(recipient);
        var (key, fields) = invoice.Kind == InvoiceKind.CreditNote
            ? (InvoiceMessageTemplates.CreditNoteKey, new Dictionary<string, object?>
            {
                ["credit_note.number"] = invoice.Number,
                ["credit_note.issue_date"] = Day(invoice.IssueDate),
                ["credit_note.total"] = Money(invoice.GrossTotal, invoice.Currency),
                ["credit_note.invoice_number"] = creditedNumber,
            })
            : (InvoiceMessageTemplates.InvoiceKey, InvoiceFields(invoice));
        var pdf = sending.Pdf ?? throw new ArgumentException("The sending's PDF is not loaded.", nameof(sending));
        var rendered = await templates.RenderAsync(key, new TemplateRecipient(recipient.CustomerId, recipient.ContactId), fields, cancellationToken);
        return Message(rendered, recipient, InvoiceSending.MessageKeyOf(invoice.Id, sending.Position), [new MessageAttachment(sending.FileName, "application/pdf", pdf.Content)]);
    }

    /// <summary>A document's PDF as the download gives it now, with its file name, for a sending to keep.</summary>
    /// <param name="invoiceId">The document.</param>
    /// <param name="cancellationToken">Cancels the rendering.</param>
    /// <returns>The file name and the PDF, or null when there is no such document.</returns>
    /// <exception cref="UnauthorizedAccessException">The user may not see invoices.</exception>
    public async Task<(string FileName, byte[] Pdf)?> PdfAsync(long invoiceId, CancellationToken cancellationToken)
    {
        await using var pdf = new MemoryStream();
        var fileName = await documents.RenderAsync(invoiceId, pdf, cancellationToken);
        return fileName is null ? null : (fileName, pdf.ToArray());
    }

    /// <summary>A document's PDF as the download gives it now, for the plugin's background work (no user).</summary>
    /// <param name="invoiceId">The document.</param>
    /// <param name="cancellationToken">Cancels the rendering.</param>
    /// <returns>The file name and the PDF, or null when there is no such document.</returns>
    internal async Task<(string FileName, byte[] Pdf)?> PdfForJobAsync(long invoiceId, CancellationToken cancellationToken)
    {
        await using var pdf = new MemoryStream();
        var fileName = await documents.RenderForJobAsync(invoiceId, pdf, cancellationToken);
        return fileName is null ? null : (fileName, pdf.ToArray());
    }

    /// <summary>The reminder of an overdue invoice at a level, keyed by invoice and level so that it is sent once.</summary>
    /// <param name="invoice">The overdue invoice.</param>
    /// <param name="level">The reminder's level (1 for the first).</param>
    /// <param name="recipient">Who it goes to.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<OutgoingMessage> ReminderAsync(Invoice invoice, int level, BillingRecipient recipient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(recipient);
        var fields = InvoiceFields(invoice);
        fields["reminder.level"] = level.ToString(_culture);
        var rendered = await templates.RenderAsync(InvoiceMessageTemplates.ReminderKey, new TemplateRecipient(recipient.CustomerId, recipient.ContactId), fields, cancellationToken);
        return Message(rendered, recipient, ReminderKeyOf(invoice.Id, level), []);
    }

    /// <summary>The outbox key of an invoice's reminder at a level.</summary>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="level">The level.</param>
    public static string ReminderKeyOf(long invoiceId, int level) =>
        string.Create(CultureInfo.InvariantCulture, $"invoicing:payment-reminder:{invoiceId}:{level}");

    private Dictionary<string, object?> InvoiceFields(Invoice invoice) => new()
    {
        ["invoice.number"] = invoice.Number,
        ["invoice.issue_date"] = Day(invoice.IssueDate),
        ["invoice.due_date"] = Day(invoice.DueDate),
        ["invoice.total"] = Money(invoice.GrossTotal, invoice.Currency),
        ["invoice.amount_due"] = Money(invoice.Outstanding, invoice.Currency),
    };

    private static OutgoingMessage Message(RenderedMessage rendered, BillingRecipient recipient, string key, IReadOnlyList<MessageAttachment> attachments) => new()
    {
        To = [new MessageAddress(recipient.Email, recipient.Name)],
        Subject = rendered.Subject,
        HtmlBody = rendered.HtmlBody,
        TextBody = rendered.TextBody,
        Attachments = attachments,
        CustomerId = recipient.CustomerId,
        ContactId = recipient.ContactId,
        IdempotencyKey = key,
        Kind = MessageKind.Transactional,
    };

    private string Day(DateOnly? day) => day?.ToString("d", _culture) ?? string.Empty;

    // As the PDF prints amounts: the currency's minor units, the document's culture, the ISO code.
    private string Money(decimal amount, string currency) =>
        amount.ToString("N" + MoneyFormat.MinorUnitsOf(currency).ToString(CultureInfo.InvariantCulture), _culture) + " " + currency;
}
