using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Numbering;
using CrmBlazor.Plugins.Invoicing.Features.Shared;
using CrmBlazor.Plugins.Invoicing.Features.Taxes;
using CrmBlazor.Sdk.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Plugins.Invoicing.Features.Invoices;

/// <summary>
/// Issues drafts (invoices and credit notes) and makes credit notes. The documents keep their own rules
/// (<see cref="Invoice.Issue"/>, <see cref="Invoice.ApplyCredit"/>, <see cref="Invoice.DraftCreditNote"/>);
/// this service checks permissions, loads them, compares the draft's time with the projects plugin's
/// marks, takes the number of the document's series and year in the same transaction as the change of
/// state (see <see cref="InvoiceNumberSequence"/>) and saves.
/// </summary>
public sealed class InvoiceIssueService(
    IDbContextFactory<InvoicingDbContext> contexts,
    InvoiceDraftService drafts,
    CreditedTimeRelease creditedTime,
    ICustomerDirectory customers,
    InvoiceAccess access,
    IOptions<InvoicingSettings> settings,
    TimeProvider clock)
{
    private readonly TaxCatalog _taxes = settings.Value.CreateTaxCatalog();

    /// <summary>Issues a draft: gives it its number, its issue and due dates, and freezes it.</summary>
    /// <param name="invoiceId">The draft.</param>
    /// <param name="version">The version the accountant looked at.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ChangeResult> IssueAsync(long invoiceId, Guid version, CancellationToken cancellationToken = default)
    {
        if (!await access.CanManageAsync(cancellationToken))
        {
            return ChangeResult.Forbidden(new Problem("Only accountants and administrators may issue invoices and credit notes."));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var draft = await db.LoadInvoiceAsync(invoiceId, cancellationToken);
        if (draft is null)
        {
            return ChangeResult.NotFound();
        }

        if (draft.CheckNotIssued() is { } issued)
        {
            return issued.ToChangeResult();
        }

        if (draft.RowVersion != version)
        {
            return InvoiceConflict.Result();
        }

        db.Entry(draft).Property(i => i.RowVersion).OriginalValue = version;
        if (draft.Kind == InvoiceKind.Invoice && await CheckTimeAsync(db, draft, cancellationToken) is { } timeProblem)
        {
            return timeProblem;
        }

        var credited = draft.CreditedInvoiceId is { } creditedId ? await db.LoadInvoiceAsync(creditedId, cancellationToken) : null;
        var customerName = (await customers.GetAsync(draft.CustomerId, cancellationToken))?.Name;
        var now = clock.GetUtcNow();
        var year = DateOnly.FromDateTime(now.UtcDateTime).Year;
        var series = InvoiceNumberSequence.SeriesOf(draft.Kind);
        await InvoiceNumberSequence.EnsureAsync(contexts, series, year, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var position = await InvoiceNumberSequence.NextAsync(db, series, year, cancellationToken);
        var format = InvoiceNumberFormat.Parse(draft.Kind == InvoiceKind.CreditNote ? settings.Value.CreditNoteNumberFormat : settings.Value.InvoiceNumberFormat);
        var number = new DocumentNumber(format.Format(year, position), year, position);

        // A refusal rolls the number back with the transaction: no gap.
        var refused = draft.Issue(number, now, settings.Value.PaymentTermDays, customerName, access.UserName ?? access.UserId, _taxes);
        if (refused is null && draft.Kind == InvoiceKind.CreditNote)
        {
            refused = credited is null ? InvoiceRefusal.CreditedInvoiceGone : credited.ApplyCredit(draft, now);
        }

        if (refused is not null)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return refused.ToChangeResult();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return InvoiceConflict.Result();
        }

        if (credited is not null)
        {
            // Right away for the user; the invoicing.invoice-issued handler does it again, at least
            // once, so a failure here must not turn the committed issue into an error for the user.
            try
            {
                await creditedTime.ReleaseAsync(draft.Id, cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Left to the event handler.
            }
        }

        return ChangeResult.Saved(draft.Id);
    }

    /// <summary>Makes a credit note draft for an issued invoice: all its lines, or the chosen ones.</summary>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="input">The lines and the reason.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The outcome, with the credit note's id.</returns>
    public async Task<ChangeResult> CreateCreditNoteAsync(long invoiceId, CreditNoteInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await access.CanManageAsync(cancellationToken))
        {
            return ChangeResult.Forbidden(new Problem("Only accountants and administrators may issue invoices and credit notes."));
        }

        var errors = InputValidation.Validate(input);
        if (errors.Count > 0)
        {
            return ChangeResult.Invalid(errors);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var invoice = await db.LoadInvoiceAsync(invoiceId, cancellationToken);
        if (invoice is null)
        {
            return ChangeResult.NotFound();
        }

        List<InvoiceLine>? lines = null;
        if (input.LineIds is { Count: > 0 } ids)
        {
            var wanted = ids.Distinct().ToList();
            lines = [.. wanted.Select(id => invoice.Lines.FirstOrDefault(l => l.Id == id)).OfType<InvoiceLine>()];
            if (lines.Count != wanted.Count)
            {
                return InvoiceRefusal.NotItsLines.ToChangeResult();
            }
        }

        var creditNotes = db.Invoices.Where(c => c.CreditedInvoiceId == invoiceId).Select(c => c.Id);
        var creditedElsewhere = await db.Lines.Where(l => creditNotes.Contains(l.InvoiceId) && l.CreditedLineId != null)
            .Select(l => l.CreditedLineId!.Value).ToListAsync(cancellationToken);
        if (invoice.DraftCreditNote(lines, creditedElsewhere.ToHashSet(), input.Notes, _taxes, clock.GetUtcNow(), out var credit) is { } refused)
        {
            return refused.ToChangeResult();
        }

        db.Invoices.Add(credit!);
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult.Saved(credit!.Id);
    }

    /// <summary>
    /// Compares a draft invoice with the time the projects plugin says it bills; if they differ (a crash
    /// between the two saves), it is shown again as it is, to be looked at before issuing.
    /// </summary>
    private async Task<ChangeResult?> CheckTimeAsync(InvoicingDbContext db, Invoice draft, CancellationToken cancellationToken)
    {
        if (!await drafts.ReconcileTimeAsync(draft, cancellationToken))
        {
            return null;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return InvoiceConflict.Result();
        }

        return ChangeResult.Conflict(new Problem("The time this draft bills changed; check it and issue it again."));
    }
}
