using CrmBlazor.Sdk.Timeline;

namespace CrmBlazor.Plugins.Surveys.Features.Timeline;

/// <summary>The plugin's entry on a customer's timeline: a named survey answered (never an anonymous one).</summary>
public static class SurveyTimeline
{
    /// <summary>A contact of the customer answered a named survey.</summary>
    public const string AnsweredKind = "surveys.survey-answered";

    /// <summary>The kinds the plugin declares.</summary>
    public static IReadOnlyList<TimelineKind> Kinds { get; } =
    [
        new(AnsweredKind, "Survey answered", MudBlazor.Icons.Material.Filled.Poll),
    ];

    /// <summary>The key of a response's entry (one per response, so recording again replaces it).</summary>
    /// <param name="responseId">The response.</param>
    public static string Key(Guid responseId) => "surveys.answer:" + responseId.ToString("N");
}
