using System.Collections.Concurrent;
using HarfBuzzSharp;
using HbBuffer = HarfBuzzSharp.Buffer;

namespace CrmBlazor.Documents.Text;

/// <summary>
/// Shapes runs of text with HarfBuzz, one font and one direction per run (BiDi has split the text
/// already: HarfBuzz does not reorder). Results are cached: the labels, amounts and names of a month's
/// invoices repeat, and a cached run costs a dictionary look-up instead of a shaping pass. Longer texts
/// (descriptions, addresses), which rarely repeat whole, are shaped word by word, as browsers do, so
/// their words come from the cache too.
/// </summary>
/// <remarks>
/// Shaping the pieces after each space apart gives the glyphs of shaping the whole: none of the
/// fonts shipped substitutes or kerns across a space, and a space breaks Arabic joining
/// (TextShaperTests compares both for every script).
/// </remarks>
internal sealed class TextShaper
{
    /// <summary>Past this many cached runs the cache is emptied, which keeps memory flat over any number of documents.</summary>
    private const int MaxCachedRuns = 50_000;

    /// <summary>Texts up to this length are shaped and cached whole.</summary>
    private const int WholeTextLength = 24;

    private static readonly ConcurrentDictionary<string, Language> Languages = new(StringComparer.OrdinalIgnoreCase);

    [ThreadStatic]
    private static HbBuffer? t_buffer;

    private readonly ConcurrentDictionary<ShapeKey, ShapedText> _cache = new();

    /// <summary>Runs added since the cache was last emptied (ConcurrentDictionary.Count takes every lock).</summary>
    private int _added;

    public ShapedText Shape(FontFace face, string text, bool rightToLeft, string? language) =>
        text.Length <= WholeTextLength || text.IndexOf(' ', StringComparison.Ordinal) < 0
            ? ShapeWhole(face, text, rightToLeft, language)
            : ShapeWordByWord(face, text, rightToLeft, language);

    /// <summary>Shapes each piece of the text that ends after a space on its own and joins the glyphs in visual order.</summary>
    internal ShapedText ShapeWordByWord(FontFace face, string text, bool rightToLeft, string? language)
    {
        var pieces = new List<(int Start, ShapedText Shaped)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ' && (i + 1 == text.Length || text[i + 1] != ' '))
            {
                pieces.Add((start, ShapeWhole(face, text[start..(i + 1)], rightToLeft, language)));
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            pieces.Add((start, ShapeWhole(face, text[start..], rightToLeft, language)));
        }

        if (rightToLeft)
        {
            pieces.Reverse();
        }

        var count = 0;
        foreach (var (_, shaped) in pieces)
        {
            count += shaped.Glyphs.Length;
        }

        var glyphs = new ushort[count];
        var clusters = new int[count];
        var advances = new int[count];
        var offsetsX = new int[count];
        var offsetsY = new int[count];
        var at = 0;
        foreach (var (pieceStart, shaped) in pieces)
        {
            var length = shaped.Glyphs.Length;
            shaped.Glyphs.CopyTo(glyphs, at);
            shaped.Advances.CopyTo(advances, at);
            shaped.OffsetsX.CopyTo(offsetsX, at);
            shaped.OffsetsY.CopyTo(offsetsY, at);
            for (var g = 0; g < length; g++)
            {
                clusters[at + g] = shaped.Clusters[g] + pieceStart;
            }

            at += length;
        }

        return new ShapedText(glyphs, clusters, advances, offsetsX, offsetsY);
    }

    /// <summary>Shapes the text in one pass of HarfBuzz, or takes it from the cache.</summary>
    internal ShapedText ShapeWhole(FontFace face, string text, bool rightToLeft, string? language)
    {
        var key = new ShapeKey(face.Id, text, rightToLeft, language);
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var shaped = ShapeUncached(face, text, rightToLeft, language);
        if (_cache.TryAdd(key, shaped) && Interlocked.Increment(ref _added) >= MaxCachedRuns)
        {
            _cache.Clear();
            Interlocked.Exchange(ref _added, 0);
        }

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
