using CrmBlazor.Plugins.Surveys.Data;

namespace CrmBlazor.Plugins.Surveys.Features.Builder;

/// <summary>Texts per language as the builder sends them, checked against the survey's languages and stored trimmed.</summary>
public static class SurveyTexts
{
    /// <summary>The texts as stored: one per language of the survey that has one, trimmed; null with the problem when a text is in a language the survey is not written in.</summary>
    /// <param name="survey">The survey.</param>
    /// <param name="texts">The texts sent.</param>
    public static (Dictionary<string, string>? Texts, Problem? Problem) From(Survey survey, IEnumerable<TextInput> texts)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(texts);
        var languages = survey.LanguageList;
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            if (!languages.Contains(text.Language))
            {
                return (null, new Problem("The survey is not written in {0}: add the language to the survey first.", new Problem(Shared.SurveyStatuses.Language(text.Language))));
            }

            if (!string.IsNullOrWhiteSpace(text.Text))
            {
                stored[text.Language] = text.Text.Trim();
            }
        }

        return (stored, null);
    }

    /// <summary>The text in a language, or in the survey's first language that has one, or "".</summary>
    /// <param name="texts">The stored texts.</param>
    /// <param name="language">The language wanted.</param>
    public static string In(IReadOnlyDictionary<string, string> texts, string language)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts.TryGetValue(language, out var text) ? text
            : SurveyLanguages.All.Select(l => texts.GetValueOrDefault(l)).FirstOrDefault(t => !string.IsNullOrEmpty(t)) ?? string.Empty;
    }
}
