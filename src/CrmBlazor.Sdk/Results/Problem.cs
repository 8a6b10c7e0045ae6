using Microsoft.Extensions.Localization;

namespace CrmBlazor.Sdk.Results;

/// <summary>
/// A message for the user: an English sentence that is also the resource key, with the values it
/// refers to ("{0:d}", "{1:0.##}"), which the page formats in the user's culture.
/// </summary>
/// <param name="Text">The English text with placeholders.</param>
/// <param name="Arguments">The values of the placeholders; a <see cref="Problem"/> among them is translated too (a status name).</param>
public sealed record Problem(string Text, params object?[] Arguments)
{
    /// <summary>The message in English, formatted with the invariant culture (logs, tests).</summary>
    public override string ToString() =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Text, [.. Arguments.Select(a => a is Problem p ? p.ToString() : a)]);
}

/// <summary>Shows a <see cref="Problem"/> in the user's language.</summary>
public static class ProblemLocalization
{
    /// <summary>The message translated and formatted for the current culture.</summary>
    /// <param name="localizer">The plugin's localizer.</param>
    /// <param name="problem">The message.</param>
    public static string Show(this IStringLocalizer localizer, Problem problem)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Arguments.Length == 0
            ? localizer[problem.Text].Value
            : localizer[problem.Text, [.. problem.Arguments.Select(a => a is Problem p ? localizer.Show(p) : a ?? string.Empty)]].Value;
    }

    /// <summary>The messages about one field of a refused change, translated and joined, or null when there are none (for a field's ErrorText).</summary>
    /// <param name="localizer">The plugin's localizer.</param>
    /// <param name="result">The outcome, or null before the first save.</param>
    /// <param name="field">The field.</param>
    public static string? ErrorsOf(this IStringLocalizer localizer, ChangeResult? result, string field) =>
        result?.For(field) is { Count: > 0 } problems ? string.Join(" ", problems.Select(localizer.Show)) : null;
}
