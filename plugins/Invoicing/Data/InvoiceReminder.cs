namespace CrmBlazor.Plugins.Invoicing.Data;

/// <summary>A payment reminder recorded for an overdue invoice: one per invoice and level.</summary>
public sealed class InvoiceReminder
{
    public long Id { get; set; }

    public long InvoiceId { get; set; }

    /// <summary>1 for the first reminder, 2 for the second…</summary>
    public int Level { get; set; }

    public DateOnly Date { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
