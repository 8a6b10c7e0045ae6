using System.Globalization;
using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Documents;
using CrmBlazor.Sdk.Documents;
using static CrmBlazor.Plugins.Invoicing.Tests.Data.TestInvoices;

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
        var invoice = AnInvoice(withTime: false);

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
        var credit = AnInvoice().CreditNoteDraft().IssuedAs(3);

        var text = TextOf(InvoiceDocumentBuilder.Build(credit, Firm, India, PageSize.A4, creditedNumber: "INV-2026-00042").Content);

        Assert.Contains("Credit note", text);
        Assert.Contains("Credits invoice INV-2026-00042", text);
        Assert.Contains("Total credited", text);
    }

    [Fact]
    public void PaidInvoice_ListsPaymentsAndWhatIsStillOwed()
    {
        var invoice = AnInvoice().PaidWith(18000m, at: Now.AddDays(8));

        var text = TextOf(InvoiceDocumentBuilder.Build(invoice, Firm, India, PageSize.A4).Content);

        Assert.Equal("1,00,000.00 INR", text[text.IndexOf("Outstanding") + 1]);
        Assert.DoesNotContain("Credit in the customer's favour", text);
    }

    [Fact]
    public void InvoicePaidThenPartlyCredited_SaysWhatIsOwedToTheCustomer()
    {
        var invoice = AnInvoice().PaidWith(118000m, at: Now.AddDays(8)).CreditedWith(11800m);

        var text = TextOf(InvoiceDocumentBuilder.Build(invoice, Firm, India, PageSize.A4).Content);

        Assert.DoesNotContain("Outstanding", text);
        var favour = text.IndexOf("Credit in the customer's favour");
        Assert.Equal("11,800.00 INR", text[favour + 1]);
    }

    /// <summary>Invoice INV-2026-00042 of 2 November 2026 to a Tamil-named customer: 50 hours of design at 2,000 INR plus GST within the state (CGST and SGST 9% each).</summary>
    private static Invoice AnInvoice(bool withTime = true)
    {
        var draft = Draft("INR", "in-gst-intra");
        draft = withTime
            ? draft.WithTime(
                Time(1, "Meera Iyer", new DateOnly(2026, 10, 5), 1800, 2000m, (10, "Design")),
                Time(2, "Ravi Shankar", new DateOnly(2026, 10, 6), 1200, 2000m, (10, "Design")))
            : draft.WithFee(100000m, description: "Website · Design");
        return draft.IssuedAs(42, at: Now, paymentTermDays: 30);
    }

    private static List<string> TextOf(IEnumerable<Block> blocks) => [.. blocks.SelectMany(b => b switch
    {
        Paragraph p => [string.Concat(p.Spans.Select(s => s.Text))],
        Table t => (t.HeaderRow is null ? [] : new[] { t.HeaderRow }).Concat(t.Rows).SelectMany(r => r.Cells).SelectMany(c => TextOf(c.Content)),
        _ => [],
    })];
}
