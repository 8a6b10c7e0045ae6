using HarfBuzzSharp;
using HbBlob = HarfBuzzSharp.Blob;
using HbFont = HarfBuzzSharp.Font;

namespace CrmBlazor.Documents.Text;

/// <summary>
/// One font file, loaded once per process and shared by every rendering thread: its HarfBuzz font
/// for shaping (scaled to font units, so shaped runs can be cached independently of the size), its
/// character coverage for font fallback, and a face prepared for fast subsetting.
/// </summary>
/// <remarks>HarfBuzz fonts and faces are immutable after set-up and safe to use from several threads.</remarks>
internal sealed class FontFace : IDisposable
{
    private const int LastCodePoint = 0x10FFFF;

    private readonly byte[] _data;
    private readonly HbBlob _blob;
    private readonly Face _face;
    private readonly uint[] _coverage = new uint[(LastCodePoint + 1) / 32];
    private readonly IntPtr _subsetSource;
    private readonly int[] _advances;

    public FontFace(int id, string name, bool bold, byte[] data)
    {
        Id = id;
        Name = name;
        IsBold = bold;
        // HarfBuzz reads the font in place for the life of the face, so the bytes live in the pinned
        // object heap, where the garbage collector never moves them. (Blob.FromStream pins its copy
        // only while constructing, and the face later reads memory the collector has moved.)
        _data = GC.AllocateUninitializedArray<byte>(data.Length, pinned: true);
        data.CopyTo(_data, 0);
        unsafe
        {
            fixed (byte* pinned = _data)
            {
                _blob = new HbBlob((IntPtr)pinned, _data.Length, MemoryMode.ReadOnly);
            }
        }

        _blob.MakeImmutable();
        _face = new Face(_blob, 0);
        _face.MakeImmutable();
        UnitsPerEm = _face.UnitsPerEm;
        GlyphCount = _face.GlyphCount;
        _advances = new int[GlyphCount];
        HarfBuzzFont = new HbFont(_face);
        HarfBuzzFont.SetScale(UnitsPerEm, UnitsPerEm);
        for (var glyph = 0; glyph < GlyphCount; glyph++)
        {
            _advances[glyph] = HarfBuzzFont.GetHorizontalGlyphAdvance((uint)glyph);
        }

        HarfBuzzNative.FontMakeImmutable(HarfBuzzFont.Handle);
        if (!HarfBuzzFont.TryGetHorizontalFontExtents(out var extents))
        {
            throw new InvalidOperationException($"The font {name} has no horizontal metrics.");
        }

        Ascent = extents.Ascender / (float)UnitsPerEm;
        Descent = -extents.Descender / (float)UnitsPerEm;
        LineGap = extents.LineGap / (float)UnitsPerEm;
        ReadCoverage();
        _subsetSource = HarfBuzzNative.SubsetPreprocess(_face.Handle);
        if (_subsetSource == IntPtr.Zero)
        {
            throw new InvalidOperationException($"HarfBuzz could not prepare the font {name} for subsetting.");
        }
    }

    /// <summary>A small number naming the face within its collection (for cache keys).</summary>
    public int Id { get; }

    /// <summary>The file's name without extension, e.g. NotoSansTamil-Bold.</summary>
    public string Name { get; }

    public bool IsBold { get; }

    public int UnitsPerEm { get; }

    /// <summary>The number of glyphs in the font; glyph ids are below it.</summary>
    public int GlyphCount { get; }

    /// <summary>The ascent above the baseline as a fraction of the font size.</summary>
    public float Ascent { get; }

    /// <summary>The descent below the baseline as a positive fraction of the font size.</summary>
    public float Descent { get; }

    /// <summary>The font's recommended extra gap between lines as a fraction of the font size.</summary>
    public float LineGap { get; }

    /// <summary>The HarfBuzz font, scaled so that positions come out in font units.</summary>
    public HbFont HarfBuzzFont { get; }

    /// <summary>The preprocessed hb_face_t to subset from.</summary>
    public IntPtr SubsetSource => _subsetSource;

    /// <summary>A glyph's advance in font units as the font's hmtx table gives it (before kerning).</summary>
    public int Advance(ushort glyph) => glyph < _advances.Length ? _advances[glyph] : 0;

    /// <summary>Whether the font maps the code point to a glyph.</summary>
    public bool Covers(int codePoint) =>
        (uint)codePoint <= LastCodePoint && (_coverage[codePoint >> 5] & (1u << (codePoint & 31))) != 0;

    public override string ToString() => Name;

    public void Dispose()
    {
        HarfBuzzNative.FaceDestroy(_subsetSource);
        HarfBuzzFont.Dispose();
        _face.Dispose();
        _blob.Dispose();
    }

    private void ReadCoverage()
    {
        var set = HarfBuzzNative.SetCreate();
        try
        {
            HarfBuzzNative.FaceCollectUnicodes(_face.Handle, set);
            uint first = 0, last = uint.MaxValue;
            while (HarfBuzzNative.SetNextRange(set, ref first, ref last))
            {
                for (var codePoint = first; codePoint <= last && codePoint <= LastCodePoint; codePoint++)
                {
                    _coverage[codePoint >> 5] |= 1u << (int)(codePoint & 31);
                }
            }
        }
        finally
        {
            HarfBuzzNative.SetDestroy(set);
        }
    }
}
