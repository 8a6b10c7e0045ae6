using System.ComponentModel.DataAnnotations;
using CrmBlazor.Plugins.Resources.Data;

namespace CrmBlazor.Plugins.Resources.Features.Allocations;

/// <summary>An allocation as the dialog sends it; validated by <c>InputValidation</c> on the server.</summary>
public sealed class AllocationInput : IValidatableObject
{
    /// <summary>The longest span of one allocation, in days (two years).</summary>
    public const int LongestSpanDays = 731;

    [Required(ErrorMessage = "Choose the person.")]
    public long? PersonId { get; set; }

    [Required(ErrorMessage = "Choose the project.")]
    public long? ProjectId { get; set; }

    [Required(ErrorMessage = "Enter the first day.")]
    public DateOnly? StartDate { get; set; }

    [Required(ErrorMessage = "Enter the last day.")]
    public DateOnly? EndDate { get; set; }

    public AllocationUnit Unit { get; set; } = AllocationUnit.PerWeek;

    [Required(ErrorMessage = "Enter the hours.")]
    [Range(0.25, 168, ErrorMessage = "Enter between 0.25 and 168 hours.")]
    public decimal? Hours { get; set; }

    public bool IsTentative { get; set; }

    [StringLength(1000, ErrorMessage = "The note can be at most 1000 characters long.")]
    [MultilineText]
    public string? Note { get; set; }

    /// <summary>The planner saw the over-allocation message and saves anyway.</summary>
    public bool ConfirmOverallocation { get; set; }

    /// <summary>The version the dialog loaded (for a change).</summary>
    public Guid RowVersion { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (StartDate is { } start && EndDate is { } end)
        {
            if (end < start)
            {
                yield return new ValidationResult("The last day cannot be before the first.", [nameof(EndDate)]);
            }
            else if (end.DayNumber - start.DayNumber + 1 > LongestSpanDays)
            {
                yield return new ValidationResult("An allocation can span at most two years; add another for the time after.", [nameof(EndDate)]);
            }
        }

        if (Unit == AllocationUnit.PerDay && Hours > 24)
        {
            yield return new ValidationResult("A day has at most 24 hours.", [nameof(Hours)]);
        }
    }
}
