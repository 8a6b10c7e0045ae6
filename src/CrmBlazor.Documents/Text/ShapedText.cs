namespace CrmBlazor.Documents.Text;

/// <summary>
/// The glyphs HarfBuzz chose for a run of text in one font and direction, in visual order, with
/// positions in font units (independent of the size) and, per glyph, the UTF-16 offset in the run's
/// text of the cluster it belongs to. Immutable, so it can be cached and shared between threads.
/// </summary>
internal sealed class ShapedText
{
    public ShapedText(ushort[] glyphs, int[] clusters, int[] advances, int[] offsetsX, int[] offsetsY)
    {
        Glyphs = glyphs;
        Clusters = clusters;
        Advances = advances;
        OffsetsX = offsetsX;
        OffsetsY = offsetsY;
        foreach (var advance in advances)
        {
            TotalAdvance += advance;
        }
    }

    public ushort[] Glyphs { get; }

    public int[] Clusters { get; }

    public int[] Advances { get; }

    public int[] OffsetsX { get; }

    /// <summary>Vertical offsets, upwards positive as in fonts.</summary>
    public int[] OffsetsY { get; }

    public int TotalAdvance { get; }
}
