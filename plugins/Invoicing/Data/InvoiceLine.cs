namespace CrmBlazor.Plugins.Invoicing.Data;

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
