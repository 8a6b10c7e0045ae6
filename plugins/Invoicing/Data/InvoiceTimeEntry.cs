namespace CrmBlazor.Plugins.Invoicing.Data;

/// <summary>A time entry an invoice bills, as it was when billed: the annex lists these.</summary>
public sealed class InvoiceTimeEntry
{
    public long Id { get; set; }

    public long InvoiceId { get; set; }

    /// <summary>The time entry in the projects plugin.</summary>
    public long EntryId { get; set; }

    /// <summary>The line it is part of (<see cref="InvoiceLine.GroupKey"/>).</summary>
    public required string GroupKey { get; set; }

    public long ProjectId { get; set; }

    public required string ProjectName { get; set; }

    public long? TaskId { get; set; }

    public string? TaskName { get; set; }

    public required string UserId { get; set; }

    public required string PersonName { get; set; }

    public DateOnly Date { get; set; }

    public int Minutes { get; set; }

    public string? Note { get; set; }

    public decimal? HourlyRate { get; set; }

    public decimal? Amount { get; set; }
}
