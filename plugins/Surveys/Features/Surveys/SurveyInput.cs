using System.ComponentModel.DataAnnotations;
using CrmBlazor.Plugins.Surveys.Data;

namespace CrmBlazor.Plugins.Surveys.Features.Surveys;

/// <summary>A survey's settings as its form sends them.</summary>
public sealed class SurveyInput : IValidatableObject
{
    [Required(ErrorMessage = "Enter the survey's name.")]
    [StringLength(200, ErrorMessage = "The name can be at most 200 characters long.")]
    public string? Name { get; set; }

    public SurveyKind Kind { get; set; } = SurveyKind.Nps;

    /// <summary>The language codes the survey is written in (<see cref="SurveyLanguages.All"/>).</summary>
    public List<string> Languages { get; set; } = ["en"];

    public bool IsAnonymous { get; set; }

    public bool ClosedLoop { get; set; }

    [Range(2, 1000, ErrorMessage = "The smallest group must be from 2 to 1,000 answers.")]
    public int MinimumGroupSize { get; set; } = Survey.DefaultMinimumGroupSize;

    /// <summary>The survey's version the form was loaded with (ignored when creating).</summary>
    public Guid RowVersion { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Languages.Any(l => !SurveyLanguages.All.Contains(l)))
        {
            yield return new ValidationResult("Choose languages the CRM speaks.", [nameof(Languages)]);
        }
        else if (Languages.Count == 0)
        {
            yield return new ValidationResult("Choose at least one language.", [nameof(Languages)]);
        }

        // A follow-up names the customer and contact who answered, which an anonymous survey must not know.
        if (IsAnonymous && ClosedLoop)
        {
            yield return new ValidationResult("An anonymous answer cannot be followed up without naming who gave it: switch the closed loop off, or make the survey named.", [nameof(ClosedLoop)]);
        }
    }
}
