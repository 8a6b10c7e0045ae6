using System.ComponentModel.DataAnnotations;
using CrmBlazor.Plugins.Resources.Features.Holidays;

namespace CrmBlazor.Plugins.Resources;

/// <summary>Settings from <c>Plugins:resources</c>; every one has a default.</summary>
public sealed class ResourcesSettings : IValidatableObject
{
    /// <summary>
    /// The shipped public-holiday calendars to add when the database lacks them, as country codes
    /// separated by commas (default <c>IN,PK,GE,GB</c>; empty for none). A calendar once added is the
    /// firm's to change: it is never seeded again.
    /// </summary>
    [StringLength(200)]
    public string HolidayCalendars { get; set; } = "IN,PK,GE,GB";

    /// <summary>
    /// When the over-allocation check runs, as a cron expression in UTC (default <c>15 4 * * *</c>, 04:15
    /// every day, so that managers find the mail in the morning).
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "OverallocationCheckCron must be a cron expression, such as 15 4 * * *.")]
    [StringLength(100)]
    public string OverallocationCheckCron { get; set; } = "15 4 * * *";

    /// <summary>
    /// How many weeks the over-allocation check looks at, the current ISO week included (default 12, from 1
    /// to 106). Weeks further ahead are checked once they come within it; weeks gone by are no longer checked.
    /// </summary>
    [Range(1, 106, ErrorMessage = "OverallocationHorizonWeeks must be from 1 to 106.")]
    public int OverallocationHorizonWeeks { get; set; } = 12;

    /// <summary>The codes of <see cref="HolidayCalendars"/>, in upper case and without repeats.</summary>
    public IReadOnlyList<string> ShippedCalendarCodes =>
        [.. (HolidayCalendars ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(c => c.ToUpperInvariant()).Distinct()];

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var unknown = ShippedCalendarCodes.Where(c => !ShippedHolidayCalendars.All.ContainsKey(c)).ToList();
        if (unknown.Count > 0)
        {
            yield return new ValidationResult(
                $"HolidayCalendars names calendars the plugin does not ship ({string.Join(", ", unknown)}); it ships {string.Join(", ", ShippedHolidayCalendars.All.Keys)}.",
                [nameof(HolidayCalendars)]);
        }
    }
}
