using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Taxes;

namespace CrmBlazor.Plugins.Invoicing.Features.Invoices;

/// <summary>Recomputes a draft's line amounts, tax totals and totals after every change (issued documents keep theirs).</summary>
public static class InvoiceTotalsUpdater
{
    /// <summary>Recomputes a document's amounts.</summary>
    /// <param name="invoice">The document, with its lines and tax totals loaded.</param>
    /// <param name="taxes">The tax profiles.</param>
    public static void Apply(Invoice invoice, TaxCatalog taxes)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        foreach (var line in invoice.Lines)
        {
            line.Amount = line.Kind switch
            {
                LineKind.Time when line.Minutes is { } minutes => InvoiceCalculator.TimeAmount(minutes, line.UnitPrice, invoice.Currency),
                LineKind.Discount => -Math.Abs(InvoiceCalculator.LineAmount(line.Quantity, line.UnitPrice, invoice.Currency)),
                _ => InvoiceCalculator.LineAmount(line.Quantity, line.UnitPrice, invoice.Currency),
            };
        }

        var totals = InvoiceCalculator.Calculate(invoice.Lines.Select(l => new CalculatedLine(l.Amount, l.TaxProfile)), invoice.PricesIncludeTax, invoice.Currency, taxes);
        invoice.TaxTotals.Clear();
        invoice.TaxTotals.AddRange(totals.Taxes.Select(t => new InvoiceTaxTotal
        {
            TaxProfile = t.TaxProfile,
            ProfileName = t.ProfileName,
            Component = t.Component,
            Rate = t.Rate,
            Base = t.Base,
            Tax = t.Tax,
        }));
        invoice.NetTotal = totals.Net;
        invoice.TaxTotal = totals.Tax;
        invoice.GrossTotal = totals.Gross;
    }

    /// <summary>Numbers the lines: time lines first in their order, then the others in theirs.</summary>
    /// <param name="invoice">The document.</param>
    public static void Renumber(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var position = 1;
        foreach (var line in invoice.Lines.OrderBy(l => l.Kind == LineKind.Time ? 0 : 1).ThenBy(l => l.Position).ToList())
        {
            line.Position = position++;
        }
    }
}
