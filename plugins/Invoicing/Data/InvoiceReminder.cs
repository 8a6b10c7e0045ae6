namespace CrmBlazor.Plugins.Invoicing.Data;

/// <summary>A payment reminder recorded for an overdue invoice: one per invoice and level (<see cref="Invoice.RemindIfOverdue"/>).</summary>
public sealed class InvoiceReminder
{
    private InvoiceReminder()
    {
    }

    public long Id { get; private set; }

    public long InvoiceId { get; private set; }

    /// <summary>1 for the first reminder, 2 for the second…</summary>
    public int Level { get; private set; }

    public DateOnly Date { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    internal static InvoiceReminder Of(int level, DateOnly date, DateTimeOffset recordedAt) => new()
    {
        Level = level,
        Date = date,
        RecordedAt = recordedAt,
    };
}
