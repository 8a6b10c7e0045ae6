using System.Globalization;
using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Documents;
using CrmBlazor.Sdk.Documents;

namespace CrmBlazor.Plugins.Invoicing.Tests.Features.Documents;

/// <summary>The invoice layout as a document: what it says and where, before any rendering.</summary>
public sealed class InvoiceDocumentBuilderTests
{
    private static readonly Letterhead Firm = new("Iyer & Tsereteli Consulting", ["12 MG Road", "Bengaluru 560001"], "29ABCDE1234F1Z5", null);
    private static readonly CultureInfo India = CultureInfo.GetCultureInfo("en-IN");

    [Fact]
    public void Invoice_ShowsFirmCustomerNumberAndTotalsPerTaxRateInTheDocumentsCulture()
    {
        var document = InvoiceDocumentBuilder.Build(AnInvoice(), Firm, India, PageSize.A4);

        var text = TextOf(document.Content);
        Assert.Contains("Iyer & Tsereteli Consulting", text);
        Assert.Contains("Tax ID: 29ABCDE1234F1Z5", text);
        Assert.Contains("INV-2026-00042", text);
        Assert.Contains("கயல்விழி டிரேடர்ஸ்", text);
        Assert.Contains("CGST 9 %", text);
        Assert.Contains("9,000.00 INR", text);
        Assert.Contains("1,18,000.00 INR", text);
    }

    [Fact]
    public void Invoice_WithTime_ListsEveryEntryInAnAnnexAfterAPageBreak()
    {
        var document = InvoiceDocumentBuilder.Build(AnInvoice(), Firm, India, PageSize.A4);

        var pageBreak = document.Content.ToList().FindIndex(b => b is PageBreak);
        Assert.True(pageBreak > 0);
        var annex = Assert.IsType<Table>(document.Content[pageBreak + 2]);
        Assert.NotNull(annex.HeaderRow);
        Assert.Equal(2, annex.Rows.Count);
    }

    [Fact]
    public void Invoice_WithoutTime_HasNoAnnex()
    {
        var invoice = AnInvoice();
        invoice.TimeEntries.Clear();

        var document = InvoiceDocumentBuilder.Build(invoice, Firm, India, PageSize.Letter);

        Assert.DoesNotContain(document.Content, b => b is PageBreak);
        Assert.Equal(PageSize.Letter, document.PageSize);
    }

    [Fact]
    public void Footer_SaysPageXOfY()
    {
        var document = InvoiceDocumentBuilder.Build(AnInvoice(), Firm, India, PageSize.A4);

        var fields = document.Footer.OfType<Paragraph>().SelectMany(p => p.Spans).Select(s => s.Field).ToList();
        Assert.Equal([SpanField.PageNumber, SpanField.PageCount], fields.Where(f => f != SpanField.None));
    }

    [Fact]
    public void LinesTable_RepeatsItsHeaderOnEveryPage()
    {
        var document = InvoiceDocumentBuilder.Build(AnInvoice(), Firm, India, PageSize.A4);

        var lines = document.Content.OfType<Table>().First(t => t.HeaderRow is not null);
        Assert.Equal(["#", "Description", "Quantity", "Unit price", "Tax", "Amount"], lines.HeaderRow!.Cells.Select(c => TextOf(c.Content).Single()));
    }

    [Fact]
    public void CreditNote_NamesTheInvoiceItCredits()
    {
        var credit = AnInvoice();
        credit.Kind = InvoiceKind.CreditNote;
        credit.Number = "CN-2026-00003";

        var text = TextOf(InvoiceDocumentBuilder.Build(credit, Firm, India, PageSize.A4, creditedNumber: "INV-2026-00042").Content);

        Assert.Contains("Credit note", text);
        Assert.Contains("Credits invoice INV-2026-00042", text);
        Assert.Contains("Total credited", text);
    }

    [Fact]
    public void PaidInvoice_ListsPaymentsAndWhatIsStillOwed()
    {
        var invoice = AnInvoice();
        invoice.Payments.Add(new Payment { Date = new DateOnly(2026, 11, 10), Amount = 18000m });
        invoice.PaidTotal = 18000m;

        var text = TextOf(InvoiceDocumentBuilder.Build(invoice, Firm, India, PageSize.A4).Content);

        Assert.Equal("1,00,000.00 INR", text[text.IndexOf("Outstanding") + 1]);
        Assert.DoesNotContain("Credit in the customer's favour", text);
    }

    [Fact]
    public void InvoicePaidThenPartlyCredited_SaysWhatIsOwedToTheCustomer()
    {
        var invoice = AnInvoice();
        invoice.Payments.Add(new Payment { Date = new DateOnly(2026, 11, 10), Amount = 118000m });
        invoice.PaidTotal = 118000m;
        invoice.CreditedTotal = 11800m;

        var text = TextOf(InvoiceDocumentBuilder.Build(invoice, Firm, India, PageSize.A4).Content);

        Assert.DoesNotContain("Outstanding", text);
        var favour = text.IndexOf("Credit in the customer's favour");
        Assert.Equal("11,800.00 INR", text[favour + 1]);
    }

    private static Invoice AnInvoice()
    {
        var invoice = new Invoice
        {
            Id = 42,
            Number = "INV-2026-00042",
            Status = InvoiceStatus.Issued,
            CustomerName = "கயல்விழி டிரேடர்ஸ்",
            Currency = "INR",
            TaxProfile = "in-gst-intra",
            Date = new DateOnly(2026, 11, 2),
            IssueDate = new DateOnly(2026, 11, 2),
            DueDate = new DateOnly(2026, 12, 2),
            NetTotal = 100000m,
            TaxTotal = 18000m,
            GrossTotal = 118000m,
        };
        invoice.Lines.Add(new InvoiceLine { Position = 1, Kind = LineKind.Time, Description = "Website · Design", Minutes = 3000, Quantity = 50, UnitPrice = 2000m, Amount = 100000m, TaxProfile = "in-gst-intra", GroupKey = "g" });
        invoice.TaxTotals.Add(new InvoiceTaxTotal { TaxProfile = "in-gst-intra", ProfileName = "GST (within the state)", Component = "CGST", Rate = 0.09m, Base = 100000m, Tax = 9000m });
        invoice.TaxTotals.Add(new InvoiceTaxTotal { TaxProfile = "in-gst-intra", ProfileName = "GST (within the state)", Component = "SGST", Rate = 0.09m, Base = 100000m, Tax = 9000m });
        invoice.TimeEntries.Add(new InvoiceTimeEntry { EntryId = 1, GroupKey = "g", ProjectName = "Website", UserId = "u1", PersonName = "Meera Iyer", Date = new DateOnly(2026, 10, 5), Minutes = 1800, HourlyRate = 2000m, Amount = 60000m });
        invoice.TimeEntries.Add(new InvoiceTimeEntry { EntryId = 2, GroupKey = "g", ProjectName = "Website", UserId = "u2", PersonName = "Ravi Shankar", Date = new DateOnly(2026, 10, 6), Minutes = 1200, HourlyRate = 2000m, Amount = 40000m });
        return invoice;
    }

    private static List<string> TextOf(IEnumerable<Block> blocks) => [.. blocks.SelectMany(b => b switch
    {
        Paragraph p => [string.Concat(p.Spans.Select(s => s.Text))],
        Table t => (t.HeaderRow is null ? [] : new[] { t.HeaderRow }).Concat(t.Rows).SelectMany(r => r.Cells).SelectMany(c => TextOf(c.Content)),
        _ => [],
    })];
}
