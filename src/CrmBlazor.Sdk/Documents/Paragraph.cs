namespace CrmBlazor.Sdk.Documents;

/// <summary>
/// Text that wraps to the available width at the places Unicode allows a line break (never inside a
/// letter with its vowel signs or a conjunct), and continues on the next page when the page is full.
/// A line feed (<c>\n</c>) in a span starts a new line.
/// </summary>
public sealed class Paragraph : Block
{
    /// <summary>An empty paragraph; add its text to <see cref="Spans"/>.</summary>
    public Paragraph()
    {
    }

    /// <summary>A paragraph of one span of text.</summary>
    /// <param name="text">The text.</param>
    public Paragraph(string text)
    {
        Spans.Add(new Span(text));
    }

    /// <summary>The pieces of text, each with its own style, in reading (logical) order.</summary>
    public IList<Span> Spans { get; } = new List<Span>();

    /// <summary>The style the spans inherit.</summary>
    public TextStyle? Style { get; init; }

    /// <summary>Where the lines sit; inherited from the table cell or column, else <see cref="TextAlignment.Start"/>.</summary>
    public TextAlignment? Alignment { get; init; }

    /// <summary>The paragraph's base direction; <see cref="TextDirection.Auto"/> takes it from the text.</summary>
    public TextDirection Direction { get; init; } = TextDirection.Auto;

    /// <summary>The language of the text as a BCP 47 tag, or null to use the document's.</summary>
    public string? Language { get; init; }

    /// <summary>The distance between lines as a multiple of the fonts' natural line height (1 = as designed).</summary>
    public float LineSpacing { get; init; } = 1;
}
