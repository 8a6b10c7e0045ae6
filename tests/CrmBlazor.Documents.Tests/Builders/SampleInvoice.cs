using System.Globalization;
using CrmBlazor.Sdk.Documents;

namespace CrmBlazor.Documents.Tests.Builders;

/// <summary>
/// Builds an invoice-like document: a header with the firm and the invoice number, addresses, a table
/// of lines (description, hours, rate, amount) with a header row, totals, and "Page x of y" in the footer.
/// Shared with the PDF benchmark (bench/CrmBlazor.Bench.Pdf links this file).
/// </summary>
internal sealed class SampleInvoice
{
    public string Number { get; init; } = "INV-2026-00042";

    public string CustomerName { get; init; } = "Northwind Traders Ltd";

    public string CustomerAddress { get; init; } = "12 Harbour Road, Chennai 600001, India";

    public int LineCount { get; init; } = 30;

    /// <summary>The description of line i (1-based).</summary>
    public Func<int, string> LineDescription { get; init; } = i => $"Consulting, week {i}: requirements workshop and follow-up";

    public PageSize PageSize { get; init; } = PageSize.A4;

    public byte[]? Logo { get; init; }

    public Document Build()
    {
        var bold = new TextStyle { Weight = FontWeight.Bold };
        var document = new Document
        {
            PageSize = PageSize,
            Margins = Margins.All(36),
            DefaultStyle = new TextStyle { Size = 9 },
            Title = $"Invoice {Number}",
            Author = "Meridian Consulting LLP",
            Header =
            {
                new Table
                {
                    HeaderBackground = null,
                    RuleColor = null,
                    CellPadding = 0,
                    Columns = { new TableColumn(ColumnWidth.Relative()), new TableColumn(ColumnWidth.Relative(), TextAlignment.End) },
                    Rows =
                    {
                        new TableRow("Meridian Consulting LLP", $"Invoice {Number}") { Style = new TextStyle { Size = 12, Weight = FontWeight.Bold } },
                    },
                },
            },
            Footer =
            {
                new Paragraph
                {
                    Alignment = TextAlignment.Center,
                    Style = new TextStyle { Size = 8, Color = DocumentColor.Gray },
                    Spans = { "Page ", Span.PageNumber(), " of ", Span.PageCount() },
                },
            },
        };

        if (Logo is not null)
        {
            document.Content.Add(new Image(Logo) { Width = 96, Alignment = TextAlignment.Right });
        }

        document.Content.Add(new Paragraph { Spans = { new Span("Bill to: ", bold), CustomerName } });
        document.Content.Add(new Paragraph(CustomerAddress));
        document.Content.Add(new Paragraph("Issued 2026-11-30 · Due 2026-12-30 · Currency INR") { SpaceAfter = 8 });

        var table = new Table
        {
            Columns =
            {
                new TableColumn(ColumnWidth.Relative()),
                new TableColumn(ColumnWidth.Fixed(50), TextAlignment.End),
                new TableColumn(ColumnWidth.Fixed(60), TextAlignment.End),
                new TableColumn(ColumnWidth.Fixed(75), TextAlignment.End),
            },
            CellPadding = 2.5f,
            HeaderRow = new TableRow("Description", "Hours", "Rate", "Amount") { Style = bold },
        };
        var net = 0m;
        for (var i = 1; i <= LineCount; i++)
        {
            var hours = 1 + (i % 7) + (i % 3 * 0.25m);
            var rate = 1500m + (i % 4 * 250m);
            var amount = hours * rate;
            net += amount;
            table.Rows.Add(new TableRow(LineDescription(i), Money(hours), Money(rate), Money(amount)));
        }

        document.Content.Add(table);
        var tax = Math.Round(net * 0.18m, 2);
        document.Content.Add(new Paragraph($"Net {Money(net)}") { Alignment = TextAlignment.End, SpaceBefore = 6 });
        document.Content.Add(new Paragraph($"IGST 18% {Money(tax)}") { Alignment = TextAlignment.End });
        document.Content.Add(new Paragraph { Alignment = TextAlignment.End, Style = bold, Spans = { $"Total INR {Money(net + tax)}" } });
        return document;
    }

    private static string Money(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);
}
