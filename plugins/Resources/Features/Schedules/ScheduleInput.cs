using System.ComponentModel.DataAnnotations;

namespace CrmBlazor.Plugins.Resources.Features.Schedules;

/// <summary>Working hours per weekday from a day on, as the schedule form sends them.</summary>
public class ScheduleInput : IValidatableObject
{
    [Required(ErrorMessage = "Enter the day the schedule starts.")]
    public DateOnly? EffectiveFrom { get; set; }

    [Range(0, 24, ErrorMessage = "Enter between 0 and 24 hours.")]
    public decimal MondayHours { get; set; } = 7.5m;

    [Range(0, 24, ErrorMessage = "Enter between 0 and 24 hours.")]
    public decimal TuesdayHours { get; set; } = 7.5m;

    [Range(0, 24, ErrorMessage = "Enter between 0 and 24 hours.")]
    public decimal WednesdayHours { get; set; } = 7.5m;

    [Range(0, 24, ErrorMessage = "Enter between 0 and 24 hours.")]
    public decimal ThursdayHours { get; set; } = 7.5m;

    [Range(0, 24, ErrorMessage = "Enter between 0 and 24 hours.")]
    public decimal FridayHours { get; set; } = 7.5m;

    [Range(0, 24, ErrorMessage = "Enter between 0 and 24 hours.")]
    public decimal SaturdayHours { get; set; }

    [Range(0, 24, ErrorMessage = "Enter between 0 and 24 hours.")]
    public decimal SundayHours { get; set; }

    /// <summary>The version of the schedule starting that day, when it is being changed.</summary>
    public Guid RowVersion { get; set; }

    /// <inheritdoc />
    public virtual IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MondayHours + TuesdayHours + WednesdayHours + ThursdayHours + FridayHours + SaturdayHours + SundayHours > 168)
        {
            yield return new ValidationResult("A week has at most 168 hours.", [nameof(MondayHours)]);
        }
    }
}
