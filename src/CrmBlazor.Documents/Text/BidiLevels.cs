using System.Globalization;
using CrmBlazor.Sdk.Documents;
using Icu;

namespace CrmBlazor.Documents.Text;

/// <summary>
/// The Unicode Bidirectional Algorithm (UAX #9): embedding levels from ICU's ubidi (the system's
/// libicu through icu.net), and the reordering of rule L2 for the runs of a line.
/// </summary>
internal static class BidiLevels
{
    private static readonly Lazy<bool> IcuReady = new(() =>
    {
        Wrapper.Init();
        return true;
    });

    /// <summary>
    /// Resolves the embedding level of every UTF-16 unit of one paragraph (rules P2–P3, X1–X10, W1–W7,
    /// N0–N2, I1–I2 and the whitespace part of L1). Even levels run left to right, odd ones right to left.
    /// </summary>
    /// <param name="text">One paragraph (no paragraph separators).</param>
    /// <param name="direction">The paragraph's base direction.</param>
    /// <param name="levels">Receives one level per UTF-16 unit.</param>
    /// <returns>The paragraph level: 0 for left to right, 1 for right to left.</returns>
    public static byte Resolve(string text, TextDirection direction, Span<byte> levels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(levels.Length, text.Length);
        if (!MayNeedReordering(text, direction))
        {
            levels[..text.Length].Clear();
            return 0;
        }

        _ = IcuReady.Value;
        using var bidi = new BiDi();
        var requested = direction switch
        {
            TextDirection.LeftToRight => (byte)0,
            TextDirection.RightToLeft => (byte)1,
            _ => BiDi.DEFAULT_LTR,
        };
        bidi.SetPara(text, requested, null);
        var index = 0;
        foreach (var level in bidi.GetLevels())
        {
            levels[index++] = level;
        }

        KeepMarksWithTheirBrackets(text, levels);
        return bidi.GetParaLevel();
    }

    /// <summary>
    /// Rule N0's last paragraph (Unicode 8.0), which ICU 72 misses: a combining mark after a bracket
    /// whose direction N0 changed takes the bracket's new direction. Here: a mark after a bracket
    /// (boundary-neutral characters such as ZWJ skipped) gets the bracket's level.
    /// </summary>
    private static void KeepMarksWithTheirBrackets(string text, Span<byte> levels)
    {
        for (var i = 1; i < text.Length; i++)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(text[i]);
            if (category is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark))
            {
                continue;
            }

            var previous = i - 1;
            while (previous > 0 && (FontCollection.IsDefaultIgnorable(text[previous]) || IsMark(text[previous])))
            {
                previous--;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(text[previous]) is UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation)
            {
                levels[i] = levels[previous];
            }
        }
    }

    private static bool IsMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark;

    /// <summary>
    /// Rule L2: the visual order of items (runs or characters) of one line, given their levels in
    /// logical order. From the highest level down to the lowest odd one, every sequence of items at
    /// that level or above is reversed.
    /// </summary>
    /// <param name="levels">The items' levels, in logical order.</param>
    /// <param name="order">Receives the logical index of the item at each visual position.</param>
    public static void Reorder(ReadOnlySpan<byte> levels, Span<int> order)
    {
        for (var i = 0; i < levels.Length; i++)
        {
            order[i] = i;
        }

        if (levels.IsEmpty)
        {
            return;
        }

        byte highest = 0, lowestOdd = byte.MaxValue;
        foreach (var level in levels)
        {
            highest = Math.Max(highest, level);
            if ((level & 1) == 1)
            {
                lowestOdd = Math.Min(lowestOdd, level);
            }
        }

        for (var level = highest; level >= lowestOdd && level > 0; level--)
        {
            var i = 0;
            while (i < levels.Length)
            {
                if (levels[order[i]] < level)
                {
                    i++;
                    continue;
                }

                var start = i;
                while (i < levels.Length && levels[order[i]] >= level)
                {
                    i++;
                }

                order[start..i].Reverse();
            }
        }
    }

    /// <summary>
    /// False when the text is certainly all at level 0: a paragraph that is not forced right to left
    /// and has no right-to-left letter and no explicit directional formatting character.
    /// </summary>
    private static bool MayNeedReordering(string text, TextDirection direction)
    {
        if (direction == TextDirection.RightToLeft)
        {
            return true;
        }

        foreach (var c in text)
        {
            if (c < '\u0590')
            {
                continue;
            }

            if (c <= '\u08FF' || c is (>= '\uFB1D' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF')
                || c is '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')
                || c is '\uD802' or '\uD803' or '\uD83A' or '\uD83B')
            {
                return true;
            }
        }

        return false;
    }
}
