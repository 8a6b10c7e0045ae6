using CrmBlazor.Sdk.Data;

namespace CrmBlazor.Plugins.Invoicing.Data;

/// <summary>
/// An invoice or a credit note. A draft has no number and can change; issuing gives it the next
/// number of its series and year and freezes it: from then on only its payment state changes.
/// </summary>
public sealed class Invoice : IVersionedEntity
{
    public long Id { get; set; }

    public InvoiceKind Kind { get; set; }

    public InvoiceStatus Status { get; set; }

    /// <summary>The number, e.g. INV-2026-00042; null while a draft.</summary>
    public string? Number { get; set; }

    /// <summary>The year of the number's sequence (the issue date's year).</summary>
    public int? SequenceYear { get; set; }

    /// <summary>The position in that year's sequence, 1, 2, 3…</summary>
    public long? SequenceNumber { get; set; }

    public long CustomerId { get; set; }

    /// <summary>The customer's name as it was when drafted, frozen on issue (the legal content of the invoice).</summary>
    public required string CustomerName { get; set; }

    /// <summary>ISO 4217 code; amounts have this currency's minor units.</summary>
    public required string Currency { get; set; }

    /// <summary>The document date: the day the draft was made, then the issue date.</summary>
    public DateOnly Date { get; set; }

    public DateOnly? IssueDate { get; set; }

    public DateOnly? DueDate { get; set; }

    /// <summary>The period of the time billed, if any.</summary>
    public DateOnly? PeriodFrom { get; set; }

    public DateOnly? PeriodTo { get; set; }

    public TimeGrouping Grouping { get; set; }

    /// <summary>The tax profile new lines take (a key of the configured profiles).</summary>
    public required string TaxProfile { get; set; }

    /// <summary>Whether prices and line amounts include tax.</summary>
    public bool PricesIncludeTax { get; set; }

    /// <summary>For a credit note: the invoice it corrects.</summary>
    public long? CreditedInvoiceId { get; set; }

    /// <summary>For a draft made by a monthly run: the first day of the month it bills (one per customer and month).</summary>
    public DateOnly? RunPeriod { get; set; }

    public string? Notes { get; set; }

    public decimal NetTotal { get; set; }

    public decimal TaxTotal { get; set; }

    public decimal GrossTotal { get; set; }

    /// <summary>For an invoice: the payments recorded.</summary>
    public decimal PaidTotal { get; set; }

    /// <summary>For an invoice: what issued credit notes cancelled.</summary>
    public decimal CreditedTotal { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? IssuedAt { get; set; }

    public string? IssuedBy { get; set; }

    public Guid RowVersion { get; set; }

    public List<InvoiceLine> Lines { get; } = [];

    public List<InvoiceTaxTotal> TaxTotals { get; } = [];

    public List<InvoiceTimeEntry> TimeEntries { get; } = [];

    public List<Payment> Payments { get; } = [];

    /// <summary>What is still owed: the gross amount less credit notes and payments (never below zero).</summary>
    public decimal Outstanding => Math.Max(0, GrossTotal - CreditedTotal - PaidTotal);

    /// <summary>
    /// What the firm owes the customer on this invoice: payments and credit notes beyond its gross
    /// amount (a credit note issued after the invoice was paid), to refund or to set against another.
    /// </summary>
    public decimal Overpaid => Math.Max(0, PaidTotal + CreditedTotal - GrossTotal);

    public bool IsDraft => Status == InvoiceStatus.Draft;
}
