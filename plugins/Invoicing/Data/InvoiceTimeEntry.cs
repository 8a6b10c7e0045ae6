using CrmBlazor.Sdk.Projects;

namespace CrmBlazor.Plugins.Invoicing.Data;

/// <summary>A time entry an invoice bills, as it was when billed: the annex lists these.</summary>
public sealed class InvoiceTimeEntry
{
    private InvoiceTimeEntry()
    {
    }

    public long Id { get; private set; }

    public long InvoiceId { get; private set; }

    /// <summary>The time entry in the projects plugin.</summary>
    public long EntryId { get; private set; }

    /// <summary>The line it is part of (<see cref="InvoiceLine.GroupKey"/>).</summary>
    public string GroupKey { get; private set; } = string.Empty;

    public long ProjectId { get; private set; }

    public string ProjectName { get; private set; } = string.Empty;

    public long? TaskId { get; private set; }

    public string? TaskName { get; private set; }

    public string UserId { get; private set; } = string.Empty;

    public string PersonName { get; private set; } = string.Empty;

    public DateOnly Date { get; private set; }

    public int Minutes { get; private set; }

    public string? Note { get; private set; }

    public decimal? HourlyRate { get; private set; }

    public decimal? Amount { get; private set; }

    /// <summary>The annex row of an entry as the projects plugin describes it, in a line's group.</summary>
    internal static InvoiceTimeEntry Of(BillableTimeEntry entry, string groupKey) => new()
    {
        EntryId = entry.EntryId,
        GroupKey = groupKey,
        ProjectId = entry.ProjectId,
        ProjectName = entry.ProjectName,
        TaskId = entry.TaskId,
        TaskName = entry.TaskName,
        UserId = entry.UserId,
        PersonName = entry.PersonName,
        Date = entry.Date,
        Minutes = entry.Minutes,
        Note = entry.Note,
        HourlyRate = entry.HourlyRate,
        Amount = entry.Amount,
    };

    internal void MoveToGroup(string groupKey) => GroupKey = groupKey;
}
