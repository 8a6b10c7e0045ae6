using CrmBlazor.Plugins.Surveys.Data;

namespace CrmBlazor.Plugins.Surveys.Features.Builder;

/// <summary>
/// The rules of a survey's design, on a loaded survey and without a database, so that they are tested
/// alone: the order of questions, show-if conditions that only look back, and what may no longer change
/// once answers exist (docs/decisions/0023).
/// </summary>
public static class SurveyRules
{
    /// <summary>The survey's active questions in the order respondents meet them: by section, then within it.</summary>
    /// <param name="survey">The survey, with its sections and questions.</param>
    public static IReadOnlyList<SurveyQuestion> Ordered(Survey survey)
    {
        ArgumentNullException.ThrowIfNull(survey);
        var sections = survey.Sections.Where(s => s.RetiredAt is null).OrderBy(s => s.Position).ThenBy(s => s.Id).Select(s => s.Id).ToList();
        return [.. survey.Questions
            .Where(q => q.RetiredAt is null && sections.Contains(q.SectionId))
            .OrderBy(q => sections.IndexOf(q.SectionId)).ThenBy(q => q.Position).ThenBy(q => q.Id)];
    }

    /// <summary>
    /// Whether a show-if condition fits: an earlier, active question of the same survey that has a number
    /// or options, an operator that fits it and a value on its scale (or one of its options).
    /// </summary>
    /// <param name="survey">The survey, with its sections, questions and options.</param>
    /// <param name="question">The question that gets the condition; null for a question not yet added, which comes last in its section.</param>
    /// <param name="sectionId">The section of the question.</param>
    /// <param name="input">The condition.</param>
    /// <returns>The problem, or null when it fits or there is no condition.</returns>
    public static Problem? CheckCondition(Survey survey, SurveyQuestion? question, long sectionId, QuestionInput input)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(input);
        if (input.ShowIfQuestionId is null)
        {
            return input.ShowIfOperator is null && input.ShowIfValue is null ? null : new Problem("Choose the earlier question the condition looks at.");
        }

        if (input.ShowIfOperator is not { } op || input.ShowIfValue is not { } value)
        {
            return new Problem("Complete the condition: how to compare and with what.");
        }

        var ordered = Ordered(survey).ToList();
        var earlier = ordered.FirstOrDefault(q => q.Id == input.ShowIfQuestionId);
        if (earlier is null || earlier.Id == question?.Id)
        {
            return new Problem("A question can only depend on an earlier question of the survey.");
        }

        var position = question is not null && ordered.Contains(question) ? ordered.IndexOf(question) : EndOfSection(survey, ordered, sectionId);
        if (ordered.IndexOf(earlier) >= position)
        {
            return new Problem("A question can only depend on an earlier question of the survey.");
        }

        if (QuestionScale.HasOptions(earlier.Type))
        {
            return op != ShowIfOperator.Chosen
                ? new Problem("A condition on a choice question asks whether an option was chosen.")
                : earlier.Options.Any(o => o.Id == value && o.RetiredAt is null) ? null : new Problem("Choose one of the earlier question's options.");
        }

        if (QuestionScale.Of(earlier.Type, earlier.ScaleMax) is not { } scale)
        {
            return new Problem("A question can only depend on a question answered with a number or a choice.");
        }

