using System.Collections.Concurrent;

namespace CrmBlazor.Documents.Text;

/// <summary>
/// Subsets already made, by what they hold. Documents of one kind (a month of invoices) mostly use the
/// same glyphs, so most documents find their subsets here and skip HarfBuzz's subsetter, Skia's loading
/// of the font and its glyph outlines: each file still embeds exactly the glyphs it draws.
/// </summary>
internal sealed class FontSubsetCache
{
    /// <summary>Past this many subsets the cache starts again, which keeps memory flat over any number of documents.</summary>
    private const int MaxSubsets = 256;

    private readonly ConcurrentDictionary<FontSubsetKey, Lazy<FontSubset>> _subsets = new();
    private int _count;

    public FontSubset Get(FontSubsetKey key)
    {
        if (_subsets.TryGetValue(key, out var cached))
        {
            return cached.Value;
        }

        // Subsets dropped here may still be drawn by documents being painted; nothing disposes them
        // explicitly, their native objects go when the last document lets them go.
        if (Interlocked.Increment(ref _count) > MaxSubsets)
        {
            _subsets.Clear();
            Interlocked.Exchange(ref _count, 1);
        }

        return _subsets.GetOrAdd(key, static key => new Lazy<FontSubset>(() => FontSubsetter.Subset(key))).Value;
    }
}
