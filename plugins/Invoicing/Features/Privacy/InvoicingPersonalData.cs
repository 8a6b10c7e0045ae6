using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Sdk.Invoicing;
using CrmBlazor.Sdk.Privacy;
using CrmBlazor.Sdk.Projects;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Invoicing.Features.Privacy;

/// <summary>
/// The plugin's part of a person's data export and erasure. Invoices belong to the customer, so the
/// export lists the customer's invoices and credit notes with their lines, taxes and payments.
/// </summary>
/// <remarks>
/// Erasure deletes drafts (they were never sent, and their time is released) and keeps every issued
/// invoice and credit note as it is: tax law requires the issued document, with the name it was
/// issued to, to be kept unchanged for years (India: CGST Act s. 36, 72 months; Georgia: Tax Code,
/// 6 years), and the GDPR allows keeping what a legal obligation requires (Art. 17(3)(b)).
/// </remarks>
public sealed class InvoicingPersonalData(InvoicingDbContext db, IBillableTimeSource time) : IPersonalDataContributor
{
    /// <inheritdoc />
    public async Task<object?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.CustomerId == subject.CustomerId)
            .Include(i => i.Lines).Include(i => i.TaxTotals).Include(i => i.Payments).Include(i => i.Sendings).AsSplitQuery()
            .OrderBy(i => i.Date).ThenBy(i => i.Id).ToListAsync(cancellationToken);
        if (invoices.Count == 0)
        {
            return null;
        }

        return new
        {
            invoices = invoices.Select(i => new
            {
                i.Id,
                Kind = i.Kind.ToString(),
                Status = i.Status.ToString(),
                i.Number,
                i.CustomerName,
                i.Currency,
                i.IssueDate,
                i.DueDate,
                i.NetTotal,
                i.TaxTotal,
                i.GrossTotal,
                i.PaidTotal,
                i.CreditedTotal,
                i.Notes,
                lines = i.Lines.OrderBy(l => l.Position).Select(l => new { l.Description, l.Quantity, l.UnitPrice, l.Amount, l.TaxProfile }),
                taxes = i.TaxTotals.Select(t => new { t.Component, t.Rate, t.Base, t.Tax }),
                payments = i.Payments.OrderBy(p => p.Date).Select(p => new { p.Date, p.Amount, p.Reference }),
                sentByEmail = i.Sendings.OrderBy(x => x.Position).Select(x => new { x.SentAt, x.RecipientName, x.RecipientEmail }),
            }),
        };
    }

    /// <inheritdoc />
    public async Task<string> EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var drafts = await db.Invoices.Where(i => i.CustomerId == subject.CustomerId && i.Status == InvoiceStatus.Draft).ToListAsync(cancellationToken);
        foreach (var draft in drafts.Where(d => d.Kind == InvoiceKind.Invoice))
        {
            await time.ReleaseAsync(draft.Id, null, cancellationToken);
        }

        db.Invoices.RemoveRange(drafts);
        await db.SaveChangesAsync(cancellationToken);
        var issued = await db.Invoices.CountAsync(i => i.CustomerId == subject.CustomerId && i.Status != InvoiceStatus.Draft, cancellationToken);
        return issued == 0
            ? $"Invoicing: {drafts.Count} draft(s) deleted."
            : $"Invoicing: {drafts.Count} draft(s) deleted; {issued} issued invoice(s) and credit note(s) kept unchanged, as tax law requires issued invoices to be kept with the name they were issued to.";
    }
}
