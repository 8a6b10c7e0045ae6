using System.Globalization;
using System.Text;

namespace CrmBlazor.Documents.Text;

/// <summary>
/// The fonts the engine ships (see Fonts/README.md), in fallback order, and the choice of a font for
/// each piece of text. Loaded once per process from the assembly's resources.
/// </summary>
internal sealed class FontCollection : IDisposable
{
    /// <summary>The families in fallback order: Latin first, then each script's own font.</summary>
    private static readonly string[] FontFamilies =
    [
        "NotoSans",
        "NotoSansTamil",
        "NotoSansKannada",
        "NotoSansGujarati",
        "NotoSansGeorgian",
        "NotoNaskhArabic",
    ];

    private static readonly Lazy<FontCollection> EmbeddedFonts = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FontFace[] _regular;
    private readonly FontFace[] _bold;

    private FontCollection(FontFace[] regular, FontFace[] bold)
    {
        _regular = regular;
        _bold = bold;
        Faces = [.. regular, .. bold];
    }

    /// <summary>The fonts embedded in this assembly.</summary>
    public static FontCollection Embedded => EmbeddedFonts.Value;

    /// <summary>Every face, regular and bold.</summary>
    public IReadOnlyList<FontFace> Faces { get; }

    /// <summary>The Latin face of a weight, used for empty lines and as the last resort.</summary>
    public FontFace Primary(bool bold) => bold ? _bold[0] : _regular[0];

    /// <summary>
    /// The face for one grapheme cluster: the previous cluster's face when this one is a space, digit or
    /// punctuation that face has (so "சென்னை 600 001" stays in one run), else the first face in fallback
    /// order that has every character of the cluster, else the primary face (which draws a .notdef box).
    /// </summary>
    public FontFace Select(ReadOnlySpan<char> cluster, bool bold, FontFace? previous)
    {
        if (previous is not null && previous.IsBold == bold && IsNeutral(cluster) && CoversAll(previous, cluster))
        {
            return previous;
        }

        var faces = bold ? _bold : _regular;
        foreach (var face in faces)
        {
            if (CoversAll(face, cluster))
            {
                return face;
            }
        }

        return previous is not null && previous.IsBold == bold ? previous : faces[0];
    }

    public void Dispose()
    {
        foreach (var face in Faces)
        {
            face.Dispose();
        }
    }

    private static bool CoversAll(FontFace face, ReadOnlySpan<char> cluster)
    {
        foreach (var rune in cluster.EnumerateRunes())
        {
            if (!IsDefaultIgnorable(rune.Value) && !face.Covers(rune.Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the cluster has no letter or mark: it belongs to no script of its own.</summary>
    private static bool IsNeutral(ReadOnlySpan<char> cluster)
    {
        foreach (var rune in cluster.EnumerateRunes())
        {
            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                    or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                    or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark:
                    return false;
            }
        }

        return true;
    }

    /// <summary>Characters a font need not have because they are never drawn (joiners, direction marks, variation selectors).</summary>
    internal static bool IsDefaultIgnorable(int codePoint) => codePoint switch
    {
        0x00AD or 0x034F or 0x061C or 0x180E or 0x3164 or 0xFEFF or 0xFFA0 => true,
        >= 0x115F and <= 0x1160 => true,
        >= 0x17B4 and <= 0x17B5 => true,
        >= 0x180B and <= 0x180F => true,
        >= 0x200B and <= 0x200F => true,
        >= 0x202A and <= 0x202E => true,
        >= 0x2060 and <= 0x206F => true,
        >= 0xFE00 and <= 0xFE0F => true,
        >= 0x1BCA0 and <= 0x1BCA3 => true,
        >= 0x1D173 and <= 0x1D17A => true,
        >= 0xE0000 and <= 0xE0FFF => true,
        _ => codePoint < 0x20 || (codePoint >= 0x7F && codePoint < 0xA0),
    };

    private static FontCollection LoadEmbedded()
    {
        var assembly = typeof(FontCollection).Assembly;
        var id = 0;
        FontFace Load(string file, bool bold)
        {
            var resource = $"CrmBlazor.Documents.Fonts.{file}.ttf";
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"The font resource {resource} is missing from {assembly.GetName().Name}.");
            var data = new byte[stream.Length];
            stream.ReadExactly(data);
            return new FontFace(id++, file, bold, data);
        }

        var regular = FontFamilies.Select(family => Load(family + "-Regular", bold: false)).ToArray();
        var bold = FontFamilies.Select(family => Load(family + "-Bold", bold: true)).ToArray();
        return new FontCollection(regular, bold);
    }
}
