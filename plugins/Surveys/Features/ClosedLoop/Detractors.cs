using CrmBlazor.Plugins.Surveys.Data;

namespace CrmBlazor.Plugins.Surveys.Features.ClosedLoop;

/// <summary>Which answers the closed loop follows up: any NPS answer of 6 or less, or any CSAT answer of 2 or less.</summary>
public static class Detractors
{
    /// <summary>The highest NPS answer that is a detractor's.</summary>
    public const int NpsAtMost = 6;

    /// <summary>The highest CSAT answer that is a detractor's.</summary>
    public const int CsatAtMost = 2;

    /// <summary>Whether a number given to a question of this type is a detractor's.</summary>
    /// <param name="type">The question's type.</param>
    /// <param name="number">The number given.</param>
    public static bool Is(QuestionType type, int number) =>
        (type == QuestionType.Nps && number <= NpsAtMost) || (type == QuestionType.Csat && number <= CsatAtMost);
}
