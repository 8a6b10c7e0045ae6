using CrmBlazor.Sdk.Documents;
using UglyToad.PdfPig;

namespace CrmBlazor.Documents.Tests;

/// <summary>Pages have the size the document asks for.</summary>
public class PageSetupTests
{
    [Theory]
    [InlineData("A4", 595.28, 841.89)]
    [InlineData("Letter", 612, 792)]
    [InlineData("A4 landscape", 841.89, 595.28)]
    public void Document_PageSize_IsTheSizeOfEveryPage(string name, double width, double height)
    {
        var size = name switch { "A4" => PageSize.A4, "Letter" => PageSize.Letter, _ => PageSize.A4.Landscape() };

        var pdf = PdfFiles.Render(new Document { PageSize = size, Content = { new Paragraph("one"), new PageBreak(), new Paragraph("two") } });

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(2, document.NumberOfPages);
        Assert.All(document.GetPages(), page =>
        {
            Assert.Equal(width, page.Width, 0.5);
            Assert.Equal(height, page.Height, 0.5);
        });
    }

    [Fact]
    public void Document_WithMargins_StartsTheBodyAtTheTopLeftMargin()
    {
        var pdf = PdfFiles.Render(new Document { Margins = new Margins(100, 150, 40, 40), Content = { new Paragraph("Margin") } });

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        var first = page.Letters[0];
        Assert.Equal(100, first.BoundingBox.Left, 1.5);
        Assert.InRange(page.Height - first.BoundingBox.Top, 150, 165);
    }
}
