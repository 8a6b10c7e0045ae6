using System.ComponentModel.DataAnnotations;

namespace CrmBlazor.Plugins.Resources.Features.Suggestions;

/// <summary>A project's need, as the "Find people" form sends it: a skill at a level, hours per week, for some weeks.</summary>
public sealed class SuggestionInput
{
    /// <summary>The most weeks one search covers.</summary>
    public const int MostWeeks = 26;

    [Required(ErrorMessage = "Enter the skill.")]
    [StringLength(100, ErrorMessage = "The skill can be at most 100 characters long.")]
    public string? Skill { get; set; }

    [Range(1, 5, ErrorMessage = "The level is from 1 (beginner) to 5 (expert).")]
    public int MinimumLevel { get; set; } = 3;

    [Required(ErrorMessage = "Enter the hours.")]
    [Range(0.25, 168, ErrorMessage = "Enter between 0.25 and 168 hours.")]
    public decimal? HoursPerWeek { get; set; }

    /// <summary>A day of the first week.</summary>
    [Required(ErrorMessage = "Enter the first week.")]
    public DateOnly? FirstWeek { get; set; }

    [Range(1, MostWeeks, ErrorMessage = "Enter between 1 and 26 weeks.")]
    public int Weeks { get; set; } = 4;
}
