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
/// </summary>
internal static class PdfPainter
{
    public static void Paint(DocumentLayout layout, Document document, SKWStream output, CancellationToken cancellationToken)
    {
        var typefaces = SubsetFonts(layout);
        var fonts = new Dictionary<(FontFace, float), SKFont>();
        try
        {
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
                            DrawText(canvas, text, FontFor(fonts, typefaces, text.Run), paint);
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
        finally
        {
            foreach (var font in fonts.Values)
            {
                font.Dispose();
            }

            foreach (var typeface in typefaces.Values)
            {
                typeface.Dispose();
            }
        }
    }

    private static void DrawText(SKCanvas canvas, TextItem item, SKFont font, SKPaint paint)
    {
        var run = item.Run;
        if (run.Glyphs.Length == 0)
        {
            return;
        }

        var byteCount = Encoding.UTF8.GetByteCount(run.Text);
        var bounds = new SKRect(-run.Size, -2 * run.Size, run.Width + run.Size, run.Size);
        using var builder = new SKTextBlobBuilder();
        var buffer = builder.AllocatePositionedTextRun(font, run.Glyphs.Length, byteCount, bounds);
        run.Glyphs.CopyTo(buffer.Glyphs);
        var positions = buffer.Positions;
        for (var i = 0; i < run.Glyphs.Length; i++)
        {
            positions[i] = new SKPoint(run.X[i], run.Y[i]);
        }

        Encoding.UTF8.GetBytes(run.Text, buffer.Text);
        var utf8Offsets = Utf8Offsets(run.Text);
        var clusters = buffer.Clusters;
        for (var i = 0; i < run.Glyphs.Length; i++)
        {
            clusters[i] = (uint)utf8Offsets[run.Clusters[i]];
        }

        using var blob = builder.Build();
        if (blob is null)
        {
            return;
        }

        paint.Color = ToSkia(run.Color);
        canvas.DrawText(blob, item.X, item.Baseline, paint);
    }

    /// <summary>For each UTF-16 offset of the text, the offset of the same character in its UTF-8 encoding.</summary>
    private static int[] Utf8Offsets(string text)
    {
        var offsets = new int[text.Length + 1];
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
        return offsets;
    }

    /// <summary>One subset typeface per face the document uses, with exactly the glyphs and characters it draws.</summary>
    private static Dictionary<FontFace, SKTypeface> SubsetFonts(DocumentLayout layout)
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

        var typefaces = new Dictionary<FontFace, SKTypeface>();
        try
        {
            foreach (var (face, used) in usage)
            {
                using var data = FontSubsetter.Subset(face, used.Glyphs, used.CodePoints);
                typefaces.Add(face, SKTypeface.FromData(data)
                    ?? throw new InvalidOperationException($"Skia could not load the subset of {face.Name}."));
            }
        }
        catch
        {
            foreach (var typeface in typefaces.Values)
            {
                typeface.Dispose();
            }

            throw;
        }

        return typefaces;
    }

    private static SKFont FontFor(Dictionary<(FontFace, float), SKFont> fonts, Dictionary<FontFace, SKTypeface> typefaces, GlyphRun run)
    {
        if (!fonts.TryGetValue((run.Face, run.Size), out var font))
        {
            font = new SKFont(typefaces[run.Face], run.Size)
            {
                Hinting = SKFontHinting.None,
                Subpixel = true,
                LinearMetrics = true,
            };
            fonts.Add((run.Face, run.Size), font);
        }

        return font;
    }

    private static SKColor ToSkia(DocumentColor color) => new(color.Red, color.Green, color.Blue);
}
