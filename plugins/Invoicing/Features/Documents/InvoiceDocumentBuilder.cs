using System.Globalization;
using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Sdk.Documents;
using CrmBlazor.Sdk.Formatting;
using CrmBlazor.Sdk.Invoicing;

namespace CrmBlazor.Plugins.Invoicing.Features.Documents;

/// <summary>The firm as printed at the top of every invoice.</summary>
/// <param name="Name">The firm's name.</param>
/// <param name="AddressLines">Its address, line by line.</param>
/// <param name="TaxId">Its tax registration, or null.</param>
/// <param name="Logo">A PNG or JPEG logo, or null.</param>
public sealed record Letterhead(string Name, IReadOnlyList<string> AddressLines, string? TaxId, ReadOnlyMemory<byte>? Logo);

/// <summary>
/// Lays out an invoice or credit note as an SDK <see cref="Document"/>: firm and customer blocks, the
/// lines table (its header repeated on every page), totals per tax rate, payments, notes, and an annex
/// of every time entry on the following pages; "page x of y" in the footer.
/// </summary>
public static class InvoiceDocumentBuilder
{
    private static readonly TextStyle Small = new() { Size = 8, Color = DocumentColor.Gray };
    private static readonly TextStyle Bold = new() { Weight = FontWeight.Bold };
    private static readonly TextStyle Title = new() { Size = 18, Weight = FontWeight.Bold };

    /// <summary>Builds the document.</summary>
    /// <param name="invoice">The document with its lines, taxes, time entries and payments.</param>
    /// <param name="letterhead">The firm.</param>
    /// <param name="culture">The culture of dates and numbers.</param>
    /// <param name="pageSize">A4 or Letter.</param>
    /// <param name="creditedNumber">For a credit note, the number of the invoice it credits.</param>
    public static Document Build(Invoice invoice, Letterhead letterhead, CultureInfo culture, PageSize pageSize, string? creditedNumber = null)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(letterhead);
        ArgumentNullException.ThrowIfNull(culture);
        var money = new MoneyText(invoice.Currency, culture);
        var kind = invoice.Kind == InvoiceKind.CreditNote ? "Credit note" : "Invoice";
        var number = invoice.Number ?? "Draft";
        var document = new Document
        {
            PageSize = pageSize,
            Margins = Margins.Symmetric(48, 40),
            Title = $"{kind} {number}",
            Author = letterhead.Name,
            Subject = $"{kind} {number} · {invoice.CustomerName}",
        };
        document.Footer.Add(new Paragraph
        {
            Alignment = TextAlignment.Center,
            Style = Small,
            Spans = { $"{letterhead.Name} · {kind} {number} · Page ", Span.PageNumber(), " of ", Span.PageCount() },
        });

        document.Content.Add(HeaderBlock(invoice, letterhead, culture, kind, number, creditedNumber));
        document.Content.Add(new Paragraph("Bill to") { Style = Small, SpaceBefore = 18 });
        document.Content.Add(new Paragraph(invoice.CustomerName) { Style = new TextStyle { Size = 12, Weight = FontWeight.Bold } });
        if (invoice.PeriodFrom is { } from && invoice.PeriodTo is { } to)
        {
            document.Content.Add(new Paragraph($"Period: {from.ToString("d", culture)} – {to.ToString("d", culture)}") { SpaceBefore = 4 });
        }

        document.Content.Add(LinesTable(invoice, money, culture));
        document.Content.Add(TotalsTable(invoice, money, culture));
        if (invoice.Kind == InvoiceKind.Invoice && invoice.Payments.Count > 0)
        {
            var payments = new Table { SpaceBefore = 12, HeaderBackground = null, RuleColor = null, CellPadding = 2 };
            payments.Columns.Add(new TableColumn(ColumnWidth.Relative()));
            payments.Columns.Add(new TableColumn(ColumnWidth.Fixed(110), TextAlignment.End));
            foreach (var payment in invoice.Payments.OrderBy(p => p.Date))
            {
                payments.Rows.Add(new TableRow($"Paid on {payment.Date.ToString("d", culture)}", money.Format(payment.Amount)));
            }

            payments.Rows.Add(invoice.Overpaid > 0
                ? new TableRow("Credit in the customer's favour", money.Format(invoice.Overpaid)) { Style = Bold }
                : new TableRow("Outstanding", money.Format(invoice.Outstanding)) { Style = Bold });
            document.Content.Add(payments);
        }

