namespace CrmBlazor.Documents.Layout;

/// <summary>One line of a paragraph: runs in visual order with their offsets from the line's left end.</summary>
internal sealed class TextLine(IReadOnlyList<(float X, GlyphRun Run)> runs, float width, float ascent, float descent, float height, LineAlignment alignment)
{
    public IReadOnlyList<(float X, GlyphRun Run)> Runs { get; } = runs;

    /// <summary>The width of the drawn text (trailing spaces excluded).</summary>
    public float Width { get; } = width;

    /// <summary>The distance from the line's top to its baseline.</summary>
    public float Ascent { get; } = ascent;

    public float Descent { get; } = descent;

    /// <summary>The vertical space the line takes, line spacing included.</summary>
    public float Height { get; } = height;

    /// <summary>The side the line keeps to, Start and End already resolved by its paragraph's direction.</summary>
    public LineAlignment Alignment { get; } = alignment;

    /// <summary>The x of the line's left end within a box of the given width.</summary>
    public float OffsetIn(float boxWidth) => Alignment switch
    {
        LineAlignment.Right => boxWidth - Width,
        LineAlignment.Center => (boxWidth - Width) / 2,
        _ => 0,
    };
}

/// <summary>The physical alignment of lines, once Start and End are resolved by the paragraph's direction.</summary>
internal enum LineAlignment
{
    Left,
    Center,
    Right,
}
