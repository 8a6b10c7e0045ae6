using CrmBlazor.Plugins.Projects.Features.Shared;

namespace CrmBlazor.Plugins.Projects.Features.Time;

/// <summary>
/// The week grid as the user edits it: the loaded week, rows added since, what is typed in each cell
/// and the message of each cell that was refused. Knows which cells changed, and keeps refused cells
/// (with their text and message) and added rows when the week is reloaded after a save.
/// </summary>
public sealed class WeekGrid
{
    /// <summary>The message for text that is not a duration.</summary>
    public static readonly Problem NotADuration = new Problem("Type hours as 7.5 or 7:30.");

    private WeekGrid(DateOnly weekStart, List<GridRow> rows)
    {
        WeekStart = weekStart;
        Rows = rows;
    }

    /// <summary>The first day.</summary>
    public DateOnly WeekStart { get; }

    /// <summary>The seven days.</summary>
    public IReadOnlyList<DateOnly> Days => [.. Enumerable.Range(0, 7).Select(WeekStart.AddDays)];

    /// <summary>The rows, in display order.</summary>
    public List<GridRow> Rows { get; }

    /// <summary>Whether any cell differs from what was loaded.</summary>
    public bool HasChanges => Rows.Any(r => r.Cells.Any(c => c.IsChanged));

    /// <summary>
    /// The week as a title, "3 – 9 Mar 2026" style in the culture's month names: the year once when the
    /// week lies in one year, on both days when it spans New Year ("29 Dec 2025 – 4 Jan 2026").
    /// </summary>
    /// <param name="weekStart">The first day.</param>
    /// <param name="culture">The user's culture.</param>
    public static string Label(DateOnly weekStart, IFormatProvider culture)
    {
        var weekEnd = weekStart.AddDays(6);
        var first = weekStart.ToString(weekStart.Year == weekEnd.Year ? "d MMM" : "d MMM yyyy", culture);
        return $"{first} – {weekEnd.ToString("d MMM yyyy", culture)}";
    }

    /// <summary>The grid of a loaded week.</summary>
    /// <param name="sheet">The week.</param>
    public static WeekGrid From(WeekSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return new WeekGrid(sheet.WeekStart, [.. sheet.Rows.Select(r => new GridRow(r.Key, r.ProjectName, r.CustomerName, r.TaskName, r.AcceptsTime,
            [.. r.Cells.Select(c => new GridCell(c.Date, c.Minutes, c.EntryCount, c.EntryId, c.RowVersion, c.LockedBy))]))]);
    }

    /// <summary>Adds an empty row unless the grid has it already.</summary>
    /// <returns>The row (new or existing).</returns>
    public GridRow AddRow(TimeRowKey key, string projectName, string customerName, string? taskName)
    {
        if (Rows.FirstOrDefault(r => r.Key == key) is { } existing)
        {
            return existing;
        }

        var row = new GridRow(key, projectName, customerName, taskName, true, [.. Days.Select(d => new GridCell(d, 0, 0, null, null, null))]);
        Rows.Add(row);
        return row;
    }

    /// <summary>The changed cells as the service takes them; cells whose text is not a duration get <see cref="NotADuration"/> instead.</summary>
    public IReadOnlyList<CellChange> Changes()
    {
        var changes = new List<CellChange>();
        foreach (var row in Rows)
        {
            foreach (var cell in row.Cells.Where(c => c.IsChanged))
            {
                if (cell.Minutes is { } minutes)
                {
                    cell.Problem = null;
                    changes.Add(new CellChange(row.Key, cell.Date, minutes, cell.EntryId, cell.RowVersion));
                }
                else
                {
                    cell.Problem = NotADuration;
                }
            }
        }

        return changes;
    }

    /// <summary>
    /// The grid after a save: the week as reloaded, with the refused cells keeping what was typed and
    /// their messages, cells whose text was not a duration kept as typed, and added rows kept.
    /// </summary>
    /// <param name="reloaded">The week as now stored.</param>
    /// <param name="rejected">The cells the service refused.</param>
    public WeekGrid After(WeekSheet reloaded, IReadOnlyList<RejectedCell> rejected)
    {
        ArgumentNullException.ThrowIfNull(reloaded);
        ArgumentNullException.ThrowIfNull(rejected);
        var next = From(reloaded);
        foreach (var row in Rows)
        {
            var target = next.AddRow(row.Key, row.ProjectName, row.CustomerName, row.TaskName);
            foreach (var cell in row.Cells)
            {
                var problem = rejected.FirstOrDefault(r => r.Row == row.Key && r.Date == cell.Date)?.Problem
                    ?? (cell.Problem == NotADuration && cell.IsChanged ? NotADuration : null);
                if (problem is not null)
                {
                    var kept = target.Cells.First(c => c.Date == cell.Date);
                    kept.Text = cell.Text;
                    kept.Problem = problem;
                }
            }
        }

        return next;
    }

    /// <summary>The minutes of a day across all rows, as typed (unreadable cells count as loaded).</summary>
    /// <param name="date">The day.</param>
    public int DayTotal(DateOnly date) => Rows.Sum(r => r.Cells.Where(c => c.Date == date).Sum(c => c.Minutes ?? c.LoadedMinutes));

    /// <summary>The minutes of the week, as typed.</summary>
    public int WeekTotal => Days.Sum(DayTotal);
}

/// <summary>A row of the grid being edited.</summary>
public sealed record GridRow(TimeRowKey Key, string ProjectName, string CustomerName, string? TaskName, bool AcceptsTime, List<GridCell> Cells)
{
    /// <summary>The row's minutes as typed.</summary>
    public int Total => Cells.Sum(c => c.Minutes ?? c.LoadedMinutes);
}

/// <summary>A cell of the grid being edited.</summary>
public sealed class GridCell(DateOnly date, int loadedMinutes, int entryCount, long? entryId, Guid? rowVersion, string? lockedBy)
{
    /// <summary>The day.</summary>
    public DateOnly Date { get; } = date;

    /// <summary>The minutes when loaded.</summary>
    public int LoadedMinutes { get; } = loadedMinutes;

    /// <summary>How many entries make up the cell.</summary>
    public int EntryCount { get; } = entryCount;

    /// <summary>The entry, when there is exactly one.</summary>
    public long? EntryId { get; } = entryId;

    /// <summary>Its version when loaded.</summary>
    public Guid? RowVersion { get; } = rowVersion;

    /// <summary>The invoice that billed it, when billed.</summary>
    public string? LockedBy { get; } = lockedBy;

    /// <summary>What the cell shows or the user typed.</summary>
    public string Text { get; set; } = loadedMinutes == 0 ? string.Empty : HoursText.Format(loadedMinutes);

    /// <summary>Why the cell was not saved, or null.</summary>
    public Problem? Problem { get; set; }

    /// <summary>Whether it can be typed in: not billed, and not several entries (those are changed in the day view).</summary>
    public bool IsEditable => EntryCount <= 1 && LockedBy is null;

    /// <summary>The minutes typed, or null when the text is not a duration (empty text is 0).</summary>
    public int? Minutes => HoursText.TryParse(Text, out var minutes) ? minutes ?? 0 : null;

    /// <summary>Whether the text no longer says what was loaded.</summary>
    public bool IsChanged => IsEditable && Minutes != LoadedMinutes;
}