        if (!string.IsNullOrWhiteSpace(invoice.Notes))
        {
            document.Content.Add(new Paragraph(invoice.Notes) { SpaceBefore = 16 });
        }

        if (invoice.TimeEntries.Count > 0)
        {
            document.Content.Add(new PageBreak());
            document.Content.Add(new Paragraph($"Annex: time entries of {kind.ToLowerInvariant()} {number}") { Style = new TextStyle { Size = 13, Weight = FontWeight.Bold }, SpaceAfter = 8 });
            document.Content.Add(AnnexTable(invoice, money, culture));
        }

        return document;
    }

    private static Table HeaderBlock(Invoice invoice, Letterhead letterhead, CultureInfo culture, string kind, string number, string? creditedNumber)
    {
        var table = new Table { HeaderBackground = null, RuleColor = null, CellPadding = 0 };
        table.Columns.Add(new TableColumn(ColumnWidth.Relative()));
        table.Columns.Add(new TableColumn(ColumnWidth.Relative(), TextAlignment.End));
        var firm = new TableCell();
        if (letterhead.Logo is { IsEmpty: false } logo)
        {
            firm.Content.Add(new Image(logo) { Height = 40, SpaceAfter = 6 });
        }

        firm.Content.Add(new Paragraph(letterhead.Name) { Style = new TextStyle { Size = 12, Weight = FontWeight.Bold } });
        foreach (var line in letterhead.AddressLines)
        {
            firm.Content.Add(new Paragraph(line));
        }

        if (letterhead.TaxId is { Length: > 0 } taxId)
        {
            firm.Content.Add(new Paragraph("Tax ID: " + taxId));
        }

        var facts = new TableCell();
        facts.Content.Add(new Paragraph(kind) { Style = Title });
        facts.Content.Add(new Paragraph(number) { Style = new TextStyle { Size = 12, Weight = FontWeight.Bold } });
        var date = invoice.IssueDate ?? invoice.Date;
        facts.Content.Add(new Paragraph("Date: " + date.ToString("d", culture)));
        if (invoice.DueDate is { } due)
        {
            facts.Content.Add(new Paragraph("Due: " + due.ToString("d", culture)));
        }

        if (creditedNumber is not null)
        {
            facts.Content.Add(new Paragraph("Credits invoice " + creditedNumber));
        }

        var row = new TableRow();
        row.Cells.Add(firm);
        row.Cells.Add(facts);
        table.Rows.Add(row);
        return table;
    }

    private static Table LinesTable(Invoice invoice, MoneyText money, CultureInfo culture)
    {
        var table = new Table
        {
            SpaceBefore = 16,
            HeaderRow = new TableRow("#", "Description", "Quantity", "Unit price", "Tax", "Amount") { Style = Bold },
        };
        table.Columns.Add(new TableColumn(ColumnWidth.Fixed(22)));
        table.Columns.Add(new TableColumn(ColumnWidth.Relative()));
        table.Columns.Add(new TableColumn(ColumnWidth.Fixed(58), TextAlignment.End));
        table.Columns.Add(new TableColumn(ColumnWidth.Fixed(72), TextAlignment.End));
        table.Columns.Add(new TableColumn(ColumnWidth.Fixed(70)));
        table.Columns.Add(new TableColumn(ColumnWidth.Fixed(80), TextAlignment.End));
        var profileNames = invoice.TaxTotals.GroupBy(t => t.TaxProfile).ToDictionary(g => g.Key, g => g.First().ProfileName);
        foreach (var line in invoice.Lines.OrderBy(l => l.Position))
        {
            var quantity = line.Kind == LineKind.Time
                ? line.Quantity.ToString("0.##", culture) + " h"
                : line.Quantity.ToString("0.####", culture);
            table.Rows.Add(new TableRow(
                line.Position.ToString(culture),
                line.Description,
                quantity,
                money.Format(line.Kind == LineKind.Discount ? -line.UnitPrice : line.UnitPrice, unitPrice: true),
                profileNames.GetValueOrDefault(line.TaxProfile, line.TaxProfile),
                money.Format(line.Amount)));
        }

        return table;
    }

    private static Table TotalsTable(Invoice invoice, MoneyText money, CultureInfo culture)
    {
        var table = new Table { SpaceBefore = 12, HeaderBackground = null, RuleColor = null, CellPadding = 2 };
        table.Columns.Add(new TableColumn(ColumnWidth.Relative()));
        table.Columns.Add(new TableColumn(ColumnWidth.Fixed(200)));
        table.Columns.Add(new TableColumn(ColumnWidth.Fixed(90), TextAlignment.End));
        void Row(string label, decimal amount, bool bold = false) =>
            table.Rows.Add(new TableRow(string.Empty, label, money.Format(amount)) { Style = bold ? Bold : null });

        foreach (var profile in invoice.TaxTotals.GroupBy(t => t.TaxProfile).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var first = profile.First();
            Row($"Net ({first.ProfileName})", first.Base);
            foreach (var tax in profile)
            {
                Row($"{tax.Component} {(tax.Rate * 100).ToString("0.##", culture)} %", tax.Tax);
            }
        }

        Row("Net total", invoice.NetTotal);
        Row("Tax total", invoice.TaxTotal);
        Row(invoice.Kind == InvoiceKind.CreditNote ? "Total credited" : "Total due", invoice.GrossTotal, bold: true);
        if (invoice.PricesIncludeTax)
        {
            table.Rows.Add(new TableRow(string.Empty, "Prices include tax.", string.Empty) { Style = Small });
        }

        return table;
    }

    private static Table AnnexTable(Invoice invoice, MoneyText money, CultureInfo culture)
    {
        var table = new Table { HeaderRow = new TableRow("Date", "Person", "Project · task", "Note", "Hours", "Amount") { Style = Bold } };
        table.Columns.Add(new TableColumn(ColumnWidth.Fixed(62)));
        table.Columns.Add(new TableColumn(ColumnWidth.Relative(1)));
        table.Columns.Add(new TableColumn(ColumnWidth.Relative(1.2f)));
        table.Columns.Add(new TableColumn(ColumnWidth.Relative(1.4f)));
        table.Columns.Add(new TableColumn(ColumnWidth.Fixed(40), TextAlignment.End));
        table.Columns.Add(new TableColumn(ColumnWidth.Fixed(70), TextAlignment.End));
        foreach (var entry in invoice.TimeEntries.OrderBy(t => t.Date).ThenBy(t => t.EntryId))
        {
            table.Rows.Add(new TableRow(
                entry.Date.ToString("d", culture),
                entry.PersonName,
                entry.TaskName is null ? entry.ProjectName : $"{entry.ProjectName} · {entry.TaskName}",
                entry.Note ?? string.Empty,
                (entry.Minutes / 60m).ToString("0.##", culture),
                entry.Amount is { } amount ? money.Format(amount) : string.Empty));
        }

        return table;
    }

    /// <summary>Amounts in the invoice's currency with its minor units, in the document's culture, with the ISO code.</summary>
    private sealed class MoneyText(string currency, CultureInfo culture)
    {
        private readonly int _digits = MoneyFormat.MinorUnitsOf(currency);

        public string Format(decimal amount, bool unitPrice = false)
        {
            // Unit prices may carry more decimals than the currency (a rate of 12.345 per hour).
            var digits = unitPrice ? Math.Max(_digits, Decimals(amount)) : _digits;
            return amount.ToString("N" + digits.ToString(CultureInfo.InvariantCulture), culture) + " " + currency;
        }

        private static int Decimals(decimal value)
        {
            var normalized = value / 1.0000000000000000000000000000m;
            return Math.Min(4, (decimal.GetBits(normalized)[3] >> 16) & 0xFF);
        }
    }
}
