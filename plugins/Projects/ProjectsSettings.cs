using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace CrmBlazor.Plugins.Projects;

/// <summary>Settings from <c>Plugins:projects</c>; every one has a default.</summary>
public sealed class ProjectsSettings : IValidatableObject
{
    /// <summary>
    /// Budget thresholds in percent, comma-separated (<c>Plugins:projects:BudgetThresholds</c>, default
    /// <c>80,100</c>): crossing each publishes <c>projects.budget-threshold-crossed</c> once.
    /// </summary>
    public string BudgetThresholds { get; set; } = "80,100";

    /// <summary>The first day of the week in the week grid and weekly figures (default Monday).</summary>
    public DayOfWeek WeekStartsOn { get; set; } = DayOfWeek.Monday;

    /// <summary>Seeds demo projects and time on a database without projects (the development profile sets it).</summary>
    public bool DemoData { get; set; }

    /// <summary>The thresholds, ascending and without repeats.</summary>
    public IReadOnlyList<int> Thresholds => ParseThresholds(BudgetThresholds) ?? [];

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ParseThresholds(BudgetThresholds) is null)
        {
            yield return new ValidationResult(
                "BudgetThresholds must be whole percentages from 1 to 1000 separated by commas, e.g. \"80,100\".",
                [nameof(BudgetThresholds)]);
        }
    }

    private static int[]? ParseThresholds(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var values = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1 or > 1000)
            {
                return null;
            }

            values.Add(value);
        }

        return [.. values.Distinct().Order()];
    }
}
