using CrmBlazor.Documents.Layout;
using CrmBlazor.Documents.Text;
using CrmBlazor.Sdk.Documents;

namespace CrmBlazor.Documents.Tests;

/// <summary>Lines break where Unicode allows (UAX #14), and never inside a grapheme cluster.</summary>
public class LineBreakingTests
{
    private static readonly ParagraphLayouter Layouter = new(FontCollection.Embedded, new TextShaper());

    [Theory]
    [InlineData("இ-காமர்ஸ் மற்றும் வணிக சேவைகள் ஆகிய இரு துறைகளிலும் செயல்படும் வணிகங்களுக்கு வாடிக்கையாளர் உறவு மேலாண்மை இன்றியமையாதது")]
    [InlineData("ಗ್ರಾಹಕ ಸಂಬಂಧ ನಿರ್ವಹಣೆ ಜಾಹೀರಾತು ಮತ್ತು ಚಿಲ್ಲರೆ ವ್ಯಾಪಾರ ಎರಡರಲ್ಲೂ ನಿರ್ಣಾಯಕ ಅಂಶವಾಗಿದೆ")]
    [InlineData("მომხმარებელთან ურთიერთობის მენეჯმენტი არის გადამწყვეტი ასპექტი როგორც რეკლამაში")]
    public void Paragraph_InANarrowColumn_BreaksBetweenWordsAndFitsTheColumn(string text)
    {
        const float width = 120;

        var lines = Layouter.Layout(new Paragraph(text), TextStyle.Default, TextAlignment.Start, null, width, PageFields.None);

        Assert.True(lines.Count > 3);
        Assert.All(lines, line => Assert.True(line.Width <= width, $"A line is {line.Width} pt wide."));
        Assert.Equal(text.Split(' '), lines.SelectMany(line => LineText(line).Split(' ')));
    }

    [Theory]
    [InlineData("ಸಂವಹನಗಳನ್ನುವಿಶ್ಲೇಷಿಸಲುಮತ್ತುನಿರ್ವಹಿಸಲುಕ್ಷತ್ರಿಯಶ್ರೀ")]
    [InlineData("வாடிக்கையாளர்களுக்குக்ஷேத்திரம்ஸ்ரீமேலாண்மை")]
    [InlineData("ગ્રાહકસંબંધસંચાલનક્ષત્રિયશ્રી")]
    public void WordWiderThanTheColumn_IsCutOnlyBetweenGraphemeClusters(string word)
    {
        var lines = Layouter.Layout(new Paragraph(word), TextStyle.Default, TextAlignment.Start, null, 24, PageFields.None);

        Assert.True(lines.Count > 3);
        var boundaries = LineBreaks.GraphemeBoundaries(word);
        var offset = 0;
        foreach (var line in lines)
        {
            var text = LineText(line);
            Assert.True(word.AsSpan(offset).StartsWith(text, StringComparison.Ordinal), $"Line '{text}' does not continue at {offset}.");
            offset += text.Length;
            Assert.True(boundaries[offset], $"A line ends inside a grapheme cluster at {offset}: '{text}'.");
        }

        Assert.Equal(word.Length, offset);
    }

    [Theory]
    [InlineData("ಕ್ಷೇತ್ರಕ್ಷೇತ್ರಕ್ಷೇತ್ರ")]
    [InlineData("ક્ષત્રિયક્ષત્રિયક્ષત્રિય")]
    public void WordWiderThanTheColumn_IsNotCutInsideAConjunct(string word)
    {
        var lines = Layouter.Layout(new Paragraph(word), TextStyle.Default, TextAlignment.Start, null, 1, PageFields.None);

        Assert.True(lines.Count > 3);
        Assert.All(lines, line => Assert.False(LineText(line).EndsWith('\u0CCD') || LineText(line).EndsWith('\u0ACD'), $"'{LineText(line)}' ends with a virama."));
    }

    [Fact]
    public void Paragraph_WithLineFeeds_StartsANewLineAtEach()
    {
        var lines = Layouter.Layout(new Paragraph("Meridian Consulting LLP\n12 Harbour Road\nChennai"), TextStyle.Default, TextAlignment.Start, null, 400, PageFields.None);

        Assert.Equal(["Meridian Consulting LLP", "12 Harbour Road", "Chennai"], lines.Select(LineText));
    }

    [Fact]
    public void Paragraph_RightToLeftWithStartAlignment_KeepsToTheRightEdge()
    {
        var lines = Layouter.Layout(new Paragraph(SampleTexts.Urdu), TextStyle.Default, TextAlignment.Start, null, 400, PageFields.None);

        Assert.Equal(LineAlignment.Right, Assert.Single(lines).Alignment);
    }

    private static string LineText(TextLine line) => string.Concat(line.Runs.Select(run => run.Run.Text));
}
