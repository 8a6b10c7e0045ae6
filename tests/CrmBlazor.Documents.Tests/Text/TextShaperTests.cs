using CrmBlazor.Documents.Text;

namespace CrmBlazor.Documents.Tests.Text;

/// <summary>Shaping word by word, which lets words come from the cache, gives the glyphs of shaping the whole text.</summary>
public class TextShaperTests
{
    private static readonly FontCollection Fonts = FontCollection.Embedded;

    public static TheoryData<string, bool> Texts()
    {
        var data = new TheoryData<string, bool>
        {
            { "AVATAR Tailspin Toys, To Yo. WAVE \u201CT\u201D Y. fi fl office, week 12: workshop LLP", false },
            { SampleTexts.Gujarati + " " + SampleTexts.Gujarati, false },
            { SampleTexts.Urdu + " " + SampleTexts.Urdu, true },
            { SampleTexts.Arabic + " " + SampleTexts.Urdu, true },
        };
        foreach (var article in new[] { SampleArticles.Tamil, SampleArticles.Kannada, SampleArticles.Georgian })
        {
            data.Add(string.Join(' ', SampleArticles.Paragraphs(article)[0].Split(' ').Where(word => word.All(char.IsLetter) || word.Any(c => c > 0x0B80))), false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void ShapeWordByWord_TextInOneScript_GivesTheGlyphsAndPositionsOfShapingTheWhole(string text, bool rightToLeft)
    {
        var shaper = new TextShaper();
        var face = FaceFor(text);

        var whole = shaper.ShapeWhole(face, text, rightToLeft, language: null);
        var wordByWord = shaper.ShapeWordByWord(face, text, rightToLeft, language: null);

        Assert.Equal(whole.Glyphs, wordByWord.Glyphs);
        Assert.Equal(whole.Clusters, wordByWord.Clusters);
        Assert.Equal(whole.Advances, wordByWord.Advances);
        Assert.Equal(whole.OffsetsX, wordByWord.OffsetsX);
        Assert.Equal(whole.OffsetsY, wordByWord.OffsetsY);
    }

    /// <summary>The face of the text's first letter, which covers the text's other letters and its spaces.</summary>
    private static FontFace FaceFor(string text)
    {
        var letter = text.First(char.IsLetter);
        var face = Fonts.Select(letter.ToString(), bold: false, previous: null);
        Assert.All(text.EnumerateRunes(), rune => Assert.True(face.Covers(rune.Value), $"{face} lacks U+{rune.Value:X4}."));
        return face;
    }
}
