using System.Globalization;
using System.Text;
using CrmBlazor.Documents.Text;
using CrmBlazor.Sdk.Documents;
using CrmBlazor.Sdk.Results;

namespace CrmBlazor.Documents.Layout;

/// <summary>
/// Turns a paragraph into lines: BiDi levels, a font per grapheme cluster, runs of one level, style
/// and font, HarfBuzz shaping of each run, line breaking at UAX #14 opportunities that are also
/// grapheme boundaries, and the visual order of each line's runs (rule L2). Each span's text is first
/// cleaned with the CRM's text rule (<see cref="UserText.Clean"/>): no control character is printed,
/// a direction embedding or override cannot reorder the text after it, and an isolate a span leaves
/// open cannot reach into the next span (a customer's name into the label after it).
/// </summary>
internal sealed class ParagraphLayouter(FontCollection fonts, TextShaper shaper)
{
    /// <summary>Lays out a paragraph in a box of the given width.</summary>
    /// <param name="paragraph">The paragraph.</param>
    /// <param name="inheritedStyle">The fully resolved style of the paragraph's container.</param>
    /// <param name="inheritedAlignment">The alignment of the container (cell, column), used when the paragraph sets none.</param>
    /// <param name="language">The document's language, used when the paragraph sets none.</param>
    /// <param name="width">The box's width in points.</param>
    /// <param name="fields">The page numbers to fill in, if known.</param>
    public IReadOnlyList<TextLine> Layout(Paragraph paragraph, TextStyle inheritedStyle, TextAlignment inheritedAlignment, string? language, float width, PageFields fields)
    {
        var paragraphStyle = paragraph.Style?.InheritFrom(inheritedStyle) ?? inheritedStyle;
        var styles = new List<ResolvedStyle>();
        var styleIds = new List<int>();
        var text = new StringBuilder();
        foreach (var span in paragraph.Spans)
        {
            var spanText = span.Field switch
            {
                SpanField.PageNumber => fields.IsKnown ? fields.Number.ToString(CultureInfo.InvariantCulture) : string.Empty,
                SpanField.PageCount => fields.IsKnown ? fields.Count.ToString(CultureInfo.InvariantCulture) : string.Empty,
                _ => UserText.Clean(span.Text, TextKind.Multiline),
            };
            var style = ResolvedStyle.From(span.Style?.InheritFrom(paragraphStyle) ?? paragraphStyle);
            var id = styles.IndexOf(style);
            if (id < 0)
            {
                id = styles.Count;
                styles.Add(style);
            }

            foreach (var c in spanText)
            {
                if (c == '\r')
                {
                    continue;
                }

                // A tab separates words like a space; fonts have no glyph for it.
                text.Append(c == '\t' ? ' ' : c);
                styleIds.Add(id);
            }
        }

        var context = new SegmentContext(
            styles.Count > 0 ? styles : [ResolvedStyle.From(paragraphStyle)],
            paragraph.Direction,
            paragraph.Alignment ?? inheritedAlignment,
            paragraph.Language ?? language,
            width,
            paragraph.LineSpacing > 0 ? paragraph.LineSpacing : 1);
        var lines = new List<TextLine>();
        var all = text.ToString();
        var start = 0;
        while (true)
        {
            var end = all.IndexOf('\n', start);
            var segmentEnd = end < 0 ? all.Length : end;
            var segmentStyles = styleIds.GetRange(start, segmentEnd - start).ToArray();
            LayoutSegment(all[start..segmentEnd], segmentStyles, context, lines);
            if (end < 0)
            {
                break;
            }

            start = end + 1;
        }

        return lines;
    }

