using System.Runtime.InteropServices;
using SkiaSharp;

namespace CrmBlazor.Documents.Text;

/// <summary>
/// Makes a font holding only the glyphs a document uses, with HarfBuzz's subsetter. Skia's PDF
/// backend (as SkiaSharp builds it) embeds whole font files, so it is given these subsets instead.
/// </summary>
/// <remarks>
/// Glyph ids are kept (retain-gids), so the ids HarfBuzz shaped with the full font are valid in the
/// subset; the unused ids cost a few bytes each in the index tables, which compress to almost nothing.
/// The layout tables (GSUB, GPOS, GDEF) are dropped: the text is already shaped. The cmap keeps the
/// characters of the document, so a reader maps simple glyphs back to text through /ToUnicode.
/// </remarks>
internal static class FontSubsetter
{
    private static readonly uint[] DroppedTables =
        [HarfBuzzNative.Tag("GSUB"), HarfBuzzNative.Tag("GPOS"), HarfBuzzNative.Tag("GDEF"), HarfBuzzNative.Tag("DSIG")];

    /// <summary>Subsets a face; thread-safe (the source face is only read).</summary>
    /// <param name="face">The font.</param>
    /// <param name="glyphs">The glyph ids to keep (.notdef is always kept).</param>
    /// <param name="codePoints">The characters whose cmap entries to keep.</param>
    public static SKData Subset(FontFace face, IEnumerable<ushort> glyphs, IEnumerable<int> codePoints)
    {
        var input = HarfBuzzNative.SubsetInputCreate();
        if (input == IntPtr.Zero)
        {
            throw new InvalidOperationException("HarfBuzz could not allocate a subset input.");
        }

        try
        {
            var glyphSet = HarfBuzzNative.SubsetInputSet(input, HarfBuzzNative.SubsetSet.GlyphIndex);
            foreach (var glyph in glyphs)
            {
                HarfBuzzNative.SetAdd(glyphSet, glyph);
            }

            var unicodeSet = HarfBuzzNative.SubsetInputSet(input, HarfBuzzNative.SubsetSet.Unicode);
            foreach (var codePoint in codePoints)
            {
                HarfBuzzNative.SetAdd(unicodeSet, (uint)codePoint);
            }

            var dropSet = HarfBuzzNative.SubsetInputSet(input, HarfBuzzNative.SubsetSet.DropTableTag);
            foreach (var tag in DroppedTables)
            {
                HarfBuzzNative.SetAdd(dropSet, tag);
            }

            HarfBuzzNative.SubsetInputSetFlags(input,
                HarfBuzzNative.SubsetFlags.RetainGlyphIds | HarfBuzzNative.SubsetFlags.NoHinting | HarfBuzzNative.SubsetFlags.NoLayoutClosure);
            var subset = HarfBuzzNative.SubsetOrFail(face.SubsetSource, input);
            if (subset == IntPtr.Zero)
            {
                throw new InvalidOperationException($"HarfBuzz could not subset the font {face.Name}.");
            }

            try
            {
                var blob = HarfBuzzNative.FaceReferenceBlob(subset);
                try
                {
                    var data = HarfBuzzNative.BlobGetData(blob, out var length);
                    return SKData.CreateCopy(data, length);
                }
                finally
                {
                    HarfBuzzNative.BlobDestroy(blob);
                }
            }
            finally
            {
                HarfBuzzNative.FaceDestroy(subset);
            }
        }
        finally
        {
            HarfBuzzNative.SubsetInputDestroy(input);
        }
    }
}
