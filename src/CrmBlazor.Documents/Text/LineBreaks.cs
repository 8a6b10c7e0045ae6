using System.Globalization;
using Icu;

namespace CrmBlazor.Documents.Text;

/// <summary>
/// Where a line may end: the line-break opportunities of UAX #14 (ICU's line break iterator), kept only
/// where they are also boundaries of extended grapheme clusters (UAX #29, as .NET computes them), so a
/// consonant never leaves its vowel signs or the other half of its conjunct.
/// </summary>
internal static class LineBreaks
{
    [ThreadStatic]
    private static RuleBasedBreakIterator? t_lineIterator;

    /// <summary>The positions (UTF-16 offsets, ascending, ending with the text's length) before which a line may break.</summary>
    /// <param name="text">The text of one paragraph.</param>
    /// <param name="graphemeStarts">The text's <see cref="GraphemeBoundaries"/>.</param>
    public static List<int> Opportunities(string text, bool[] graphemeStarts)
    {
        var iterator = t_lineIterator ??= new RuleBasedBreakIterator(BreakIterator.UBreakIteratorType.LINE, new Locale("en"));
        iterator.SetText(text);
        var result = new List<int>();
        foreach (var boundary in iterator.Boundaries)
        {
            if (boundary > 0 && boundary <= text.Length && graphemeStarts[boundary])
            {
                result.Add(boundary);
            }
        }

        if (result.Count == 0 || result[^1] != text.Length)
        {
            result.Add(text.Length);
        }

        return result;
    }

    /// <summary>For every offset 0..length, whether a grapheme cluster starts (or the text ends) there.</summary>
    public static bool[] GraphemeBoundaries(string text)
    {
        var boundaries = new bool[text.Length + 1];
        var offset = 0;
        while (offset < text.Length)
        {
            boundaries[offset] = true;
            offset += StringInfo.GetNextTextElementLength(text, offset);
        }

        boundaries[text.Length] = true;
        return boundaries;
    }
}
