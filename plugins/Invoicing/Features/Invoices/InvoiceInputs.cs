using System.ComponentModel.DataAnnotations;
using CrmBlazor.Plugins.Invoicing.Data;

namespace CrmBlazor.Plugins.Invoicing.Features.Invoices;

/// <summary>A new draft billing a customer's unbilled time in a period (and, with <see cref="EntryIds"/>, only some of it).</summary>
public sealed class TimeDraftInput : IValidatableObject
{
    [Range(1, long.MaxValue, ErrorMessage = "Choose the customer.")]
    public long CustomerId { get; set; }

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    /// <summary>Only this project's time, or null for all the customer's projects.</summary>
    public long? ProjectId { get; set; }

    /// <summary>Only these entries (of the customer's unbilled time in the period), or null for all.</summary>
    public IReadOnlyCollection<long>? EntryIds { get; set; }

    /// <summary>How the time becomes lines; the setting's default when null.</summary>
    public TimeGrouping? Grouping { get; set; }

    /// <summary>The tax profile; the setting's default when null.</summary>
    public string? TaxProfile { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (To < From)
        {
            yield return new ValidationResult("The period must end on or after its first day.", [nameof(To)]);
        }

        if (Grouping is { } grouping && !Enum.IsDefined(grouping))
        {
            yield return new ValidationResult("Choose how time is grouped.", [nameof(Grouping)]);
        }
    }
}

/// <summary>A new draft without time (fixed fees only).</summary>
public sealed class DraftInput
{
    [Range(1, long.MaxValue, ErrorMessage = "Choose the customer.")]
    public long CustomerId { get; set; }

    /// <summary>The tax profile; the setting's default when null.</summary>
    public string? TaxProfile { get; set; }
}

/// <summary>The parts of a draft that are not lines.</summary>
public sealed class DraftHeaderInput : IValidatableObject
{
    /// <summary>The tax profile of the draft's time lines and of new lines.</summary>
    [Required(ErrorMessage = "Choose a tax profile.")]
    public string TaxProfile { get; set; } = string.Empty;

    public bool PricesIncludeTax { get; set; }

    public TimeGrouping Grouping { get; set; }

    [StringLength(2000, ErrorMessage = "Notes can have at most 2000 characters.")]
    [MultilineText]
    public string? Notes { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Grouping))
        {
            yield return new ValidationResult("Choose how time is grouped.", [nameof(Grouping)]);
        }
    }
}

/// <summary>A fixed fee or a discount on a draft (or a time line's description and tax profile).</summary>
public sealed class LineInput : IValidatableObject
{
    /// <summary>Fee or discount (time lines come from time entries).</summary>
    public LineKind Kind { get; set; } = LineKind.Fee;

    [Required(ErrorMessage = "Describe the line.")]
    [StringLength(1000, ErrorMessage = "A description can have at most 1000 characters.")]
    [MultilineText]
    public string Description { get; set; } = string.Empty;

    [Range(typeof(decimal), "0.0001", "1000000", ErrorMessage = "The quantity must be above zero and at most 1,000,000.")]
    public decimal Quantity { get; set; } = 1;

    /// <summary>The unit price; a discount's is the amount taken off (entered as a positive number).</summary>
    [Range(typeof(decimal), "0", "1000000000", ErrorMessage = "The unit price cannot be negative.")]
    public decimal UnitPrice { get; set; }

    /// <summary>The tax profile; the draft's when null.</summary>
    public string? TaxProfile { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Kind is not (LineKind.Fee or LineKind.Discount))
        {
            yield return new ValidationResult("Only fees and discounts can be added by hand; time comes from time entries.", [nameof(Kind)]);
        }

        if (decimal.Round(UnitPrice, 4) != UnitPrice)
        {
            yield return new ValidationResult("A unit price can have at most four decimals.", [nameof(UnitPrice)]);
        }
    }
}

/// <summary>A credit note for an issued invoice.</summary>
public sealed class CreditNoteInput
{
    /// <summary>The invoice lines to credit, or null (or empty) for all of them.</summary>
    public IReadOnlyCollection<long>? LineIds { get; set; }

    /// <summary>Why (printed on the credit note).</summary>
    [StringLength(2000, ErrorMessage = "Notes can have at most 2000 characters.")]
    [MultilineText]
    public string? Notes { get; set; }
}
