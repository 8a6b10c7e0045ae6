using CrmBlazor.Sdk.Documents;

namespace CrmBlazor.Documents.Layout;

/// <summary>
/// Lays out blocks in a box of a given width without page breaks: the content of table cells, headers
/// and footers, and the pieces (lines, pictures, rows) the page flow places one by one. One instance
/// serves one document.
/// </summary>
internal sealed class BlockLayouter(ParagraphLayouter paragraphs, string? language) : IDisposable
{
    /// <summary>A picture's width when the document gives none: its pixels at 96 dpi.</summary>
    private const float PointsPerPixel = 72f / 96f;

    private readonly Dictionary<Image, ImageSource> _images = new(ReferenceEqualityComparer.Instance);

    public TableLayouter Tables => new(this);

    /// <summary>The decoded pictures, to hand over to the finished layout.</summary>
    public IReadOnlyCollection<ImageSource> Images => _images.Values;

    /// <summary>Lays out blocks one below the other; the items are relative to the box's top-left corner.</summary>
    public Box LayoutBox(IEnumerable<Block> blocks, float width, TextStyle style, TextAlignment alignment, PageFields fields, bool tablesAllowed)
    {
        var items = new List<PageItem>();
        var y = 0f;
        var first = true;
        foreach (var block in blocks)
        {
            if (!first)
            {
                y += block.SpaceBefore;
            }

            first = false;
            switch (block)
            {
                case Paragraph paragraph:
                    foreach (var line in Lines(paragraph, style, alignment, width, fields))
                    {
                        PlaceLine(items, line, 0, y, width);
                        y += line.Height;
                    }

                    break;
                case Image image:
                    var (imageWidth, imageHeight) = ImageSize(image, width);
                    items.Add(new ImageItem(ImageOffset(image, imageWidth, width), y, imageWidth, imageHeight, Source(image)));
                    y += imageHeight;
                    break;
                case Spacer spacer:
                    y += spacer.Height;
                    break;
                case HorizontalRule rule:
                    items.Add(Rule(rule, 0, y, width));
                    y += rule.Thickness;
                    break;
                case Table table when tablesAllowed:
                    var rows = Tables.Measure(table, width, style);
                    foreach (var row in rows.Header is null ? rows.Body : [rows.Header, .. rows.Body])
                    {
                        items.AddRange(row.Items.Select(item => item.Offset(0, y)));
                        y += row.Height;
                    }

                    break;
                default:
                    throw new NotSupportedException($"A {block.GetType().Name} cannot be placed here (table cells take no tables or page breaks; headers and footers take no page breaks).");
            }

            y += block.SpaceAfter;
        }

        return new Box(items, y);
    }

    public IReadOnlyList<TextLine> Lines(Paragraph paragraph, TextStyle style, TextAlignment alignment, float width, PageFields fields) =>
        paragraphs.Layout(paragraph, style, alignment, language, width, fields);

    /// <summary>Adds a line's runs with its top-left corner at (<paramref name="left"/>, <paramref name="top"/>) in a box of the given width.</summary>
    public static void PlaceLine(List<PageItem> items, TextLine line, float left, float top, float width)
    {
        var x = left + line.OffsetIn(width);
        var baseline = top + line.Ascent + ((line.Height - line.Ascent - line.Descent) / 2);
        foreach (var (offset, run) in line.Runs)
        {
            items.Add(new TextItem(x + offset, baseline, run));
        }
    }

    public static LineItem Rule(HorizontalRule rule, float left, float top, float width) =>
        new(left, top + (rule.Thickness / 2), left + width, top + (rule.Thickness / 2), rule.Thickness, rule.Color);

    /// <summary>A picture's size: as given, or its own at 96 dpi, scaled down to the available width, proportions kept.</summary>
    public (float Width, float Height) ImageSize(Image image, float availableWidth)
    {
        var source = Source(image);
        var aspect = source.PixelHeight / (float)source.PixelWidth;
        var width = image.Width ?? (image.Height / aspect) ?? source.PixelWidth * PointsPerPixel;
        var height = image.Height ?? width * aspect;
        if (width > availableWidth)
        {
            height *= availableWidth / width;
            width = availableWidth;
        }

        return (width, height);
    }

    public static float ImageOffset(Image image, float imageWidth, float boxWidth) => image.Alignment switch
    {
        TextAlignment.Right or TextAlignment.End => boxWidth - imageWidth,
        TextAlignment.Center => (boxWidth - imageWidth) / 2,
        _ => 0,
    };

    public ImageSource Source(Image image)
    {
        if (!_images.TryGetValue(image, out var source))
        {
            source = new ImageSource(image.Data);
            _images.Add(image, source);
        }

        return source;
    }

    /// <summary>Lets go of the decoded pictures once the finished layout owns them.</summary>
    public void ForgetImages() => _images.Clear();

    public void Dispose()
    {
        foreach (var image in _images.Values)
        {
            image.Dispose();
        }

        _images.Clear();
    }
}

/// <summary>Laid-out content of a box: items relative to its top-left corner, and its height.</summary>
internal sealed record Box(IReadOnlyList<PageItem> Items, float Height);
