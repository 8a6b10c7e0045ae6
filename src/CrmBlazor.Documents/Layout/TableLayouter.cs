using CrmBlazor.Sdk.Documents;

namespace CrmBlazor.Documents.Layout;

/// <summary>Column widths and row layout of a table; the page flow decides where rows go.</summary>
internal sealed class TableLayouter(BlockLayouter blocks)
{
    /// <summary>Lays out every row of a table in the given width; items are relative to each row's top-left corner.</summary>
    public MeasuredTable Measure(Table table, float width, TextStyle style)
    {
        if (table.Columns.Count == 0)
        {
            throw new ArgumentException("A table needs at least one column.", nameof(table));
        }

        var widths = ColumnWidths(table, width);
        var lefts = new float[widths.Length];
        var x = 0f;
        for (var i = 0; i < widths.Length; i++)
        {
            lefts[i] = table.Direction == TextDirection.RightToLeft ? width - x - widths[i] : x;
            x += widths[i];
        }

        var header = table.HeaderRow is null ? null : Row(table, table.HeaderRow, widths, lefts, width, style, table.HeaderBackground);
        var body = table.Rows.Select(row => Row(table, row, widths, lefts, width, style, row.Background)).ToList();
        return new MeasuredTable(header, body);
    }

    private MeasuredRow Row(Table table, TableRow row, float[] widths, float[] lefts, float tableWidth, TextStyle style, DocumentColor? background)
    {
        var rowStyle = row.Style?.InheritFrom(style) ?? style;
        var padding = Math.Max(0, table.CellPadding);
        var cells = new List<(float Left, Box Box, float FirstBaseline)>();
        var rowBaseline = 0f;
        for (var i = 0; i < Math.Min(row.Cells.Count, widths.Length); i++)
        {
            var cell = row.Cells[i];
            var cellStyle = cell.Style?.InheritFrom(rowStyle) ?? rowStyle;
            var alignment = cell.Alignment ?? table.Columns[i].Alignment;
            var box = blocks.LayoutBox(cell.Content, Math.Max(1, widths[i] - (2 * padding)), cellStyle, alignment, PageFields.None, tablesAllowed: false);
            var firstBaseline = FirstBaseline(box);
            cells.Add((lefts[i] + padding, box, firstBaseline));
            rowBaseline = Math.Max(rowBaseline, firstBaseline);
        }

        // The cells' first lines share one baseline, as in a line of text: a Tamil description, whose
        // font rises less above the baseline than Noto Sans, sits on the line of the amounts beside it.
        var contentHeight = 0f;
        var shifts = new float[cells.Count];
        for (var i = 0; i < cells.Count; i++)
        {
            shifts[i] = cells[i].FirstBaseline > 0 ? rowBaseline - cells[i].FirstBaseline : 0;
            contentHeight = Math.Max(contentHeight, shifts[i] + cells[i].Box.Height);
        }

        var height = contentHeight + (2 * padding);
        var items = new List<PageItem>();
        if (background is { } color)
        {
            items.Add(new FillItem(0, 0, tableWidth, height, color));
        }

        for (var i = 0; i < cells.Count; i++)
        {
            var (left, box, _) = cells[i];
            var top = padding + shifts[i];
            items.AddRange(box.Items.Select(item => item.Offset(left, top)));
        }

        if (table.RuleColor is { } ruleColor && table.RuleThickness > 0)
        {
            items.Add(new LineItem(0, height, tableWidth, height, table.RuleThickness, ruleColor));
        }

        return new MeasuredRow(items, height);
    }

    /// <summary>How far below the box's top its first line of text sits, or 0 when it has no text.</summary>
    private static float FirstBaseline(Box box)
    {
        var first = float.MaxValue;
        foreach (var item in box.Items)
        {
            if (item is TextItem text && text.Baseline < first)
            {
                first = text.Baseline;
            }
        }

        return first == float.MaxValue ? 0 : first;
    }

    private static float[] ColumnWidths(Table table, float width)
    {
        var fixedTotal = table.Columns.Where(c => !c.Width.IsRelative).Sum(c => c.Width.Value);
        var shares = table.Columns.Where(c => c.Width.IsRelative).Sum(c => c.Width.Value);
        var remaining = Math.Max(0, width - fixedTotal);
        return table.Columns
            .Select(c => c.Width.IsRelative ? remaining * c.Width.Value / shares : c.Width.Value)
            .ToArray();
    }
}

/// <summary>A table's rows, laid out.</summary>
internal sealed record MeasuredTable(MeasuredRow? Header, IReadOnlyList<MeasuredRow> Body);

/// <summary>A row laid out: items relative to its top-left corner, and its height.</summary>
internal sealed record MeasuredRow(IReadOnlyList<PageItem> Items, float Height);
