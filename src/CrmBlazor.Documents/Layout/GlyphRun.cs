using CrmBlazor.Documents.Text;
using CrmBlazor.Sdk.Documents;

namespace CrmBlazor.Documents.Layout;

/// <summary>
/// Shaped glyphs ready to draw: one face, size and colour, positions relative to the run's origin on
/// the baseline (y grows downwards), and the run's source text with each glyph's cluster offset, which
/// the PDF needs to give readers the original text back.
/// </summary>
internal sealed class GlyphRun(FontFace face, float size, DocumentColor color, ushort[] glyphs, float[] x, float[] y, string text, int[] clusters, float width)
{
    public FontFace Face { get; } = face;

    public float Size { get; } = size;

    public DocumentColor Color { get; } = color;

    public ushort[] Glyphs { get; } = glyphs;

    public float[] X { get; } = x;

    public float[] Y { get; } = y;

    /// <summary>The run's text in logical order.</summary>
    public string Text { get; } = text;

    /// <summary>Per glyph, the UTF-16 offset in <see cref="Text"/> where its cluster starts.</summary>
    public int[] Clusters { get; } = clusters;

    public float Width { get; } = width;

    /// <summary>Places a shaped text at a size.</summary>
    public static GlyphRun From(ShapedText shaped, FontFace face, float size, DocumentColor color, string text)
    {
        var scale = size / face.UnitsPerEm;
        var count = shaped.Glyphs.Length;
        var x = new float[count];
        var y = new float[count];
        var pen = 0;
        for (var i = 0; i < count; i++)
        {
            x[i] = (pen + shaped.OffsetsX[i]) * scale;
            y[i] = -shaped.OffsetsY[i] * scale;
            pen += shaped.Advances[i];
        }

        return new GlyphRun(face, size, color, shaped.Glyphs, x, y, text, shaped.Clusters, pen * scale);
    }
}
