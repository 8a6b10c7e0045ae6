using CrmBlazor.Documents.Tests.Builders;
using CrmBlazor.Sdk.Documents;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace CrmBlazor.Documents.Tests;

/// <summary>PDFs embed subsets of the fonts, so they stay small.</summary>
public class FileSizeTests(ITestOutputHelper output)
{
    [Fact]
    public void Invoice_OnePageOfThirtyLatinLines_IsAtMost40KiB()
    {
        var pdf = PdfFiles.Render(new SampleInvoice { LineCount = 30 }.Build());

        output.WriteLine($"30-line Latin invoice: {pdf.Length} bytes.");
        using (var document = PdfDocument.Open(pdf))
        {
            Assert.Equal(1, document.NumberOfPages);
        }

        Assert.True(pdf.Length <= 40 * 1024, $"The invoice is {pdf.Length} bytes.");
    }

    [Fact]
    public void FontSubset_EachFurtherLetter_AddsLittleToTheFile()
    {
        var three = PdfFiles.Render(OneLine("abc")).Length;
        var twentySix = PdfFiles.Render(OneLine("abcdefghijklmnopqrstuvwxyz")).Length;

        var perLetter = (twentySix - three) / 23.0;
        output.WriteLine($"3 letters: {three} bytes; 26 letters: {twentySix} bytes; {perLetter:F0} bytes per further letter.");
        Assert.True(three < 12 * 1024, $"A PDF of three letters is {three} bytes: the whole font was embedded.");
        Assert.True(perLetter < 400, $"Each further letter adds {perLetter:F0} bytes.");
    }

    [Theory]
    [InlineData(SampleTexts.Tamil)]
    [InlineData(SampleTexts.Kannada)]
    [InlineData(SampleTexts.Urdu)]
    public void FontSubset_OneLineOfAScript_EmbedsFarLessThanTheFont(string line)
    {
        var pdf = PdfFiles.Render(OneLine(line));

        output.WriteLine($"{line}: {pdf.Length} bytes.");
        Assert.True(pdf.Length < 24 * 1024, $"The PDF is {pdf.Length} bytes.");
    }

    private static Document OneLine(string text) => new() { Content = { new Paragraph(text) } };
}
