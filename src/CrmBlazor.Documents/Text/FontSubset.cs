using System.Collections.Concurrent;
using SkiaSharp;

namespace CrmBlazor.Documents.Text;

/// <summary>
/// A subset of a font loaded into Skia, with the map from the full font's glyph ids (which HarfBuzz
/// shaped with) to the subset's. Immutable once made, shared by the documents that use the same
/// glyphs, and safe to draw with from several threads.
/// </summary>
internal sealed class FontSubset(SKTypeface typeface, ushort[] glyphMap)
{
    private readonly ConcurrentDictionary<float, SKFont> _fonts = new();

    public SKTypeface Typeface { get; } = typeface;

    /// <summary>The subset's id of a glyph of the full font (one the subset was made with).</summary>
    public ushort Glyph(ushort fullFontGlyph) => glyphMap[fullFontGlyph];

    /// <summary>The Skia font of this subset at a size, made once.</summary>
    public SKFont FontAt(float size) => _fonts.GetOrAdd(size, static (size, typeface) => new SKFont(typeface, size)
    {
        Hinting = SKFontHinting.None,
        Subpixel = true,
        LinearMetrics = true,
    }, Typeface);
}
