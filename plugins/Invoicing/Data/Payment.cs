namespace CrmBlazor.Plugins.Invoicing.Data;

/// <summary>A payment received for an invoice (recorded through <see cref="Invoice.RecordPayment"/>).</summary>
public sealed class Payment
{
    private Payment()
    {
    }

    public long Id { get; private set; }

    public long InvoiceId { get; private set; }

    public DateOnly Date { get; private set; }

    public decimal Amount { get; private set; }

    public string? Reference { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public string? RecordedBy { get; private set; }

    internal static Payment Of(DateOnly date, decimal amount, string? reference, DateTimeOffset recordedAt, string? recordedBy) => new()
    {
        Date = date,
        Amount = amount,
        Reference = reference,
        RecordedAt = recordedAt,
        RecordedBy = recordedBy,
    };
}
