using System.ComponentModel.DataAnnotations;
using CrmBlazor.Plugins.Resources.Features.Schedules;

namespace CrmBlazor.Plugins.Resources.Features.People;

/// <summary>
/// A person to add: a user who does project work, or (without a user) a placeholder named by what it
/// stands for; with the schedule they start on (<see cref="ScheduleInput.EffectiveFrom"/> may lie in the past).
/// </summary>
public sealed class PersonInput : ScheduleInput
{
    /// <summary>The user, or null for a placeholder.</summary>
    [StringLength(450)]
    public string? UserId { get; set; }

    /// <summary>A placeholder's name ("Designer, to be hired"); a user's name comes from their account.</summary>
    [StringLength(200, ErrorMessage = "The name can be at most 200 characters long.")]
    public string? Name { get; set; }

    public long? TeamId { get; set; }

    /// <summary>The user who plans the person; for a manager adding a placeholder, the manager.</summary>
    [StringLength(450)]
    public string? ManagerUserId { get; set; }

    public long? HolidayCalendarId { get; set; }

    /// <inheritdoc />
    public override IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var result in base.Validate(validationContext))
        {
            yield return result;
        }

        if (string.IsNullOrWhiteSpace(UserId) && string.IsNullOrWhiteSpace(Name))
        {
            yield return new ValidationResult("Choose a user, or name the placeholder (e.g. \"Designer, to be hired\").", [nameof(Name)]);
        }
    }
}

/// <summary>A person's details as the edit form sends them.</summary>
public sealed class PersonDetailsInput
{
    [Required(ErrorMessage = "Enter the name.")]
    [StringLength(200, ErrorMessage = "The name can be at most 200 characters long.")]
    public string? Name { get; set; }

    public long? TeamId { get; set; }

    [StringLength(450)]
    public string? ManagerUserId { get; set; }

    public long? HolidayCalendarId { get; set; }

    public Guid RowVersion { get; set; }
}

/// <summary>A skill of a person and its level.</summary>
public sealed class SkillInput
{
    [Required(ErrorMessage = "Enter the skill.")]
    [StringLength(100, ErrorMessage = "The skill can be at most 100 characters long.")]
    public string? Skill { get; set; }

    [Range(1, 5, ErrorMessage = "The level is from 1 (beginner) to 5 (expert).")]
    public int Level { get; set; } = 3;
}

/// <summary>A team's name.</summary>
public sealed class TeamInput
{
    [Required(ErrorMessage = "Enter the team's name.")]
    [StringLength(100, ErrorMessage = "The name can be at most 100 characters long.")]
    public string? Name { get; set; }
}
