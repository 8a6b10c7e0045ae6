using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Shared;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Data;
using CrmBlazor.Sdk.Invoicing;
using CrmBlazor.Sdk.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Invoicing.Features.Sending;

/// <summary>
/// Sends an issued invoice or credit note to the customer by e-mail, with its PDF: records the sending
/// (<see cref="Invoice.RecordSending"/>: when, to whom, by whom, and the PDF attached) and queues the
/// message in the same save, keyed by the sending, so the message leaves if and only if the sending is
/// recorded, and once; <see cref="SentPdfAsync"/> gives back exactly the PDF the customer received.
/// </summary>
/// <remarks>
/// The recipient is the customer's own e-mail address, else its primary contact's
/// (<see cref="ICustomerDirectory.GetBillingRecipientAsync"/>); with neither, sending is refused with what
/// to do. The accountant sees the recipient before confirming (<see cref="RecipientAsync"/>).
/// </remarks>
public sealed class InvoiceSendService(
    IDbContextFactory<InvoicingDbContext> contexts,
    InvoiceAccess access,
    ICustomerDirectory customers,
    InvoiceMail mail,
    TimeProvider clock)
{
    /// <summary>Refusal when the customer has no address to send documents to.</summary>
    public static Problem NoRecipient { get; } = new("Neither the customer nor its primary contact has an e-mail address. Add one on the customer's page, then send again.");

    /// <summary>Where a document would be sent now, for the accountant to confirm; null when there is no address.</summary>
    /// <param name="invoiceId">The document.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="UnauthorizedAccessException">The user may not send documents.</exception>
    public async Task<BillingRecipient?> RecipientAsync(long invoiceId, CancellationToken cancellationToken = default)
    {
        if (!await access.CanManageAsync(cancellationToken))
        {
            throw new UnauthorizedAccessException("You may not send invoices.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customerId = await db.Invoices.Where(i => i.Id == invoiceId).Select(i => (long?)i.CustomerId).FirstOrDefaultAsync(cancellationToken);
        return customerId is { } id ? await customers.GetBillingRecipientAsync(id, cancellationToken) : null;
    }

    /// <summary>The PDF a sending attached, byte for byte, with its file name; null when there is no such sending.</summary>
    /// <param name="invoiceId">The document.</param>
    /// <param name="position">The sending (1 for the first).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="UnauthorizedAccessException">The user may not see invoices.</exception>
    public async Task<(string FileName, byte[] Pdf)?> SentPdfAsync(long invoiceId, int position, CancellationToken cancellationToken = default)
    {
        if (!await access.CanViewAsync(cancellationToken))
        {
            throw new UnauthorizedAccessException("You may not see invoices.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sent = await db.Sendings.AsNoTracking().Where(s => s.InvoiceId == invoiceId && s.Position == position)
            .Select(s => new { s.FileName, s.Pdf!.Content }).FirstOrDefaultAsync(cancellationToken);
        return sent is null ? null : (sent.FileName, sent.Content);
    }

    /// <summary>
    /// Where the message of a document's latest sending is on its way (queued, sent, not sent for want of a
    /// mail server, failed with the server's answer, or cancelled), read from the outbox; null when the
    /// document was never sent or its message is no longer in the outbox.
    /// </summary>
    /// <param name="invoiceId">The document.</param>
    /// <param name="position">The sending (1 for the first).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="UnauthorizedAccessException">The user may not see invoices.</exception>
    public async Task<MessageStatus?> DeliveryAsync(long invoiceId, int position, CancellationToken cancellationToken = default)
    {
        if (!await access.CanViewAsync(cancellationToken))
        {
            throw new UnauthorizedAccessException("You may not see invoices.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = InvoiceSending.MessageKeyOf(invoiceId, position);
        return (await db.GetMessageStatusesAsync([key], cancellationToken)).GetValueOrDefault(key);
    }

    /// <summary>
    /// Whether a draft from a monthly run is e-mailed when it is issued (its run was started with
    /// <see cref="Data.InvoiceRun.SendOnIssue"/>), and to whom; for the draft's page to say so before the
    /// accountant issues it.
    /// </summary>
    /// <param name="invoiceId">The draft.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>Null when issuing it sends nothing; otherwise the recipient, itself null when the customer has no address.</returns>
    /// <exception cref="UnauthorizedAccessException">The user may not see invoices.</exception>
    public async Task<SendOnIssue?> SendOnIssueAsync(long invoiceId, CancellationToken cancellationToken = default)
    {
        if (!await access.CanViewAsync(cancellationToken))
        {
            throw new UnauthorizedAccessException("You may not see invoices.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var draft = await db.Invoices.Where(i => i.Id == invoiceId && i.Status == InvoiceStatus.Draft && i.Kind == InvoiceKind.Invoice && i.RunPeriod != null)
            .Select(i => new { i.CustomerId, i.RunPeriod }).FirstOrDefaultAsync(cancellationToken);
        if (draft is null || !await db.Runs.AnyAsync(r => r.PeriodStart == draft.RunPeriod && r.SendOnIssue, cancellationToken))
        {
            return null;
        }

        return new SendOnIssue(await customers.GetBillingRecipientAsync(draft.CustomerId, cancellationToken));
    }

    /// <summary>
    /// Sends a monthly run's invoice once it is issued, if its run asks for it (the
    /// <c>invoicing.invoice-issued</c> handler; no user). At most once whatever happens: a document sent
    /// already (by hand, or by an earlier delivery of the same event) is left alone, and the sending and its
    /// message are saved together as the manual send saves them, under the same key.
    /// </summary>
    /// <param name="invoiceId">The issued document.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>What came of it.</returns>
    internal async Task<SentOnIssue> SendIssuedRunInvoiceAsync(long invoiceId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var invoice = await db.LoadInvoiceAsync(invoiceId, cancellationToken);
        if (invoice is not { Kind: InvoiceKind.Invoice, RunPeriod: { } period, IsDraft: false }
            || !await db.Runs.AnyAsync(r => r.PeriodStart == period && r.SendOnIssue, cancellationToken))
        {
            return SentOnIssue.NotAsked;
        }

        if (invoice.Sendings.Count > 0)
        {
            return SentOnIssue.SentAlready;
        }

        var recipient = await customers.GetBillingRecipientAsync(invoice.CustomerId, cancellationToken);
        if (recipient is null)
        {
            return SentOnIssue.NoRecipient;
        }

        var (fileName, pdf) = await mail.PdfForJobAsync(invoice.Id, cancellationToken) ?? throw new InvalidOperationException($"The document {invoice.Id} no longer exists.");
        // Expecting no sending: a colleague's send saved meanwhile is refused here (or by the unique
        // position when both save at once, and the retried delivery then finds it sent).
        var (sending, refusal) = invoice.RecordSending(0, recipient.Email, recipient.Name, recipient.ContactId, invoice.IssuedBy, fileName, pdf, clock.GetUtcNow());
        if (refusal is not null)
        {
            return SentOnIssue.SentAlready;
        }

        db.Send(await mail.DocumentAsync(invoice, sending!, recipient, null, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return SentOnIssue.Queued;
    }

    /// <summary>Sends an issued document (again).</summary>
    /// <param name="invoiceId">The document.</param>
    /// <param name="sentBefore">How many times the user saw it sent: a second click, or a colleague's send meanwhile, is refused rather than sending it twice.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The outcome, with the document's id.</returns>
    public async Task<ChangeResult> SendAsync(long invoiceId, int sentBefore, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<Invoice>()
            .Allow(access.CanManageAsync, new Problem("Only accountants and administrators may send invoices."))
            .Load(ct => db.LoadInvoiceAsync(invoiceId, ct))
            .Apply(async (invoice, ct) =>
            {
                var recipient = await customers.GetBillingRecipientAsync(invoice.CustomerId, ct);
                if (recipient is null)
                {
                    return ChangeResult.Invalid(string.Empty, NoRecipient);
                }

                // Rendered from the stored document as it is now; a change saved meanwhile (a payment) moves the
                // document's version on, and this save is then refused as a conflict rather than send an old PDF.
                var (fileName, pdf) = await mail.PdfAsync(invoice.Id, ct) ?? throw new InvalidOperationException($"The document {invoice.Id} no longer exists.");
                var (sending, refusal) = invoice.RecordSending(
                    sentBefore, recipient.Email, recipient.Name, recipient.ContactId, access.UserName ?? access.UserId, fileName, pdf, clock.GetUtcNow());
                if (refusal is not null)
                {
                    return refusal.ToChangeResult();
                }

                var credited = invoice.CreditedInvoiceId is { } creditedId
                    ? await db.Invoices.Where(i => i.Id == creditedId).Select(i => i.Number).FirstOrDefaultAsync(ct)
                    : null;
                db.Send(await mail.DocumentAsync(invoice, sending!, recipient, credited, ct));
                return null;
            })
            .SaveAsync(InvoiceConflict.Message, cancellationToken);
    }
}

/// <summary>Whether issuing a monthly run's draft e-mails it (<see cref="InvoiceSendService.SendOnIssueAsync"/>).</summary>
/// <param name="Recipient">Where it goes, or null when neither the customer nor its primary contact has an address (then it is issued and not e-mailed).</param>
public sealed record SendOnIssue(BillingRecipient? Recipient);

/// <summary>What came of sending a run's invoice when it was issued.</summary>
public enum SentOnIssue
{
    /// <summary>Not a run's invoice, or its run does not send on issue.</summary>
    NotAsked,

    /// <summary>Queued in the outbox with its sending.</summary>
    Queued,

    /// <summary>It had been sent already; nothing was done.</summary>
    SentAlready,

    /// <summary>The customer has no address for documents; nothing was sent.</summary>
    NoRecipient,
}
