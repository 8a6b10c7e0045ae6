using CrmBlazor.Documents.Text;
using CrmBlazor.Sdk.Documents;

namespace CrmBlazor.Documents.Layout;

/// <summary>
/// Breaks a document into pages: the body flows between the header and the footer, paragraphs break
/// between lines, table rows stay whole and the table's header row is repeated on each page it
/// continues on. Headers and footers are laid out last, once the page count is known.
/// </summary>
internal sealed class DocumentLayouter(FontCollection fonts, TextShaper shaper)
{
    /// <summary>The smallest body height that leaves room for content between header and footer.</summary>
    private const float MinimumBodyHeight = 36;

    public DocumentLayout Layout(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var page = document.PageSize;
        var margins = document.Margins;
        var left = margins.Left;
        var width = page.Width - margins.Left - margins.Right;
        if (width < MinimumBodyHeight)
        {
            throw new ArgumentException("The margins leave no room on the page.", nameof(document));
        }

        var style = document.DefaultStyle.InheritFrom(TextStyle.Default);
        using var blocks = new BlockLayouter(new ParagraphLayouter(fonts, shaper), document.Language);
        var sampleFields = new PageFields(1, 1);
        var headerHeight = blocks.LayoutBox(document.Header, width, style, TextAlignment.Start, sampleFields, tablesAllowed: true).Height;
        var footerHeight = blocks.LayoutBox(document.Footer, width, style, TextAlignment.Start, sampleFields, tablesAllowed: true).Height;
        var top = margins.Top + (headerHeight > 0 ? headerHeight + document.HeaderFooterSpacing : 0);
        var bottom = page.Height - margins.Bottom - (footerHeight > 0 ? footerHeight + document.HeaderFooterSpacing : 0);
        if (bottom - top < MinimumBodyHeight)
        {
            throw new ArgumentException("The header, footer and margins leave no room for the body.", nameof(document));
        }

        var flow = new PageFlow(top, bottom);
        foreach (var block in document.Content)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Place(block, flow, blocks, left, width, style);
        }

        var count = flow.Pages.Count;
        for (var number = 1; number <= count; number++)
        {
            var fields = new PageFields(number, count);
            var items = flow.Pages[number - 1].Items;
            var header = blocks.LayoutBox(document.Header, width, style, TextAlignment.Start, fields, tablesAllowed: true);
            items.AddRange(header.Items.Select(item => item.Offset(left, margins.Top)));
            var footer = blocks.LayoutBox(document.Footer, width, style, TextAlignment.Start, fields, tablesAllowed: true);
            items.AddRange(footer.Items.Select(item => item.Offset(left, page.Height - margins.Bottom - footer.Height)));
        }

        var layout = new DocumentLayout(page, flow.Pages);
        layout.Own(blocks.Images);
        blocks.ForgetImages();
        return layout;
    }

    private static void Place(Block block, PageFlow flow, BlockLayouter blocks, float left, float width, TextStyle style)
    {
        if (!flow.AtTop)
        {
            flow.Y += block.SpaceBefore;
        }

        switch (block)
        {
            case Paragraph paragraph:
                foreach (var line in blocks.Lines(paragraph, style, TextAlignment.Start, width, PageFields.None))
                {
                    flow.MakeRoomFor(line.Height);
                    var items = new List<PageItem>();
                    BlockLayouter.PlaceLine(items, line, left, flow.Y, width);
                    flow.Current.Items.AddRange(items);
                    flow.Y += line.Height;
                }

                break;
            case Table table:
                PlaceTable(table, flow, blocks, left, width, style);
                break;
            case Image image:
                var (imageWidth, imageHeight) = blocks.ImageSize(image, width);
                flow.MakeRoomFor(imageHeight);
                flow.Add(new ImageItem(left + BlockLayouter.ImageOffset(image, imageWidth, width), flow.Y, imageWidth, imageHeight, blocks.Source(image)));
                flow.Y += imageHeight;
                break;
            case Spacer spacer:
                // Space does not carry over to the next page.
                flow.Y = Math.Min(flow.Y + spacer.Height, flow.Bottom);
                break;
            case HorizontalRule rule:
                flow.MakeRoomFor(rule.Thickness);
                flow.Add(BlockLayouter.Rule(rule, left, flow.Y, width));
                flow.Y += rule.Thickness;
                break;
            case PageBreak:
                if (!flow.AtTop)
                {
                    flow.NewPage();
                }

                return;
            default:
                throw new NotSupportedException($"Unknown block {block.GetType().Name}.");
        }

        flow.Y += block.SpaceAfter;
    }

    /// <summary>Rows go whole onto a page; a page the table continues on starts with the header row again.</summary>
    private static void PlaceTable(Table table, PageFlow flow, BlockLayouter blocks, float left, float width, TextStyle style)
    {
        var rows = blocks.Tables.Measure(table, width, style);
        var headerHeight = rows.Header?.Height ?? 0;
        var first = rows.Body.Count > 0 ? rows.Body[0].Height : 0;
        flow.MakeRoomFor(headerHeight + first);
        PlaceRow(rows.Header, flow, left);
        var rowsOnPage = 0;
        foreach (var row in rows.Body)
        {
            if (flow.Y + row.Height > flow.Bottom && rowsOnPage > 0)
            {
                flow.NewPage();
                PlaceRow(rows.Header, flow, left);
                rowsOnPage = 0;
            }

            PlaceRow(row, flow, left);
            rowsOnPage++;
        }
    }

    private static void PlaceRow(MeasuredRow? row, PageFlow flow, float left)
    {
        if (row is null)
        {
            return;
        }

        var top = flow.Y;
        flow.Current.Items.AddRange(row.Items.Select(item => item.Offset(left, top)));
        flow.Y += row.Height;
    }
}
