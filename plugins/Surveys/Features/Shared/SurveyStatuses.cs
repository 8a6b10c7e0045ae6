using System.Globalization;
using CrmBlazor.Plugins.Surveys.Data;
using Microsoft.Extensions.Localization;

namespace CrmBlazor.Plugins.Surveys.Features.Shared;

/// <summary>How states, kinds, question types, conditions and languages are called (English names, resource keys).</summary>
public static class SurveyStatuses
{
    /// <summary>The name of a survey's state.</summary>
    /// <param name="state">The state.</param>
    public static string Title(SurveyState state) => state switch
    {
        SurveyState.Draft => "Draft",
        SurveyState.Open => "Open",
        _ => "Closed",
    };

    /// <summary>The name of what a survey measures.</summary>
    /// <param name="kind">The kind.</param>
    public static string Title(SurveyKind kind) => kind switch
    {
        SurveyKind.Nps => "Net Promoter Score",
        SurveyKind.Csat => "Customer satisfaction",
        SurveyKind.Effort => "Customer effort",
        _ => "Questionnaire",
    };

    /// <summary>The name of a question type, with its scale.</summary>
    /// <param name="type">The type.</param>
    public static string Title(QuestionType type) => type switch
    {
        QuestionType.Nps => "NPS (0–10)",
        QuestionType.Csat => "Satisfaction (1–5)",
        QuestionType.Effort => "Effort (1–7)",
        QuestionType.Rating => "Rating",
        QuestionType.SingleChoice => "Single choice",
        QuestionType.MultipleChoice => "Multiple choice",
        QuestionType.ShortText => "Short text",
        _ => "Long text",
    };

    /// <summary>How a condition compares, as a phrase.</summary>
    /// <param name="op">The operator.</param>
    public static string Title(ShowIfOperator op) => op switch
    {
        ShowIfOperator.AtMost => "is at most",
        ShowIfOperator.AtLeast => "is at least",
        ShowIfOperator.Equals => "is",
        _ => "has chosen",
    };

    /// <summary>The name of a language, in English (a resource key).</summary>
    /// <param name="code">The language code.</param>
    public static string Language(string code) => code switch
    {
        "en" => "English",
        "ta" => "Tamil",
        "kn" => "Kannada",
        "gu" => "Gujarati",
        "ur" => "Urdu",
        "ka" => "Georgian",
        _ => "Unknown language",
    };

    /// <summary>The writing direction of a language: <c>rtl</c> for Urdu.</summary>
    /// <param name="code">The language code.</param>
    public static string Direction(string code) => code == "ur" ? "rtl" : "ltr";

    /// <summary>How many answers, in the singular for one ("1 answer", "12 answers").</summary>
    /// <param name="L">The plugin's texts.</param>
    /// <param name="count">The number of answers.</param>
    public static string Answers(IStringLocalizer L, int count) =>
        count == 1 ? L["1 answer"] : L["{0} answers", count.ToString("N0", CultureInfo.CurrentCulture)];

    /// <summary>How many people wrote an answer to a text question, in the singular for one.</summary>
    /// <param name="L">The plugin's texts.</param>
    /// <param name="count">The number of people.</param>
    public static string WroteAnswers(IStringLocalizer L, int count) =>
        count == 1 ? L["One person wrote an answer."] : L["{0} people wrote an answer.", count.ToString("N0", CultureInfo.CurrentCulture)];
}