        return op == ShowIfOperator.Chosen
            ? new Problem("A condition on a scale question compares the number given.")
            : value < scale.Min || value > scale.Max ? new Problem("The value must be from {0} to {1}.", scale.Min, scale.Max) : null;
    }

    /// <summary>Whether every active question's condition still looks at an earlier active question (after a move or removal).</summary>
    /// <param name="survey">The survey as it would be.</param>
    /// <returns>The problem, or null.</returns>
    public static Problem? CheckConditionsLookBack(Survey survey)
    {
        var ordered = Ordered(survey).ToList();
        foreach (var question in ordered.Where(q => q.ShowIfQuestionId is not null))
        {
            var earlier = ordered.FindIndex(q => q.Id == question.ShowIfQuestionId);
            if (earlier < 0 || earlier >= ordered.IndexOf(question))
            {
                return new Problem("A question can only depend on an earlier question of the survey: change the conditions that look at it first.");
            }
        }

        return null;
    }

    /// <summary>
    /// What may not change about a question once its survey has answers: its type and its scale. Texts,
    /// the required flag, conditions and new options may still change.
    /// </summary>
    /// <param name="question">The question as stored.</param>
    /// <param name="input">The change asked for.</param>
    /// <param name="hasAnswers">Whether the survey has answers.</param>
    /// <returns>The problem, or null.</returns>
    public static Problem? CheckVersioning(SurveyQuestion question, QuestionInput input, bool hasAnswers)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(input);
        if (!hasAnswers)
        {
            return null;
        }

        if (question.Type != input.Type)
        {
            return new Problem("The survey has answers, so a question's type can no longer change: add a new question instead, and remove this one (its answers are kept).");
        }

        var scale = QuestionScale.Of(input.Type, input.RatingMax ?? question.ScaleMax);
        return scale is not null && (scale.Min != question.ScaleMin || scale.Max != question.ScaleMax)
            ? new Problem("The survey has answers, so a question's scale can no longer change: add a new question instead, and remove this one (its answers are kept).")
            : null;
    }

    /// <summary>
    /// Whether the anonymity of a survey may change: not once it has answers, in either direction, and not
    /// to named while it has a public link (which only an anonymous survey may have).
    /// </summary>
    /// <param name="survey">The survey as stored.</param>
    /// <param name="anonymous">The anonymity asked for.</param>
    /// <param name="hasAnswers">Whether the survey has answers.</param>
    /// <returns>The problem, or null.</returns>
    public static Problem? CheckAnonymity(Survey survey, bool anonymous, bool hasAnswers)
    {
        ArgumentNullException.ThrowIfNull(survey);
        if (!anonymous && survey.PublicTokenHash is not null)
        {
            return new Problem("The survey has a public link, which only an anonymous survey may have: switch the public link off before the survey can ask for names.");
        }

        if (!hasAnswers || survey.IsAnonymous == anonymous)
        {
            return null;
        }

        return survey.IsAnonymous
            ? new Problem("The survey has anonymous answers, so anonymity can no longer be switched off: the answers stay unlinked from the people who gave them.")
            : new Problem("The survey has answers given with names, so it can no longer become anonymous: start a new anonymous survey instead.");
    }

    /// <summary>What keeps a survey from getting a public link: names asked, or no more answers taken.</summary>
    /// <param name="survey">The survey as stored.</param>
    /// <returns>The problem, or null.</returns>
    public static Problem? CheckPublicLink(Survey survey)
    {
        ArgumentNullException.ThrowIfNull(survey);
        if (!survey.IsAnonymous)
        {
            return new Problem("Only an anonymous survey can have a public link: anyone may open it, so nobody's name can be recorded with the answers.");
        }

        return survey.State == SurveyState.Closed ? new Problem("The survey is closed and takes no more answers, so it can have no public link.") : null;
    }

    /// <summary>What keeps a survey from opening: no questions, or texts missing in one of its languages.</summary>
    /// <param name="survey">The survey, with its sections, questions and options.</param>
    /// <returns>The problem, or null.</returns>
    public static Problem? CheckReadyToOpen(Survey survey)
    {
        ArgumentNullException.ThrowIfNull(survey);
        var questions = Ordered(survey);
        if (questions.Count == 0)
        {
            return new Problem("Add at least one question before opening the survey.");
        }

        foreach (var language in survey.LanguageList)
        {
            var position = 0;
            foreach (var question in questions)
            {
                position++;
                if (!Has(question.Texts, language) || question.Options.Any(o => o.RetiredAt is null && !Has(o.Texts, language)))
                {
                    return new Problem("Question {0} has no text in {1} yet: write it in every language of the survey before opening it.", position, new Problem(Shared.SurveyStatuses.Language(language)));
                }
            }
        }

        return questions.FirstOrDefault(q => QuestionScale.HasOptions(q.Type) && q.Options.Count(o => o.RetiredAt is null) < 2) is { } few
            ? new Problem("Question {0} needs at least two options.", questions.ToList().IndexOf(few) + 1)
            : null;
    }

    private static bool Has(Dictionary<string, string> texts, string language) =>
        texts.TryGetValue(language, out var text) && !string.IsNullOrWhiteSpace(text);

    private static int EndOfSection(Survey survey, List<SurveyQuestion> ordered, long sectionId)
    {
        var section = survey.Sections.FirstOrDefault(s => s.Id == sectionId);
        var last = ordered.FindLastIndex(q => q.SectionId == sectionId);
        if (last >= 0)
        {
            return last + 1;
        }

        // An empty section: the new question comes after every question of the sections before it.
        var before = survey.Sections.Where(s => s.RetiredAt is null && section is not null && s.Position < section.Position).Select(s => s.Id).ToHashSet();
        return ordered.Count(q => before.Contains(q.SectionId));
    }
}
