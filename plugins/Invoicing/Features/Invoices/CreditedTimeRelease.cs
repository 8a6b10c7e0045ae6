using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Sdk.Invoicing;
using CrmBlazor.Sdk.Projects;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Invoicing.Features.Invoices;

/// <summary>
/// Releases the time entries of the invoice lines an issued credit note credits, so they can be billed
/// again. The issuing service does it at once, and <see cref="CreditNoteTimeReleaseHandler"/> again for
/// the <c>invoicing.invoice-issued</c> event (delivered at least once), so a release lost to a crash
/// after the commit still happens.
/// </summary>
public sealed class CreditedTimeRelease(IDbContextFactory<InvoicingDbContext> contexts, IBillableTimeSource time)
{
    /// <summary>
    /// Releases the credited time. Idempotent: entries already released, or billed since by another
    /// invoice, are left alone.
    /// </summary>
    /// <param name="creditNoteId">The issued credit note.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many entries this call released.</returns>
    public async Task<int> ReleaseAsync(long creditNoteId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var credit = await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Id == creditNoteId && i.Kind == InvoiceKind.CreditNote && i.Status != InvoiceStatus.Draft, cancellationToken);
        if (credit?.CreditedInvoiceId is not { } invoiceId)
        {
            return 0;
        }

        var creditedLines = db.Lines.Where(l => l.InvoiceId == creditNoteId && l.Kind == LineKind.Time && l.CreditedLineId != null).Select(l => l.CreditedLineId);
        var groups = db.Lines.Where(l => creditedLines.Contains(l.Id)).Select(l => l.GroupKey);
        var entryIds = await db.TimeEntries.AsNoTracking()
            .Where(t => t.InvoiceId == invoiceId && groups.Contains(t.GroupKey))
            .Select(t => t.EntryId)
            .ToListAsync(cancellationToken);
        if (entryIds.Count == 0)
        {
            return 0;
        }

        // The issuing service and the event handler may release the same entries at the same moment;
        // the loser's save fails on the entries' versions, and a second call finds them released.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await time.ReleaseAsync(invoiceId, entryIds, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                await Task.Delay(50 * attempt, cancellationToken);
            }
        }
    }
}
