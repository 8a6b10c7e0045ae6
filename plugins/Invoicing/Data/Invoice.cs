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

/// <summary>A line of an invoice or credit note.</summary>
public sealed class InvoiceLine
{
    public long Id { get; set; }

    public long InvoiceId { get; set; }

    public int Position { get; set; }

    public LineKind Kind { get; set; }

    public required string Description { get; set; }

    /// <summary>Hours for time, a count for fees and discounts.</summary>
    public decimal Quantity { get; set; }

    /// <summary>For time: the exact minutes, from which the amount is computed (hours are shown rounded).</summary>
    public int? Minutes { get; set; }

    public decimal UnitPrice { get; set; }

    /// <summary>The line's amount, rounded to the currency's minor units; negative for a discount.</summary>
    public decimal Amount { get; set; }

    /// <summary>The tax profile (a key of the configured profiles).</summary>
    public required string TaxProfile { get; set; }

    /// <summary>For time lines: the group the annex entries belong to.</summary>
    public string? GroupKey { get; set; }

    /// <summary>For a credit note's line: the invoice line it credits.</summary>
    public long? CreditedLineId { get; set; }
}

/// <summary>The tax of one component (CGST 9%, VAT 18%…) of one tax profile on an invoice, frozen on issue.</summary>
public sealed class InvoiceTaxTotal
{
    public long Id { get; set; }

    public long InvoiceId { get; set; }

    public required string TaxProfile { get; set; }

    public required string ProfileName { get; set; }

    public required string Component { get; set; }

    /// <summary>The rate as a fraction (0.09 for 9%).</summary>
    public decimal Rate { get; set; }

    /// <summary>The net amount the tax is computed on (the profile's net).</summary>
    public decimal Base { get; set; }

    public decimal Tax { get; set; }
}

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

/// <summary>
/// The last number given in a series and year. Issuing increments it inside the issuing transaction
/// (an UPDATE that locks the row until commit), so numbers are consecutive, never skipped, never reused.
/// </summary>
[NotAudited]
public sealed class NumberSequence
{
    /// <summary><c>invoice</c> or <c>credit-note</c>.</summary>
    public required string Series { get; set; }

    public int Year { get; set; }

    public long LastNumber { get; set; }
}

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

/// <summary>A monthly invoice run: one per month, with counts the UI polls to show progress.</summary>
[NotAudited]
public sealed class InvoiceRun
{
    public long Id { get; set; }

    /// <summary>The first day of the month billed.</summary>
    public DateOnly PeriodStart { get; set; }

    public InvoiceRunStatus Status { get; set; }

    /// <summary>Customers with unbilled time in the month.</summary>
    public int Total { get; set; }

    /// <summary>Customers handled so far.</summary>
    public int Done { get; set; }

    /// <summary>Drafts made by this month's runs.</summary>
    public int Drafted { get; set; }

    /// <summary>Customers that could not be drafted (see <see cref="Message"/>).</summary>
    public int Skipped { get; set; }

    public string? Message { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}
