namespace CrmBlazor.Plugins.Invoicing.Data;

/// <summary>A payment received for an invoice.</summary>
public sealed class Payment
{
    public long Id { get; set; }

    public long InvoiceId { get; set; }

    public DateOnly Date { get; set; }

    public decimal Amount { get; set; }

    public string? Reference { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public string? RecordedBy { get; set; }
}
