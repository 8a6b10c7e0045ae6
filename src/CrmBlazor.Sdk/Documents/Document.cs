namespace CrmBlazor.Sdk.Documents;

/// <summary>
/// A document to print: page setup, a running header and footer, and the content as a list of blocks
/// that flows from page to page. Build one and hand it to <see cref="IPdfRenderer"/>.
/// </summary>
/// <remarks>
/// Lengths are in points (1/72 inch). Text in any script the CRM supports (Latin, Tamil, Kannada,
/// Gujarati, Georgian, Urdu and Arabic) is shaped, ordered right to left where it should be, and
/// stays searchable in the PDF; the fonts come with the host, so the result does not depend on the
/// machine that renders it.
/// </remarks>
/// <example>
/// <code>
/// var document = new Document
/// {
///     PageSize = PageSize.A4,
///     Footer = { new Paragraph { Alignment = TextAlignment.Center, Spans = { "Page ", Span.PageNumber(), " of ", Span.PageCount() } } },
///     Content = { new Paragraph("Invoice INV-2026-00042") { Style = new TextStyle { Size = 18, Weight = FontWeight.Bold } } },
/// };
/// </code>
/// </example>
public sealed class Document
{
    /// <summary>The size of every page; A4 unless set.</summary>
    public PageSize PageSize { get; init; } = PageSize.A4;

    /// <summary>The space between the edges of the page and the header, body and footer.</summary>
    public Margins Margins { get; init; } = Margins.All(48);

    /// <summary>The text style blocks inherit unless they set their own (10 pt, normal weight, black).</summary>
    public TextStyle DefaultStyle { get; init; } = TextStyle.Default;

    /// <summary>
    /// The language of the text as a BCP 47 tag (<c>ta</c>, <c>ur</c>, <c>ka</c>), or null. It selects
    /// language-specific glyph forms (Urdu digits, for example).
    /// </summary>
    public string? Language { get; init; }

    /// <summary>The document's title, shown by PDF readers in their title bar.</summary>
    public string? Title { get; init; }

    /// <summary>The document's author (the firm), stored in the PDF's information.</summary>
    public string? Author { get; init; }

    /// <summary>The document's subject, stored in the PDF's information.</summary>
    public string? Subject { get; init; }

    /// <summary>
    /// Blocks drawn at the top of every page, above the body. <see cref="Span.PageNumber"/> and
    /// <see cref="Span.PageCount"/> give "page x of y". Page breaks are not allowed here.
    /// </summary>
    public IList<Block> Header { get; } = new List<Block>();

    /// <summary>Blocks drawn at the bottom of every page, below the body; like <see cref="Header"/>.</summary>
    public IList<Block> Footer { get; } = new List<Block>();

    /// <summary>The space between the header and the body, and between the body and the footer.</summary>
    public float HeaderFooterSpacing { get; init; } = 12;

    /// <summary>The body: blocks laid out one below the other, continuing on new pages as needed.</summary>
    public IList<Block> Content { get; } = new List<Block>();
}
