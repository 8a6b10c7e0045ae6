using System.Globalization;
using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Shared;
using CrmBlazor.Plugins.Invoicing.Features.Taxes;
using CrmBlazor.Sdk.Invoicing;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Invoicing.Features.Documents;

/// <summary>
/// The CSV export for the books: one row per issued invoice or credit note dated in a period (date,
/// number, kind, customer, currency, net per tax profile, tax per rate, gross). Credit notes are
/// negative. Columns are the tax profiles and rates that occur in the period, in a stable order.
/// The rows are written with the SDK's <see cref="Sdk.Exports.CsvWriter"/>, like the core's customer
/// export: UTF-8 with a byte order mark, values a spreadsheet would run as a formula marked as text,
/// and no control or direction character (a name stored before the text rule may hold one).
/// </summary>
public sealed class InvoiceCsvExport(IDbContextFactory<InvoicingDbContext> contexts, InvoiceAccess access)
{
    /// <summary>The rows of a period's export, the header row first.</summary>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <exception cref="UnauthorizedAccessException">The user may not see invoices.</exception>
    public async Task<IReadOnlyList<IReadOnlyList<string>>> RowsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (!await access.CanViewAsync(cancellationToken))
        {
            throw new UnauthorizedAccessException("You may not see invoices.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var documents = await db.Invoices.AsNoTracking().Include(i => i.TaxTotals)
            .Where(i => i.Status != InvoiceStatus.Draft && i.Date >= from && i.Date <= to)
            .OrderBy(i => i.Date).ThenBy(i => i.Kind).ThenBy(i => i.SequenceNumber)
            .ToListAsync(cancellationToken);
        var profiles = documents.SelectMany(d => d.TaxTotals).Select(t => (t.TaxProfile, t.ProfileName)).Distinct()
            .OrderBy(p => p.TaxProfile, StringComparer.Ordinal).ToList();
        var rates = documents.SelectMany(d => d.TaxTotals).Select(t => (t.TaxProfile, t.Component, t.Rate)).Distinct()
            .OrderBy(r => r.TaxProfile, StringComparer.Ordinal).ThenBy(r => r.Component, StringComparer.Ordinal).ThenBy(r => r.Rate).ToList();

        var header = new List<string> { "Date", "Number", "Kind", "Customer", "Currency" };
        header.AddRange(profiles.Select(p => $"Net {p.ProfileName}"));
        header.AddRange(rates.Select(r => $"{r.Component} {(r.Rate * 100).ToString("0.##", CultureInfo.InvariantCulture)}% ({r.TaxProfile})"));
        header.Add("Gross");
        var rows = new List<IReadOnlyList<string>>(documents.Count + 1) { header };
        foreach (var document in documents)
        {
            var sign = document.Kind == InvoiceKind.CreditNote ? -1 : 1;
            string Amount(decimal value) => InvoiceCalculator.Normalize(sign * value, document.Currency).ToString(CultureInfo.InvariantCulture);
            var cells = new List<string>
            {
                (document.IssueDate ?? document.Date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                document.Number ?? string.Empty,
                document.Kind == InvoiceKind.CreditNote ? "Credit note" : "Invoice",
                document.CustomerName,
                document.Currency,
            };
            cells.AddRange(profiles.Select(p => document.TaxTotals.FirstOrDefault(t => t.TaxProfile == p.TaxProfile) is { } t ? Amount(t.Base) : string.Empty));
            cells.AddRange(rates.Select(r => document.TaxTotals.FirstOrDefault(t => t.TaxProfile == r.TaxProfile && t.Component == r.Component && t.Rate == r.Rate) is { } t ? Amount(t.Tax) : string.Empty));
            cells.Add(Amount(document.GrossTotal));
            rows.Add(cells);
        }

        return rows;
    }
}
