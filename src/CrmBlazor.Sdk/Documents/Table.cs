namespace CrmBlazor.Sdk.Documents;

/// <summary>
/// A table: columns with widths, an optional header row that is repeated at the top of every page the
/// table continues on, and rows that are never split across pages.
/// </summary>
/// <remarks>A row taller than a whole page is drawn on a page of its own and cut at the page's bottom margin.</remarks>
public sealed class Table : Block
{
    /// <summary>The columns, in reading order (left to right, or right to left when <see cref="Direction"/> says so).</summary>
    public IList<TableColumn> Columns { get; } = new List<TableColumn>();

    /// <summary>The header row, repeated on every page; null for none.</summary>
    public TableRow? HeaderRow { get; init; }

    /// <summary>The body rows.</summary>
    public IList<TableRow> Rows { get; } = new List<TableRow>();

    /// <summary>The order of the columns on the page; right to left puts the first column at the right edge.</summary>
    public TextDirection Direction { get; init; } = TextDirection.LeftToRight;

    /// <summary>The space between a cell's edges and its content, in points.</summary>
    public float CellPadding { get; init; } = 4;

    /// <summary>The background of the header row, or null for none.</summary>
    public DocumentColor? HeaderBackground { get; init; } = DocumentColor.LightGray;

    /// <summary>The colour of the rules below the header and between rows, or null for none.</summary>
    public DocumentColor? RuleColor { get; init; } = DocumentColor.LightGray;

    /// <summary>The thickness of those rules, in points.</summary>
    public float RuleThickness { get; init; } = 0.5f;
}

/// <summary>A column of a <see cref="Table"/>.</summary>
/// <param name="Width">Its width.</param>
/// <param name="Alignment">The alignment its cells' paragraphs inherit (e.g. <see cref="TextAlignment.End"/> for amounts).</param>
public sealed record TableColumn(ColumnWidth Width, TextAlignment Alignment = TextAlignment.Start);

/// <summary>The width of a table column: fixed in points, or a share of what the fixed columns leave.</summary>
public readonly record struct ColumnWidth
{
    private ColumnWidth(float value, bool isRelative)
    {
        if (!(value > 0) || float.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A column width must be a positive number.");
        }

        Value = value;
        IsRelative = isRelative;
    }

    /// <summary>The width in points, or the share.</summary>
    public float Value { get; }

    /// <summary>True for a share of the remaining width, false for points.</summary>
    public bool IsRelative { get; }

    /// <summary>A width in points.</summary>
    /// <param name="points">The width.</param>
    public static ColumnWidth Fixed(float points) => new(points, isRelative: false);

    /// <summary>A share of the width the fixed columns leave: columns of 2 and 1 get two thirds and one third.</summary>
    /// <param name="share">The share.</param>
    public static ColumnWidth Relative(float share = 1) => new(share, isRelative: true);
}

/// <summary>A row of a <see cref="Table"/>; it is kept on one page.</summary>
public sealed class TableRow
{
    /// <summary>An empty row; add its cells to <see cref="Cells"/>.</summary>
    public TableRow()
    {
    }

    /// <summary>A row of cells that each hold one paragraph of text.</summary>
    /// <param name="texts">The texts, one per column.</param>
    public TableRow(params string[] texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        foreach (var text in texts)
        {
            Cells.Add(new TableCell(text));
        }
    }

    /// <summary>The cells, one per column, in the columns' order.</summary>
    public IList<TableCell> Cells { get; } = new List<TableCell>();

    /// <summary>The text style the row's cells inherit.</summary>
    public TextStyle? Style { get; init; }

    /// <summary>The row's background, or null for none.</summary>
    public DocumentColor? Background { get; init; }
}

/// <summary>A cell of a <see cref="TableRow"/>: paragraphs, images, spacers and rules (no tables, no page breaks).</summary>
public sealed class TableCell
{
    /// <summary>An empty cell; add its content to <see cref="Content"/>.</summary>
    public TableCell()
    {
    }

    /// <summary>A cell with one paragraph of text.</summary>
    /// <param name="text">The text.</param>
    public TableCell(string text)
    {
        Content.Add(new Paragraph(text));
    }

    /// <summary>The content, one block below the other.</summary>
    public IList<Block> Content { get; } = new List<Block>();

    /// <summary>The alignment the cell's paragraphs inherit; null for the column's.</summary>
    public TextAlignment? Alignment { get; init; }

    /// <summary>The text style the cell's paragraphs inherit.</summary>
    public TextStyle? Style { get; init; }
}
