using CrmBlazor.Sdk.Formatting;
using CrmBlazor.Sdk.Projects;

namespace CrmBlazor.Plugins.Projects.Features.Billing;

/// <summary>A rate and where it comes from.</summary>
/// <param name="HourlyRate">The rate, or null when none is set.</param>
/// <param name="Source">Where it comes from.</param>
public sealed record AppliedRate(decimal? HourlyRate, RateSource Source);

/// <summary>Which hourly rate applies to a person's time, and what time is worth at it.</summary>
public static class RateCard
{
    /// <summary>The person's own rate on the project beats the project's rate.</summary>
    /// <param name="projectRate">The project's hourly rate, or null.</param>
    /// <param name="personRate">The person's rate on the project, or null.</param>
    public static AppliedRate For(decimal? projectRate, decimal? personRate) => (personRate, projectRate) switch
    {
        ({ } person, _) => new AppliedRate(person, RateSource.Person),
        (null, { } project) => new AppliedRate(project, RateSource.Project),
        _ => new AppliedRate(null, RateSource.None),
    };

    /// <summary>Minutes × rate ÷ 60, rounded to the currency's minor unit (half away from zero); null without a rate.</summary>
    /// <param name="minutes">The duration.</param>
    /// <param name="hourlyRate">The rate, or null.</param>
    /// <param name="currency">The ISO 4217 code.</param>
    public static decimal? Amount(int minutes, decimal? hourlyRate, string currency) =>
        hourlyRate is { } rate ? Math.Round(minutes * rate / 60m, MoneyFormat.MinorUnitsOf(currency), MidpointRounding.AwayFromZero) : null;
}
