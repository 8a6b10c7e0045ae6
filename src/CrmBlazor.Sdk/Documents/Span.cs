namespace CrmBlazor.Sdk.Documents;

/// <summary>A piece of a paragraph's text with one style, or a field filled in when pages are known.</summary>
public sealed class Span
{
    /// <summary>A span of text.</summary>
    /// <param name="text">The text, in any script; may contain line feeds. Control characters and direction
    /// embeddings and overrides are not printed, and an isolate left open ends with the span (the rule of
    /// <see cref="Results.UserText"/>): a customer's name cannot change how the rest of the line reads.</param>
    /// <param name="style">Its style, or null to inherit the paragraph's.</param>
    public Span(string text, TextStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Style = style;
    }

    private Span(SpanField field, TextStyle? style)
    {
        Text = string.Empty;
        Field = field;
        Style = style;
    }

    /// <summary>The text (empty for a field).</summary>
    public string Text { get; }

    /// <summary>The style, or null to inherit the paragraph's.</summary>
    public TextStyle? Style { get; }

    /// <summary>The field this span shows instead of text, if any.</summary>
    public SpanField Field { get; }

    /// <summary>The number of the page the span is drawn on (1, 2, …), for headers and footers.</summary>
    /// <param name="style">Its style, or null to inherit the paragraph's.</param>
    public static Span PageNumber(TextStyle? style = null) => new(SpanField.PageNumber, style);

    /// <summary>The number of pages in the document, for "page x of y".</summary>
    /// <param name="style">Its style, or null to inherit the paragraph's.</param>
    public static Span PageCount(TextStyle? style = null) => new(SpanField.PageCount, style);

    /// <summary>A span of text with the paragraph's style.</summary>
    /// <param name="text">The text.</param>
    public static Span FromString(string text) => new(text);

    /// <summary>A span of text with the paragraph's style, so <c>Spans = { "Total: ", … }</c> reads naturally.</summary>
    /// <param name="text">The text.</param>
    public static implicit operator Span(string text) => new(text);
}

/// <summary>What a <see cref="Span"/> shows when it is not plain text.</summary>
public enum SpanField
{
    /// <summary>Its own text.</summary>
    None,

    /// <summary>The number of the page it is on.</summary>
    PageNumber,

    /// <summary>The number of pages of the document.</summary>
    PageCount,
}
