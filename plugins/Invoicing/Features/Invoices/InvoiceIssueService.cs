using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Numbering;
using CrmBlazor.Plugins.Invoicing.Features.Shared;
using CrmBlazor.Plugins.Invoicing.Features.Taxes;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Data;
using CrmBlazor.Sdk.Invoicing;
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
    private static readonly Problem OnlyAccountants = new("Only accountants and administrators may issue invoices and credit notes.");

    private readonly TaxCatalog _taxes = settings.Value.CreateTaxCatalog();

    /// <summary>Issues a draft: gives it its number, its issue and due dates, and freezes it.</summary>
    /// <param name="invoiceId">The draft.</param>
    /// <param name="version">The version the accountant looked at.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ChangeResult> IssueAsync(long invoiceId, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var year = DateOnly.FromDateTime(now.UtcDateTime).Year;
        Invoice? credited = null;
        string? customerName = null;
        return await db.Change<Invoice>()
            .Allow(access.CanManageAsync, OnlyAccountants)
            .Load(ct => db.LoadInvoiceAsync(invoiceId, ct))
            .Check(draft => draft.CheckNotIssued()?.ToChangeResult())
            .Expect(version)
            .Check(async (draft, ct) => draft.Kind == InvoiceKind.Invoice ? await CheckTimeAsync(db, draft, ct) : null)
            .Check(async (draft, ct) =>
            {
                // What issuing needs from outside its transaction, the year's number row among it (made in a
                // short transaction of its own, see InvoiceNumberSequence).
                credited = draft.CreditedInvoiceId is { } creditedId ? await db.LoadInvoiceAsync(creditedId, ct) : null;
                customerName = (await customers.GetAsync(draft.CustomerId, ct))?.Name;
                await InvoiceNumberSequence.EnsureAsync(contexts, InvoiceNumberSequence.SeriesOf(draft.Kind), year, ct);
                return null;
            })
            .InTransaction()
            .Apply(async (draft, ct) =>
            {
                var position = await InvoiceNumberSequence.NextAsync(db, InvoiceNumberSequence.SeriesOf(draft.Kind), year, ct);
                var format = InvoiceNumberFormat.Parse(draft.Kind == InvoiceKind.CreditNote ? settings.Value.CreditNoteNumberFormat : settings.Value.InvoiceNumberFormat);
                var number = new DocumentNumber(format.Format(year, position), year, position);

                // A refusal rolls the number back with the transaction: no gap.
                var refused = draft.Issue(number, now, settings.Value.PaymentTermDays, customerName, access.UserName ?? access.UserId, _taxes);
                if (refused is null && draft.Kind == InvoiceKind.CreditNote)
                {
                    refused = credited is null ? InvoiceRefusal.CreditedInvoiceGone : credited.ApplyCredit(draft, now);
                }

                return refused?.ToChangeResult();
            })
            .Then(async (draft, ct) =>
            {
                if (credited is not null)
                {
                    // Right away for the user; the invoicing.invoice-issued handler does it again, at least
                    // once, so a failure here must not turn the committed issue into an error for the user.
                    try
                    {
                        await creditedTime.ReleaseAsync(draft.Id, ct);
                    }
                    catch (DbUpdateException)
                    {
                        // Left to the event handler.
                    }
                }
            })
            .SaveAsync(InvoiceConflict.Message, cancellationToken);
    }

    /// <summary>Makes a credit note draft for an issued invoice: all its lines, or the chosen ones.</summary>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="input">The lines and the reason.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The outcome, with the credit note's id.</returns>
    public async Task<ChangeResult> CreateCreditNoteAsync(long invoiceId, CreditNoteInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        Invoice? credit = null;
        return await db.Change<Invoice>()
            .Allow(access.CanManageAsync, OnlyAccountants)
            .Validate(input)
            .Load(ct => db.LoadInvoiceAsync(invoiceId, ct))
            .Apply(async (invoice, ct) =>
            {
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
                    .Select(l => l.CreditedLineId!.Value).ToListAsync(ct);
                if (invoice.DraftCreditNote(lines, creditedElsewhere.ToHashSet(), input.Notes, _taxes, clock.GetUtcNow(), out credit) is { } refused)
                {
                    return refused.ToChangeResult();
                }

                db.Invoices.Add(credit!);
                return null;
            })
            .ResultId(_ => credit!.Id)
            .SaveAsync(InvoiceConflict.Message, cancellationToken);
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

        if (!await db.TrySaveChangesAsync(cancellationToken))
        {
            return InvoiceConflict.Result();
        }

        return ChangeResult.Conflict(new Problem("The time this draft bills changed; check it and issue it again."));
    }
}
