using CrmBlazor.Plugins.Surveys.Data;

namespace CrmBlazor.Plugins.Surveys.Features.Builder;

/// <summary>The range of answers of a scale question.</summary>
/// <param name="Min">The lowest answer.</param>
/// <param name="Max">The highest answer.</param>
public sealed record QuestionScale(int Min, int Max)
{
    /// <summary>The smallest and largest maximum a rating question may have.</summary>
    public const int RatingMaxFrom = 3, RatingMaxTo = 10, RatingDefaultMax = 5;

    /// <summary>The scale of a question type: fixed for NPS (0–10), CSAT (1–5) and effort (1–7), 1 to the chosen maximum for a rating, none for choice and text.</summary>
    /// <param name="type">The question type.</param>
    /// <param name="ratingMax">A rating's maximum (its default when null).</param>
    public static QuestionScale? Of(QuestionType type, int? ratingMax = null) => type switch
    {
        QuestionType.Nps => new QuestionScale(0, 10),
        QuestionType.Csat => new QuestionScale(1, 5),
        QuestionType.Effort => new QuestionScale(1, 7),
        QuestionType.Rating => new QuestionScale(1, ratingMax ?? RatingDefaultMax),
        _ => null,
    };

    /// <summary>Whether answers of the type are chosen options.</summary>
    /// <param name="type">The question type.</param>
    public static bool HasOptions(QuestionType type) => type is QuestionType.SingleChoice or QuestionType.MultipleChoice;
}
