using System.Collections.Concurrent;
using HarfBuzzSharp;
using HbBuffer = HarfBuzzSharp.Buffer;

namespace CrmBlazor.Documents.Text;

/// <summary>
/// Shapes runs of text with HarfBuzz, one font and one direction per run (BiDi has split the text
/// already: HarfBuzz does not reorder). Results are cached: the labels, amounts and names of a month's
/// invoices repeat, and a cached run costs a dictionary look-up instead of a shaping pass.
/// </summary>
internal sealed class TextShaper
{
    /// <summary>Past this many cached runs the cache is emptied, which keeps memory flat over any number of documents.</summary>
    private const int MaxCachedRuns = 50_000;

    private static readonly ConcurrentDictionary<string, Language> Languages = new(StringComparer.OrdinalIgnoreCase);

    [ThreadStatic]
    private static HbBuffer? t_buffer;

    private readonly ConcurrentDictionary<ShapeKey, ShapedText> _cache = new();

    public ShapedText Shape(FontFace face, string text, bool rightToLeft, string? language)
    {
        var key = new ShapeKey(face.Id, text, rightToLeft, language);
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var shaped = ShapeUncached(face, text, rightToLeft, language);
        if (_cache.Count >= MaxCachedRuns)
        {
            _cache.Clear();
        }

        _cache.TryAdd(key, shaped);
        return shaped;
    }

    private static ShapedText ShapeUncached(FontFace face, string text, bool rightToLeft, string? language)
    {
        var buffer = t_buffer ??= new HbBuffer();
        buffer.ClearContents();
        buffer.AddUtf16(text);
        buffer.Direction = rightToLeft ? Direction.RightToLeft : Direction.LeftToRight;
        if (!string.IsNullOrEmpty(language))
        {
            buffer.Language = Languages.GetOrAdd(language, tag => new Language(tag));
        }

        buffer.GuessSegmentProperties();
        face.HarfBuzzFont.Shape(buffer);

        var infos = buffer.GetGlyphInfoSpan();
        var positions = buffer.GetGlyphPositionSpan();
        var count = infos.Length;
        var glyphs = new ushort[count];
        var clusters = new int[count];
        var advances = new int[count];
        var offsetsX = new int[count];
        var offsetsY = new int[count];
        for (var i = 0; i < count; i++)
        {
            glyphs[i] = (ushort)infos[i].Codepoint;
            clusters[i] = (int)infos[i].Cluster;
            advances[i] = positions[i].XAdvance;
            offsetsX[i] = positions[i].XOffset;
            offsetsY[i] = positions[i].YOffset;
        }

        return new ShapedText(glyphs, clusters, advances, offsetsX, offsetsY);
    }

    private readonly record struct ShapeKey(int FaceId, string Text, bool RightToLeft, string? Language);
}
