using System.Text;
using CrmBlazor.Documents.Layout;
using CrmBlazor.Documents.Text;
using CrmBlazor.Sdk.Documents;
using SkiaSharp;

namespace CrmBlazor.Documents.Rendering;

/// <summary>
/// Paints laid-out pages into a PDF with Skia. Every font is replaced by a subset of the glyphs the
/// document uses, and every glyph run is drawn together with its UTF-8 text and cluster map, from
/// which Skia writes /ToUnicode entries and /ActualText spans: readers then extract the original
/// text of ligatures, Indic conjuncts and right-to-left runs instead of garbage.
/// Thread-safe: documents are painted in parallel and share the subsets they have in common.
/// </summary>
internal sealed class PdfPainter(FontSubsetCache subsets)
{
    /// <summary>How far a glyph may be moved to spare a position operator: a hundredth of a point, far below what a reader can see.</summary>
    private const float SnapTolerance = 0.01f;

    public void Paint(DocumentLayout layout, Document document, SKWStream output, CancellationToken cancellationToken)
    {
        var fonts = SubsetFonts(layout);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = document.Title ?? string.Empty,
            Author = document.Author ?? string.Empty,
            Subject = document.Subject ?? string.Empty,
            Creator = "CrmBlazor",
            Producer = "CrmBlazor document engine (Skia, HarfBuzz, ICU)",
            RasterDpi = SKDocument.DefaultRasterDpi,
            EncodingQuality = 101,
        };
        using var pdf = SKDocument.CreatePdf(output, metadata)
            ?? throw new InvalidOperationException("Skia could not start a PDF document.");
        using var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke };
        using var builder = new SKTextBlobBuilder();
        foreach (var page in layout.Pages)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                pdf.Abort();
                cancellationToken.ThrowIfCancellationRequested();
            }

            var canvas = pdf.BeginPage(layout.PageSize.Width, layout.PageSize.Height);
            foreach (var item in page.Items)
            {
                switch (item)
                {
                    case TextItem text:
                        DrawText(canvas, builder, text, fonts[text.Run.Face], paint);
                        break;
                    case FillItem fill:
                        paint.Color = ToSkia(fill.Color);
                        canvas.DrawRect(fill.X, fill.Y, fill.Width, fill.Height, paint);
                        break;
                    case LineItem line:
                        stroke.Color = ToSkia(line.Color);
                        stroke.StrokeWidth = line.Thickness;
                        canvas.DrawLine(line.X1, line.Y1, line.X2, line.Y2, stroke);
                        break;
                    case ImageItem image:
                        canvas.DrawImage(image.Image.Image, SKRect.Create(image.X, image.Y, image.Width, image.Height), new SKSamplingOptions(SKFilterMode.Linear));
                        break;
                }
            }

            pdf.EndPage();
        }

        pdf.Close();
    }

    /// <summary>
    /// Draws a run as one or more text blobs with the run's UTF-8 text and cluster map, each placed so
    /// that Skia writes it with as few position operators as possible (see <see cref="PlanSegment"/>).
    /// </summary>
    private static void DrawText(SKCanvas canvas, SKTextBlobBuilder builder, TextItem item, FontSubset subset, SKPaint paint)
    {
        var run = item.Run;
        var count = run.Glyphs.Length;
        if (count == 0)
        {
            return;
        }

        paint.Color = ToSkia(run.Color);
        var font = subset.FontAt(run.Size);
        var clusters = run.Clusters;
        var rightToLeft = count > 1 && clusters[0] > clusters[count - 1];
        Span<int> utf8Offsets = run.Text.Length < 256 ? stackalloc int[run.Text.Length + 1] : new int[run.Text.Length + 1];
        Utf8Offsets(run.Text, utf8Offsets);
        Span<SKPoint> planned = count <= 128 ? stackalloc SKPoint[count] : new SKPoint[count];
        for (var start = 0; start < count;)
        {
            var end = PlanSegment(run, start, planned);

            // The segment's characters: clusters are monotonic, rising left to right, falling right to left.
            var textStart = rightToLeft ? clusters[end - 1] : clusters[start];
            var textEnd = rightToLeft ? (start > 0 ? clusters[start - 1] : run.Text.Length) : (end < count ? clusters[end] : run.Text.Length);
            var byteStart = utf8Offsets[textStart];
            var x0 = run.X[start];
            var bounds = new SKRect(-x0 - run.Size, -2 * run.Size, run.Width - x0 + run.Size, run.Size);
            var buffer = builder.AllocatePositionedTextRun(font, end - start, utf8Offsets[textEnd] - byteStart, bounds);
            var glyphs = buffer.Glyphs;
            var bufferClusters = buffer.Clusters;
            for (var i = start; i < end; i++)
            {
                glyphs[i - start] = subset.Glyph(run.Glyphs[i]);
                bufferClusters[i - start] = (uint)(utf8Offsets[clusters[i]] - byteStart);
            }

            planned[start..end].CopyTo(buffer.Positions);
            Encoding.UTF8.GetBytes(run.Text.AsSpan(textStart, textEnd - textStart), buffer.Text);
            using var blob = builder.Build();
            if (blob is not null)
            {
                canvas.DrawText(blob, item.X + x0, item.Baseline, paint);
            }

            start = end;
        }
    }

    /// <summary>
    /// Plans the positions of the glyphs from <paramref name="start"/>, relative to that glyph's origin,
    /// and returns where the segment drawn as one blob ends.
    /// </summary>
    /// <remarks>
    /// Skia's PDF backend writes a glyph without a position operator only when its position equals,
    /// as a float, the sum of the font's advances of the glyphs since the last explicit position, counted
    /// from the blob's origin (SkPDFDevice's GlyphPositioner). HarfBuzz's positions, summed in font units
    /// and then scaled, differ from that sum in the last bits, which made Skia write "x 0 Td" before
    /// nearly every glyph: four times the content, and the time to write and compress it. So the
    /// positioner's arithmetic is repeated here, and a glyph within <see cref="SnapTolerance"/> of the
    /// expected place is put exactly there. A glyph further away (kerning, a mark) gets its own position;
    /// after it no sum can come out exact again, so the next cluster starts a new blob with its own origin.
    /// </remarks>
    private static int PlanSegment(GlyphRun run, int start, Span<SKPoint> planned)
    {
        var face = run.Face;
        var advanceScale = run.Size / face.UnitsPerEm;
        var x0 = run.X[start];
        SKPoint origin = default;
        var advanced = 0f;
        for (var i = start; i < run.Glyphs.Length; i++)
        {
            var wanted = new SKPoint(run.X[i] - x0, run.Y[i]);
            var expected = origin.X + advanced;
            if (wanted.Y == origin.Y && Math.Abs(expected - wanted.X) <= SnapTolerance && expected - origin.X == advanced)
            {
                planned[i] = new SKPoint(expected, origin.Y);
            }
            else if (i > start && run.Clusters[i] != run.Clusters[i - 1])
            {
                return i;
            }
            else
            {
                planned[i] = wanted;
                origin = wanted;
                advanced = 0;
            }

            advanced += advanceScale * face.Advance(run.Glyphs[i]);
        }

        return run.Glyphs.Length;
    }

    /// <summary>For each UTF-16 offset of the text, the offset of the same character in its UTF-8 encoding.</summary>
    private static void Utf8Offsets(string text, Span<int> offsets)
    {
        var bytes = 0;
        for (var i = 0; i < text.Length; i++)
        {
            offsets[i] = bytes;
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                offsets[++i] = bytes;
                bytes += 4;
            }
            else
            {
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
        }

        offsets[text.Length] = bytes;
    }

    /// <summary>One subset per face the document uses, with exactly the glyphs and characters it draws.</summary>
    private Dictionary<FontFace, FontSubset> SubsetFonts(DocumentLayout layout)
    {
        var usage = new Dictionary<FontFace, (HashSet<ushort> Glyphs, HashSet<int> CodePoints)>();
        foreach (var page in layout.Pages)
        {
            foreach (var item in page.Items)
            {
                if (item is not TextItem { Run: var run })
                {
                    continue;
                }

                if (!usage.TryGetValue(run.Face, out var used))
                {
                    used = ([], []);
                    usage.Add(run.Face, used);
                }

                used.Glyphs.UnionWith(run.Glyphs);
                foreach (var rune in run.Text.EnumerateRunes())
                {
                    used.CodePoints.Add(rune.Value);
                }
            }
        }

        var fonts = new Dictionary<FontFace, FontSubset>(usage.Count);
        foreach (var (face, used) in usage)
        {
            var glyphs = used.Glyphs.ToArray();
            var codePoints = used.CodePoints.ToArray();
            Array.Sort(glyphs);
            Array.Sort(codePoints);
            fonts.Add(face, subsets.Get(new FontSubsetKey(face, glyphs, codePoints)));
        }

        return fonts;
    }

    private static SKColor ToSkia(DocumentColor color) => new(color.Red, color.Green, color.Blue);
}
