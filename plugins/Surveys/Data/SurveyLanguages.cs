namespace CrmBlazor.Plugins.Surveys.Data;

/// <summary>The languages a survey can be written in: the six the product speaks.</summary>
public static class SurveyLanguages
{
    /// <summary>English, Tamil, Kannada, Gujarati, Urdu, Georgian, in that order.</summary>
    public static IReadOnlyList<string> All { get; } = ["en", "ta", "kn", "gu", "ur", "ka"];

    /// <summary>The languages of a stored list (<c>en,ur</c>), known ones only, in <see cref="All"/>' order.</summary>
    /// <param name="languages">Codes separated by commas.</param>
    public static IReadOnlyList<string> Parse(string? languages)
    {
        var codes = (languages ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return [.. All.Where(l => codes.Contains(l, StringComparer.OrdinalIgnoreCase))];
    }

    /// <summary>The list as stored: known codes in <see cref="All"/>' order, separated by commas.</summary>
    /// <param name="languages">The codes.</param>
    public static string Format(IEnumerable<string> languages) => string.Join(',', Parse(string.Join(',', languages)));
}
