using System.ComponentModel.DataAnnotations;

namespace CrmBlazor.Plugins.Invoicing.Features.Payments;

/// <summary>A payment received.</summary>
public sealed class PaymentInput
{
    public DateOnly Date { get; set; }

    [Range(typeof(decimal), "0.001", "1000000000000", ErrorMessage = "The amount must be above zero.")]
    public decimal Amount { get; set; }

    [StringLength(200, ErrorMessage = "A reference can have at most 200 characters.")]
    public string? Reference { get; set; }
}
