using System.Text.RegularExpressions;
using CrmBlazor.Documents.Tests.Builders;
using CrmBlazor.Sdk.Documents;

namespace CrmBlazor.Documents.Tests;

/// <summary>A reader gets the original text back from the PDF, in every script, conjuncts, ligatures and right-to-left runs included.</summary>
public partial class TextExtractionTests
{
    public static TheoryData<string> Phrases => new()
    {
        SampleTexts.Tamil,
        SampleTexts.TamilCustomer,
        SampleTexts.Kannada,
        SampleTexts.KannadaConjuncts,
        SampleTexts.Georgian,
        SampleTexts.Gujarati,
        SampleTexts.Urdu,
        SampleTexts.Arabic,
        SampleTexts.Ligatures,
    };

    [Theory]
    [MemberData(nameof(Phrases))]
    public void Pdftotext_ParagraphInAnyScript_ExtractsTheOriginalString(string phrase)
    {
        var pdf = PdfFiles.Render(OneParagraph(phrase));

        Assert.Equal(phrase, TextNormalizer.Normalize(PdfFiles.PdfToText(pdf)));
    }

    [Theory]
    [MemberData(nameof(Phrases))]
    public void PdfPig_ParagraphInAnyScript_ExtractsTheOriginalString(string phrase)
    {
        var pdf = PdfFiles.Render(OneParagraph(phrase));

        Assert.Equal(phrase, TextNormalizer.Normalize(PdfPigText.Extract(pdf)));
    }

    /// <remarks>
    /// pdftotext orders the runs of a mixed line by its own heuristics (it puts "Invoice 42 for" after
    /// the Urdu when the Urdu ends the line), so only each run is compared; PdfPig, which follows the
    /// PDF's /ReversedChars marks, gets the whole line (next test).
    /// </remarks>
    [Fact]
    public void Pdftotext_LineMixingEnglishAndUrdu_ExtractsEachRunUnchanged()
    {
        const string line = "Invoice 42 for " + SampleTexts.Urdu + " in Lahore";

        var text = TextNormalizer.Normalize(PdfFiles.PdfToText(PdfFiles.Render(OneParagraph(line))));

        Assert.Contains("Invoice 42 for", text, StringComparison.Ordinal);
        Assert.Contains(SampleTexts.Urdu, text, StringComparison.Ordinal);
        Assert.Contains("in Lahore", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PdfPig_LineMixingEnglishAndUrdu_ExtractsTheOriginalString()
    {
        const string line = "Invoice 42 for " + SampleTexts.Urdu + " in Lahore";

        var pdf = PdfFiles.Render(OneParagraph(line));

        Assert.Equal(line, TextNormalizer.Normalize(PdfPigText.Extract(pdf)));
    }

    /// <remarks>
    /// A customer's name stored before the CRM refused such characters: the override would print the
    /// rest of the name backwards ("Bidi exe.png") and NUL would end up in the text layer.
    /// </remarks>
    [Fact]
    public void Pdftotext_SpanWithAnOverrideAndControlCharacters_PrintsTheTextInLogicalOrderWithoutThem()
    {
        var paragraph = new Paragraph { Spans = { new Span("Customer: "), new Span("Bidi \u202Egnp.exe\u0000 Ltd\u0007\u2067"), new Span(" (due\ttoday)") } };

        var text = PdfFiles.PdfToText(PdfFiles.Render(new Document { Content = { paragraph } }));

        Assert.Equal("Customer: Bidi gnp.exe Ltd (due today)", text.Trim());
    }

    [Fact]
    public void Pdftotext_InvoiceWithCustomerNamesAndLinesInEveryScript_ExtractsEachUnchanged()
    {
        string[] names = [SampleTexts.TamilCustomer, SampleTexts.Kannada, SampleTexts.Georgian, SampleTexts.Urdu];
        var invoice = new SampleInvoice
        {
            CustomerName = SampleTexts.TamilCustomer,
            LineDescription = i => names[i % names.Length],
            LineCount = 8,
        }.Build();

        var text = TextNormalizer.Normalize(PdfFiles.PdfToText(PdfFiles.Render(invoice)));

        Assert.All(names, name => Assert.Contains(name, text, StringComparison.Ordinal));
    }

    /// <summary>
    /// Whole articles: several pages of wrapped paragraphs, with Latin words (CRM, e-commerce) inside.
    /// A line may end after the hyphen of "CRM-ის"; the break is read back as nothing there (the
    /// articles have no hyphen before a space), elsewhere as a space.
    /// </summary>
    [Theory]
    [InlineData(SampleArticles.Tamil)]
    [InlineData(SampleArticles.Kannada)]
    [InlineData(SampleArticles.Georgian)]
    public void Pdftotext_SampleArticle_ExtractsEveryParagraphUnchanged(string article)
    {
        var paragraphs = SampleArticles.Paragraphs(article);
        var document = new Document();
        foreach (var paragraph in paragraphs)
        {
            document.Content.Add(new Paragraph(paragraph) { SpaceAfter = 6 });
        }

        var lines = PdfFiles.PdfToText(PdfFiles.Render(document), layout: true);
        var text = TextNormalizer.Normalize(BreakAfterHyphen().Replace(lines, string.Empty));

        Assert.Equal(TextNormalizer.Normalize(string.Join(' ', paragraphs)), text);
    }

    private static Document OneParagraph(string text) => new() { Content = { new Paragraph(text) { Style = new TextStyle { Size = 14 } } } };

    [GeneratedRegex(@"(?<=\S-)[ \t]*\r?\n\s*")]
    private static partial Regex BreakAfterHyphen();
}
