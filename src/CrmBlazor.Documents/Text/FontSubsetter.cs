using SkiaSharp;

namespace CrmBlazor.Documents.Text;

/// <summary>
/// Makes a font holding only the glyphs a document uses, with HarfBuzz's subsetter. Skia's PDF
/// backend (as SkiaSharp builds it) embeds whole font files, so it is given these subsets instead.
/// </summary>
/// <remarks>
/// Glyph ids are renumbered (the subset's glyphs are 0…n), so the index tables (loca, hmtx) hold n
/// entries instead of one per glyph of the full font: smaller files, and less for Skia to compress.
/// The painter draws through <see cref="FontSubset.Glyph"/>, the subsetter's map from old ids to new.
/// The layout tables (GSUB, GPOS, GDEF) are dropped: the text is already shaped. The cmap keeps the
/// characters of the document, so a reader maps simple glyphs back to text through /ToUnicode.
/// </remarks>
internal static class FontSubsetter
{
    private static readonly uint[] DroppedTables =
        [HarfBuzzNative.Tag("GSUB"), HarfBuzzNative.Tag("GPOS"), HarfBuzzNative.Tag("GDEF"), HarfBuzzNative.Tag("DSIG")];

    /// <summary>Subsets a face; thread-safe (the source face is only read).</summary>
    /// <param name="key">The face, the glyph ids to keep (.notdef is always kept) and the characters whose cmap entries to keep.</param>
    public static FontSubset Subset(FontSubsetKey key)
    {
        var face = key.Face;
        var input = HarfBuzzNative.SubsetInputCreate();
        if (input == IntPtr.Zero)
        {
            throw new InvalidOperationException("HarfBuzz could not allocate a subset input.");
        }

        try
        {
            var glyphSet = HarfBuzzNative.SubsetInputSet(input, HarfBuzzNative.SubsetSet.GlyphIndex);
            foreach (var glyph in key.Glyphs)
            {
                HarfBuzzNative.SetAdd(glyphSet, glyph);
            }

            var unicodeSet = HarfBuzzNative.SubsetInputSet(input, HarfBuzzNative.SubsetSet.Unicode);
            foreach (var codePoint in key.CodePoints)
            {
                HarfBuzzNative.SetAdd(unicodeSet, (uint)codePoint);
            }

            var dropSet = HarfBuzzNative.SubsetInputSet(input, HarfBuzzNative.SubsetSet.DropTableTag);
            foreach (var tag in DroppedTables)
            {
                HarfBuzzNative.SetAdd(dropSet, tag);
            }

            HarfBuzzNative.SubsetInputSetFlags(input, HarfBuzzNative.SubsetFlags.NoHinting | HarfBuzzNative.SubsetFlags.NoLayoutClosure);
            var plan = HarfBuzzNative.SubsetPlanCreate(face.SubsetSource, input);
            if (plan == IntPtr.Zero)
            {
                throw new InvalidOperationException($"HarfBuzz could not plan a subset of the font {face.Name}.");
            }

            try
            {
                var glyphMap = ReadGlyphMap(plan, key);
                var subset = HarfBuzzNative.SubsetPlanExecute(plan);
                if (subset == IntPtr.Zero)
                {
                    throw new InvalidOperationException($"HarfBuzz could not subset the font {face.Name}.");
                }

                try
                {
                    var typeface = LoadTypeface(subset)
                        ?? throw new InvalidOperationException($"Skia could not load the subset of {face.Name}.");
                    return new FontSubset(typeface, glyphMap);
                }
                finally
                {
                    HarfBuzzNative.FaceDestroy(subset);
                }
            }
            finally
            {
                HarfBuzzNative.SubsetPlanDestroy(plan);
            }
        }
        finally
        {
            HarfBuzzNative.SubsetInputDestroy(input);
        }
    }

    /// <summary>For each glyph id of the full font up to the largest the document uses, its id in the subset.</summary>
    private static ushort[] ReadGlyphMap(IntPtr plan, FontSubsetKey key)
    {
        var map = HarfBuzzNative.SubsetPlanOldToNewGlyphs(plan);
        var glyphMap = new ushort[key.Glyphs.Length == 0 ? 1 : key.Glyphs[^1] + 1];
        foreach (var glyph in key.Glyphs)
        {
            var mapped = HarfBuzzNative.MapGet(map, glyph);
            if (mapped > ushort.MaxValue)
            {
                throw new InvalidOperationException($"HarfBuzz left glyph {glyph} out of the subset of {key.Face.Name}.");
            }

            glyphMap[glyph] = (ushort)mapped;
        }

        return glyphMap;
    }

    private static SKTypeface? LoadTypeface(IntPtr subset)
    {
        var blob = HarfBuzzNative.FaceReferenceBlob(subset);
        try
        {
            var bytes = HarfBuzzNative.BlobGetData(blob, out var length);
            using var data = SKData.CreateCopy(bytes, length);
            return SKTypeface.FromData(data);
        }
        finally
        {
            HarfBuzzNative.BlobDestroy(blob);
        }
    }
}