    private void LayoutSegment(string text, int[] styleIds, SegmentContext context, List<TextLine> lines)
    {
        if (text.Length == 0)
        {
            lines.Add(EmptyLine(context.Styles[0], context.LineSpacing));
            return;
        }

        var levels = new byte[text.Length];
        var paragraphLevel = BidiLevels.Resolve(text, context.Direction, levels);
        var alignment = Physical(context.Alignment, rightToLeft: (paragraphLevel & 1) == 1);

        // A face per grapheme cluster; level and style follow the cluster's first character, so no run
        // boundary falls inside a cluster. A space or digit keeps the previous cluster's face only when
        // it runs in the same direction: between Urdu and English, the space that goes with the English
        // is set with it.
        var faces = new FontFace[text.Length];
        FontFace? previous = null;
        var previousLevel = levels[0];
        for (var i = 0; i < text.Length;)
        {
            var length = StringInfo.GetNextTextElementLength(text, i);
            var face = fonts.Select(text.AsSpan(i, length), context.Styles[styleIds[i]].Bold, levels[i] == previousLevel ? previous : null);
            previousLevel = levels[i];
            for (var k = i; k < i + length; k++)
            {
                faces[k] = face;
                levels[k] = levels[i];
                styleIds[k] = styleIds[i];
            }

            previous = face;
            i += length;
        }

        var items = new List<Item>();
        var runStart = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || levels[i] != levels[runStart] || styleIds[i] != styleIds[runStart] || faces[i] != faces[runStart])
            {
                var style = context.Styles[styleIds[runStart]];
                var rightToLeft = (levels[runStart] & 1) == 1;
                var shaped = shaper.Shape(faces[runStart], text[runStart..i], rightToLeft, context.Language);
                items.Add(new Item(runStart, i, levels[runStart], style, faces[runStart], shaped));
                runStart = i;
            }
        }

        // Prefix sums of advances per UTF-16 offset: a cluster's advance counts at its first character.
        var prefix = new float[text.Length + 1];
        foreach (var item in items)
        {
            var scale = item.Style.Size / item.Face.UnitsPerEm;
            for (var g = 0; g < item.Shaped.Glyphs.Length; g++)
            {
                prefix[item.Start + item.Shaped.Clusters[g] + 1] += item.Shaped.Advances[g] * scale;
            }
        }

        for (var i = 1; i <= text.Length; i++)
        {
            prefix[i] += prefix[i - 1];
        }

        foreach (var (start, end) in BreakIntoLines(text, prefix, context.Width))
        {
            lines.Add(BuildLine(text, start, end, items, context, alignment));
        }
    }

    /// <summary>Greedy line breaking: each line takes as many break opportunities as fit; a word wider than the box is cut between grapheme clusters.</summary>
    private static List<(int Start, int End)> BreakIntoLines(string text, float[] prefix, float width)
    {
        var ranges = new List<(int, int)>();
        if (VisibleWidth(text, prefix, 0, text.Length) <= width)
        {
            ranges.Add((0, text.Length));
            return ranges;
        }

        var graphemes = LineBreaks.GraphemeBoundaries(text);
        var opportunities = LineBreaks.Opportunities(text, graphemes);
        var lineStart = 0;
        var next = 0;
        while (lineStart < text.Length)
        {
            while (next < opportunities.Count && opportunities[next] <= lineStart)
            {
                next++;
            }

            var end = -1;
            for (var j = next; j < opportunities.Count && VisibleWidth(text, prefix, lineStart, opportunities[j]) <= width; j++)
            {
                end = opportunities[j];
            }

            if (end < 0)
            {
                var limit = next < opportunities.Count ? opportunities[next] : text.Length;
                end = NextCut(text, graphemes, lineStart);
                while (end < limit)
                {
                    var further = NextCut(text, graphemes, end);
                    if (VisibleWidth(text, prefix, lineStart, further) > width)
                    {
                        break;
                    }

                    end = further;
                }
            }

            ranges.Add((lineStart, end));
            lineStart = end;
        }

        return ranges;
    }

    private TextLine BuildLine(string text, int start, int end, List<Item> items, SegmentContext context, LineAlignment alignment)
    {
        var visibleEnd = TrimTrailingWhitespace(text, start, end);
        if (visibleEnd == start)
        {
            return EmptyLine(items.First(i => i.End > start).Style, context.LineSpacing, alignment);
        }

        var runs = new List<GlyphRun>();
        var levels = new List<byte>();
        float ascent = 0, descent = 0, gap = 0;
        foreach (var item in items)
        {
            var from = Math.Max(item.Start, start);
            var to = Math.Min(item.End, visibleEnd);
            if (from >= to)
            {
                continue;
            }

            // A run cut by the line break is shaped again on its own: glyphs at the cut may change.
            var whole = from == item.Start && to == item.End;
            var shaped = whole ? item.Shaped : shaper.Shape(item.Face, text[from..to], (item.Level & 1) == 1, context.Language);
            runs.Add(GlyphRun.From(shaped, item.Face, item.Style.Size, item.Style.Color, text[from..to]));
            levels.Add(item.Level);
            ascent = Math.Max(ascent, item.Face.Ascent * item.Style.Size);
            descent = Math.Max(descent, item.Face.Descent * item.Style.Size);
            gap = Math.Max(gap, item.Face.LineGap * item.Style.Size);
        }

        var order = new int[runs.Count];
        BidiLevels.Reorder(levels.ToArray(), order);
        var placed = new (float X, GlyphRun Run)[runs.Count];
        var x = 0f;
        for (var i = 0; i < order.Length; i++)
        {
            var run = runs[order[i]];
            placed[i] = (x, run);
            x += run.Width;
        }

        return new TextLine(placed, x, ascent, descent, (ascent + descent + gap) * context.LineSpacing, alignment);
    }

    private TextLine EmptyLine(ResolvedStyle style, float lineSpacing, LineAlignment alignment = LineAlignment.Left)
    {
        var face = fonts.Primary(style.Bold);
        var ascent = face.Ascent * style.Size;
        var descent = face.Descent * style.Size;
        return new TextLine([], 0, ascent, descent, (ascent + descent + face.LineGap * style.Size) * lineSpacing, alignment);
    }

    private static float VisibleWidth(string text, float[] prefix, int start, int end) =>
        prefix[TrimTrailingWhitespace(text, start, end)] - prefix[start];

    private static int TrimTrailingWhitespace(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    /// <summary>
    /// The next place a word too wide for its line may be cut: a grapheme boundary that does not follow
    /// a virama or a joiner, so a conjunct (ಕ್ಷ, ક્ષ), which UAX #29 splits into two clusters in most
    /// Indic scripts, stays whole.
    /// </summary>
    private static int NextCut(string text, bool[] graphemes, int offset)
    {
        do
        {
            offset++;
        }
        while (!graphemes[offset] || (offset < text.Length && JoinsNext(text[offset - 1])));
        return offset;
    }

    /// <summary>Viramas of the Indic scripts (U+094D Devanagari … U+0D4D Malayalam) and the zero-width joiner.</summary>
    private static bool JoinsNext(char c) => c is '\u094D' or '\u09CD' or '\u0A4D' or '\u0ACD' or '\u0B4D' or '\u0BCD' or '\u0C4D' or '\u0CCD' or '\u0D4D' or '\u200D';

    private static LineAlignment Physical(TextAlignment alignment, bool rightToLeft) => alignment switch
    {
        TextAlignment.Left => LineAlignment.Left,
        TextAlignment.Right => LineAlignment.Right,
        TextAlignment.Center => LineAlignment.Center,
        TextAlignment.End => rightToLeft ? LineAlignment.Left : LineAlignment.Right,
        _ => rightToLeft ? LineAlignment.Right : LineAlignment.Left,
    };

    private sealed record Item(int Start, int End, byte Level, ResolvedStyle Style, FontFace Face, ShapedText Shaped);

    private sealed record SegmentContext(
        IReadOnlyList<ResolvedStyle> Styles,
        TextDirection Direction,
        TextAlignment Alignment,
        string? Language,
        float Width,
        float LineSpacing);
}
