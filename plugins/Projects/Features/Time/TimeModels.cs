using System.ComponentModel.DataAnnotations;
using CrmBlazor.Plugins.Projects.Features.Shared;
using CrmBlazor.Sdk.Projects;

namespace CrmBlazor.Plugins.Projects.Features.Time;

/// <summary>A row of the week grid: a project, optionally a task, billable or not.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="TaskId">The task, or null for the project as a whole.</param>
/// <param name="IsBillable">Whether the row's time is billable.</param>
public sealed record TimeRowKey(long ProjectId, long? TaskId, bool IsBillable);

/// <summary>A day of a row, as loaded.</summary>
/// <param name="Date">The day.</param>
/// <param name="Minutes">The minutes logged.</param>
/// <param name="EntryCount">How many entries make it up; a cell with several is changed in the day view.</param>
/// <param name="EntryId">The entry, when there is exactly one.</param>
/// <param name="RowVersion">Its version, when there is exactly one.</param>
/// <param name="LockedBy">The invoice that billed it, when billed (<see cref="BilledInvoice.Of"/>: "" while a draft).</param>
public sealed record WeekCell(DateOnly Date, int Minutes, int EntryCount, long? EntryId, Guid? RowVersion, string? LockedBy)
{
    /// <summary>Whether the cell can be typed in (it also needs a row that takes time).</summary>
    public bool IsEditable => EntryCount <= 1 && LockedBy is null;
}

/// <summary>A row of the week grid, as loaded.</summary>
/// <param name="Key">The row.</param>
/// <param name="ProjectName">The project's name.</param>
/// <param name="CustomerName">The customer's name.</param>
/// <param name="TaskName">The task's name, or null.</param>
/// <param name="AcceptsTime">Whether the project takes time (not completed or cancelled).</param>
/// <param name="Cells">One cell per day of the week.</param>
public sealed record WeekRow(TimeRowKey Key, string ProjectName, string CustomerName, string? TaskName, bool AcceptsTime, IReadOnlyList<WeekCell> Cells);

/// <summary>A person's week of time.</summary>
/// <param name="UserId">The person.</param>
/// <param name="PersonName">The person's name.</param>
/// <param name="WeekStart">The first day.</param>
/// <param name="Rows">The rows with time, by project and task.</param>
public sealed record WeekSheet(string UserId, string PersonName, DateOnly WeekStart, IReadOnlyList<WeekRow> Rows)
{
    /// <summary>The seven days.</summary>
    public IReadOnlyList<DateOnly> Days => [.. Enumerable.Range(0, 7).Select(WeekStart.AddDays)];
}

/// <summary>A cell the user changed.</summary>
/// <param name="Row">The row.</param>
/// <param name="Date">The day.</param>
/// <param name="Minutes">The new minutes; 0 removes the time.</param>
/// <param name="EntryId">The entry the cell showed when loaded, or null for an empty cell.</param>
/// <param name="RowVersion">Its version when loaded.</param>
public sealed record CellChange(TimeRowKey Row, DateOnly Date, int Minutes, long? EntryId, Guid? RowVersion);

/// <summary>A cell that was not saved, and why.</summary>
/// <param name="Row">The row.</param>
/// <param name="Date">The day.</param>
/// <param name="Problem">Why.</param>
public sealed record RejectedCell(TimeRowKey Row, DateOnly Date, Problem Problem);

/// <summary>The outcome of saving a week: the cells that passed the rules were saved, the others not.</summary>
/// <param name="Status">Saved (possibly with rejected cells), or Forbidden.</param>
/// <param name="Saved">How many cells were saved.</param>
/// <param name="Rejected">The cells that were not saved, with their messages.</param>
/// <param name="Problem">A message about the whole week (a refusal), or null.</param>
public sealed record WeekSaveResult(ChangeStatus Status, int Saved, IReadOnlyList<RejectedCell> Rejected, Problem? Problem = null);

/// <summary>A project the person can log time on, with its open tasks.</summary>
public sealed record ProjectChoice(long ProjectId, string Name, string CustomerName, BillingMode BillingMode, IReadOnlyList<TaskChoice> Tasks)
{
    /// <summary>Whether time on the project as a whole is billable by default.</summary>
    public bool BillableByDefault => BillingMode != BillingMode.FixedFee;
}

/// <summary>A task time can be logged on.</summary>
public sealed record TaskChoice(long TaskId, string Name, bool IsBillable);

/// <summary>An entry of the day view.</summary>
public sealed record DayEntry(
    long Id,
    long ProjectId,
    string ProjectName,
    string CustomerName,
    long? TaskId,
    string? TaskName,
    int Minutes,
    bool IsBillable,
    string? Note,
    Guid RowVersion,
    string? LockedBy,
    bool AcceptsTime);

/// <summary>A time entry as the day view's dialog sends it.</summary>
public sealed class TimeEntryInput
{
    /// <summary>The entry, or null for a new one.</summary>
    public long? Id { get; set; }

    /// <summary>The version the dialog was opened with (changes only).</summary>
    public Guid RowVersion { get; set; }

    [Required(ErrorMessage = "Choose the project.")]
    public long? ProjectId { get; set; }

    public long? TaskId { get; set; }

    public DateOnly Date { get; set; }

    [Required(ErrorMessage = "Enter the hours worked, e.g. 7.5 or 7:30.")]
    public int? Minutes { get; set; }

    public bool IsBillable { get; set; } = true;

    [StringLength(1000, ErrorMessage = "The note can be at most 1000 characters long.")]
    [MultilineText]
    public string? Note { get; set; }
}

/// <summary>A row chosen in the add-row dialog.</summary>
public sealed record AddedRow(TimeRowKey Key, string ProjectName, string CustomerName, string? TaskName);
