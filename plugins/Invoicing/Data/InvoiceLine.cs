using CrmBlazor.Plugins.Invoicing.Features.Taxes;

namespace CrmBlazor.Plugins.Invoicing.Data;

/// <summary>A line of an invoice or credit note; changed only through its <see cref="Invoice"/>.</summary>
public sealed class InvoiceLine
{
    private InvoiceLine()
    {
    }

    public long Id { get; private set; }

    public long InvoiceId { get; private set; }

    public int Position { get; private set; }

    public LineKind Kind { get; private set; }

    public string Description { get; private set; } = string.Empty;

    /// <summary>Hours for time, a count for fees and discounts.</summary>
    public decimal Quantity { get; private set; }

    /// <summary>For time: the exact minutes, from which the amount is computed (hours are shown rounded).</summary>
    public int? Minutes { get; private set; }

    public decimal UnitPrice { get; private set; }

    /// <summary>The line's amount, rounded to the currency's minor units; negative for a discount.</summary>
    public decimal Amount { get; private set; }

    /// <summary>The tax profile (a key of the configured profiles).</summary>
    public string TaxProfile { get; private set; } = string.Empty;

    /// <summary>For time lines: the group the annex entries belong to.</summary>
    public string? GroupKey { get; private set; }

    /// <summary>For a credit note's line: the invoice line it credits.</summary>
    public long? CreditedLineId { get; private set; }

    /// <summary>A fee or discount line.</summary>
    internal static InvoiceLine Priced(LineKind kind, string description, decimal quantity, decimal unitPrice, string taxProfile) => new()
    {
        Kind = kind,
        Description = description,
        Quantity = quantity,
        UnitPrice = unitPrice,
        TaxProfile = taxProfile,
    };

    /// <summary>A line of grouped time entries: their minutes at their hourly rate.</summary>
    internal static InvoiceLine Time(string description, int minutes, decimal hourlyRate, string currency, string taxProfile, string groupKey) => new()
    {
        Kind = LineKind.Time,
        Description = description,
        Minutes = minutes,
        Quantity = Math.Round(minutes / 60m, 4, MidpointRounding.AwayFromZero),
        UnitPrice = hourlyRate,
        Amount = InvoiceCalculator.TimeAmount(minutes, hourlyRate, currency),
        TaxProfile = taxProfile,
        GroupKey = groupKey,
    };

    /// <summary>The copy of this line a credit note carries.</summary>
    internal InvoiceLine Credit() => new()
    {
        Position = Position,
        Kind = Kind,
        Description = Description,
        Quantity = Quantity,
        Minutes = Minutes,
        UnitPrice = UnitPrice,
        TaxProfile = TaxProfile,
        GroupKey = GroupKey,
        CreditedLineId = Id,
    };

    internal void Describe(string description, string taxProfile)
    {
        Description = description;
        TaxProfile = taxProfile;
    }

    internal void Reprice(LineKind kind, decimal quantity, decimal unitPrice)
    {
        Kind = kind;
        Quantity = quantity;
        UnitPrice = unitPrice;
    }

    internal void TaxAs(string taxProfile) => TaxProfile = taxProfile;

    internal void MoveTo(int position) => Position = position;

    /// <summary>
    /// Computes the amount in a currency's minor units: time from its exact minutes (rounded once for
    /// the line), a discount as a negative amount, a fee as quantity × unit price.
    /// </summary>
    internal void Price(string currency) => Amount = Kind switch
    {
        LineKind.Time when Minutes is { } minutes => InvoiceCalculator.TimeAmount(minutes, UnitPrice, currency),
        LineKind.Discount => -Math.Abs(InvoiceCalculator.LineAmount(Quantity, UnitPrice, currency)),
        _ => InvoiceCalculator.LineAmount(Quantity, UnitPrice, currency),
    };
}
