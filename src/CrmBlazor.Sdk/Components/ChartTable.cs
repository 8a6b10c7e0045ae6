namespace CrmBlazor.Sdk.Components;

/// <summary>
/// The figures a chart draws, as the table that <see cref="ChartFigure"/> offers in its place: one row per
/// category (a month, a segment), one column per series (invoiced, paid), every value already formatted in the
/// user's culture.
/// </summary>
/// <param name="RowHeader">The header of the first column, which names the rows ("Month"), already localised.</param>
/// <param name="Columns">The headers of the value columns, one per series, already localised.</param>
/// <param name="Rows">The rows, in the chart's order.</param>
public sealed record ChartTable(string RowHeader, IReadOnlyList<string> Columns, IReadOnlyList<ChartTableRow> Rows);

/// <summary>One row of a <see cref="ChartTable"/>.</summary>
/// <param name="Label">The category ("Oct 2026"), already localised.</param>
/// <param name="Values">One formatted value per column.</param>
public sealed record ChartTableRow(string Label, IReadOnlyList<string> Values);
