using System.ComponentModel.DataAnnotations;

namespace CrmBlazor.Plugins.Upsell.Features.Opportunities;

/// <summary>The editable part of an opportunity: who works it and what it could be worth.</summary>
public sealed class OpportunityInput
{
    /// <summary>The owner, or null for nobody.</summary>
    [StringLength(450)]
    public string? OwnerUserId { get; set; }

    /// <summary>The estimated value in <see cref="Currency"/>, or null.</summary>
    [Range(typeof(decimal), "0", "999999999999", ErrorMessage = "Enter a value from 0 to 999,999,999,999.")]
    public decimal? EstimatedValue { get; set; }

    /// <summary>The currency (ISO 4217) of the value.</summary>
    [RegularExpression("^[A-Z]{3}$", ErrorMessage = "Enter a three-letter currency code such as EUR.")]
    public string? Currency { get; set; }

    /// <summary>The version the form was loaded with.</summary>
    public Guid RowVersion { get; set; }
}

/// <summary>Dismissing an opportunity: why, and until when its situation stays away.</summary>
public sealed class DismissInput
{
    /// <summary>Why it is dismissed.</summary>
    [Required(ErrorMessage = "Say why the opportunity is dismissed.")]
    [StringLength(500, ErrorMessage = "Keep the reason to 500 characters.")]
    [MultilineText]
    public string? Reason { get; set; }

    /// <summary>The last day the situation stays away, or null for good.</summary>
    public DateOnly? SnoozedUntil { get; set; }

    /// <summary>The version the form was loaded with.</summary>
    public Guid RowVersion { get; set; }
}
