using System.ComponentModel.DataAnnotations;
using CrmBlazor.Plugins.Resources.Data;

namespace CrmBlazor.Plugins.Resources.Features.Absences;

/// <summary>Time off as the form sends it: days, or half of one day.</summary>
public sealed class TimeOffInput : IValidatableObject
{
    [Required(ErrorMessage = "Enter the first day.")]
    public DateOnly? StartDate { get; set; }

    [Required(ErrorMessage = "Enter the last day.")]
    public DateOnly? EndDate { get; set; }

    public DayPortion Portion { get; set; } = DayPortion.FullDay;

    public TimeOffKind Kind { get; set; } = TimeOffKind.Holiday;

    [StringLength(500, ErrorMessage = "The note can be at most 500 characters long.")]
    public string? Note { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (StartDate is { } start && EndDate is { } end)
        {
            if (end < start)
            {
                yield return new ValidationResult("The last day cannot be before the first.", [nameof(EndDate)]);
            }
            else if (end.DayNumber - start.DayNumber >= 366)
            {
                yield return new ValidationResult("Time off can span at most a year; add another for the time after.", [nameof(EndDate)]);
            }
            else if (Portion != DayPortion.FullDay && end != start)
            {
                yield return new ValidationResult("A half day is one day: make the first and the last day the same.", [nameof(Portion)]);
            }
        }
    }
}
