using CrmBlazor.Documents.Tests.Builders;
using CrmBlazor.Sdk.Documents;
using UglyToad.PdfPig;

namespace CrmBlazor.Documents.Tests;

/// <summary>Content flows onto new pages; tables repeat their header row and keep rows whole; footers say "page x of y".</summary>
public class PaginationTests
{
    [Fact]
    public void Table_LongerThanAPage_RepeatsItsHeaderRowOnEveryPage()
    {
        var pdf = PdfFiles.Render(new SampleInvoice { LineCount = 120 }.Build());

        var pages = PageCount(pdf);
        Assert.True(pages >= 3, $"Expected at least 3 pages, got {pages}.");
        for (var page = 1; page <= pages; page++)
        {
            var text = TextNormalizer.Normalize(PdfFiles.PdfToText(pdf, page));
            Assert.Contains("Description Hours Rate Amount", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Table_LongerThanAPage_KeepsEveryRowWholeAndInOrder()
    {
        var invoice = new SampleInvoice
        {
            LineCount = 90,
            LineDescription = i => $"R{i:000}-first consulting work on the quarterly close, reconciliations and the audit file R{i:000}-last",
        }.Build();

        var pdf = PdfFiles.Render(invoice);

        var pageTexts = Enumerable.Range(1, PageCount(pdf)).Select(page => TextNormalizer.Normalize(PdfFiles.PdfToText(pdf, page))).ToList();
        var previousPage = 0;
        for (var row = 1; row <= 90; row++)
        {
            var first = pageTexts.FindIndex(text => text.Contains($"R{row:000}-first", StringComparison.Ordinal));
            var last = pageTexts.FindIndex(text => text.Contains($"R{row:000}-last", StringComparison.Ordinal));
            Assert.True(first >= 0 && first == last, $"Row {row} starts on page {first + 1} and ends on page {last + 1}.");
            Assert.True(first >= previousPage, $"Row {row} comes before the previous row.");
            previousPage = first;
        }
    }

    [Fact]
    public void Footer_PageXOfY_ShowsEachPagesNumberAndTheCount()
    {
        var pdf = PdfFiles.Render(new SampleInvoice { LineCount = 120 }.Build());

        var pages = PageCount(pdf);
        for (var page = 1; page <= pages; page++)
        {
            Assert.Contains($"Page {page} of {pages}", TextNormalizer.Normalize(PdfFiles.PdfToText(pdf, page)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Paragraph_LongerThanAPage_ContinuesOnTheNextPage()
    {
        var text = string.Join(' ', Enumerable.Range(1, 1500).Select(i => $"word{i}"));

        var pdf = PdfFiles.Render(new Document { Content = { new Paragraph(text) } });

        Assert.True(PageCount(pdf) >= 2);
        Assert.Equal(text, TextNormalizer.Normalize(PdfFiles.PdfToText(pdf).Replace("\f", " ", StringComparison.Ordinal)));
    }

    [Fact]
    public void PageBreak_PutsTheNextBlockOnANewPage()
    {
        var pdf = PdfFiles.Render(new Document { Content = { new Paragraph("first"), new PageBreak(), new Paragraph("second") } });

        Assert.Equal(2, PageCount(pdf));
        Assert.Equal("second", TextNormalizer.Normalize(PdfFiles.PdfToText(pdf, 2)));
    }

    private static int PageCount(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }
}
