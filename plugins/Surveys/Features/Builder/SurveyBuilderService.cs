using CrmBlazor.Plugins.Surveys.Data;
using CrmBlazor.Plugins.Surveys.Features.Shared;
using CrmBlazor.Sdk.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Surveys.Features.Builder;

/// <summary>A survey as the builder shows it: the whole design, and whether answers exist (which fixes types and scales).</summary>
/// <param name="Survey">The survey with its sections, questions and options (retired ones included).</param>
/// <param name="AnswerCount">How many responses it has.</param>
/// <param name="CanManage">Whether the user may change it.</param>
public sealed record SurveyDesign(Survey Survey, int AnswerCount, bool CanManage)
{
    /// <summary>Whether it has answers.</summary>
    public bool HasAnswers => AnswerCount > 0;
}

/// <summary>
/// Builds a survey: sections and questions added, changed, moved and removed. Every change is a change
/// of the survey (checked against its version, which it renews), refused for users without
/// <see cref="SurveysPermissions.Manage"/>, and kept to the versioning rules of <see cref="SurveyRules"/>:
/// once answers exist, types and scales are fixed and removed questions, options and sections are only retired.
/// </summary>
public sealed class SurveyBuilderService(IDbContextFactory<SurveysDbContext> contexts, SurveysAccess access, TimeProvider clock)
{
    private static readonly Problem Conflict = new("Someone else changed this survey meanwhile. Nothing was saved: reload and try again.");

    /// <summary>The survey's design, or null when there is none.</summary>
    /// <param name="surveyId">The survey.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="UnauthorizedAccessException">The user may not see surveys.</exception>
    public async Task<SurveyDesign?> GetAsync(long surveyId, CancellationToken cancellationToken = default)
    {
        if (!await access.CanViewAsync(cancellationToken))
        {
            throw new UnauthorizedAccessException("You may not see surveys.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var survey = await Whole(db).AsNoTracking().FirstOrDefaultAsync(s => s.Id == surveyId, cancellationToken);
        return survey is null
            ? null
            : new SurveyDesign(survey, await db.Responses.CountAsync(r => r.SurveyId == surveyId, cancellationToken), await access.CanManageAsync(cancellationToken));
    }

    /// <summary>Adds a section at the end of the survey.</summary>
    /// <param name="surveyId">The survey.</param>
    /// <param name="input">Its titles and the survey's version.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>Saved with the new section's id.</returns>
    public async Task<ChangeResult> AddSectionAsync(long surveyId, SectionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        SurveySection? added = null;
        return await Change(db, input, ct => Whole(db).FirstOrDefaultAsync(s => s.Id == surveyId, ct), input.RowVersion)
            .Apply(survey =>
            {
                var (titles, problem) = SurveyTexts.From(survey, input.Titles);
                if (problem is not null)
                {
                    return ChangeResult.Invalid(nameof(input.Titles), problem);
                }

                added = new SurveySection { Titles = titles!, Position = survey.Sections.Select(s => s.Position).DefaultIfEmpty(0).Max() + 1 };
                survey.Sections.Add(added);
                return Touch(survey);
            })
            .ResultId(_ => added!.Id)
            .SaveAsync(Conflict, cancellationToken);
    }

    /// <summary>Changes a section's titles.</summary>
    /// <param name="sectionId">The section.</param>
    /// <param name="input">Its titles and the survey's version.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> UpdateSectionAsync(long sectionId, SectionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Change(db, input, ct => OfSection(db, sectionId, ct), input.RowVersion)
            .Apply(survey =>
            {
                var section = survey.Sections.Single(s => s.Id == sectionId);
                var (titles, problem) = SurveyTexts.From(survey, input.Titles);
                if (problem is not null)
                {
                    return ChangeResult.Invalid(nameof(input.Titles), problem);
                }

                section.Titles = titles!;
                return Touch(survey);
            })
            .ResultId(_ => sectionId)
            .SaveAsync(Conflict, cancellationToken);
    }

    /// <summary>
    /// Removes a section with its questions: deleted while the survey has no answers, retired (kept for the
    /// results, no longer asked) once it has. The last section stays; questions of other sections must
    /// not depend on the section's questions.
    /// </summary>
    /// <param name="sectionId">The section.</param>
    /// <param name="rowVersion">The survey's version the builder was loaded with.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> RemoveSectionAsync(long sectionId, Guid rowVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Change(db, null, ct => OfSection(db, sectionId, ct), rowVersion)
            .Apply(async (survey, ct) =>
            {
                var section = survey.Sections.Single(s => s.Id == sectionId);
                if (survey.Sections.Count(s => s.RetiredAt is null) <= 1)
                {
                    return ChangeResult.Invalid(string.Empty, new Problem("A survey keeps at least one section."));
                }

                var hasAnswers = await HasAnswersAsync(db, survey.Id, ct);
                var now = clock.GetUtcNow();
                var questions = survey.Questions.Where(q => q.SectionId == sectionId).ToList();
                section.RetiredAt = now;
                questions.ForEach(q => q.RetiredAt ??= now);
                if (SurveyRules.CheckConditionsLookBack(survey) is { } problem)
                {
                    return ChangeResult.Invalid(string.Empty, problem);
                }

                if (!hasAnswers)
                {
                    // Conditions among the removed questions would otherwise order the deletes.
                    questions.ForEach(q => q.ShowIfQuestionId = null);
                    db.Questions.RemoveRange(questions);
                    db.Sections.Remove(section);
                }

                return Touch(survey);
            })
            .ResultId(_ => sectionId)
            .SaveAsync(Conflict, cancellationToken);
    }

    /// <summary>Moves a section up (<paramref name="offset"/> −1) or down (+1) among the survey's sections, keeping every condition looking back.</summary>
    /// <param name="sectionId">The section.</param>
    /// <param name="offset">−1 or +1.</param>
    /// <param name="rowVersion">The survey's version the builder was loaded with.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> MoveSectionAsync(long sectionId, int offset, Guid rowVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Change(db, null, ct => OfSection(db, sectionId, ct), rowVersion)
            .Apply(survey =>
            {
                var sections = survey.Sections.Where(s => s.RetiredAt is null).OrderBy(s => s.Position).ThenBy(s => s.Id).ToList();
                var index = sections.FindIndex(s => s.Id == sectionId);
                var target = index + Math.Sign(offset);
                if (index < 0 || offset == 0 || target < 0 || target >= sections.Count)
                {
                    return ChangeResult.Invalid(string.Empty, new Problem("The section cannot move further."));
                }

                (sections[index], sections[target]) = (sections[target], sections[index]);
                Renumber(sections, (s, p) => s.Position = p);
                return SurveyRules.CheckConditionsLookBack(survey) is { } problem ? ChangeResult.Invalid(string.Empty, problem) : Touch(survey);
            })
            .ResultId(_ => sectionId)
            .SaveAsync(Conflict, cancellationToken);
    }

    /// <summary>Adds a question at the end of a section.</summary>
    /// <param name="sectionId">The section.</param>
    /// <param name="input">The question and the survey's version.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>Saved with the new question's id.</returns>
    public async Task<ChangeResult> AddQuestionAsync(long sectionId, QuestionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        SurveyQuestion? added = null;
        return await Change(db, input, ct => OfSection(db, sectionId, ct), input.RowVersion, QuestionRules(input))
            .Check(survey => survey.Sections.Single(s => s.Id == sectionId).RetiredAt is null ? null : new Problem("The section was removed."))
            .Apply(survey =>
            {
                if (SurveyRules.CheckCondition(survey, null, sectionId, input) is { } condition)
                {
                    return ChangeResult.Invalid(nameof(input.ShowIfQuestionId), condition);
                }

                added = new SurveyQuestion
                {
                    SectionId = sectionId,
                    Position = survey.Questions.Where(q => q.SectionId == sectionId).Select(q => q.Position).DefaultIfEmpty(0).Max() + 1,
                };
                var refused = Write(survey, added, input, hasAnswers: false, clock.GetUtcNow());
                if (refused is not null)
                {
                    return refused;
                }

                survey.Questions.Add(added);
                return Touch(survey);
            })
            .ResultId(_ => added!.Id)
            .SaveAsync(Conflict, cancellationToken);
    }

    /// <summary>
    /// Changes a question: texts, required, condition and options always; its type and scale only while
    /// the survey has no answers. Options left out are deleted, or retired once answers exist.
    /// </summary>
    /// <param name="questionId">The question.</param>
    /// <param name="input">The question and the survey's version.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> UpdateQuestionAsync(long questionId, QuestionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Change(db, input, ct => OfQuestion(db, questionId, ct), input.RowVersion, QuestionRules(input))
            .Check(survey => survey.Questions.Single(q => q.Id == questionId).RetiredAt is null ? null : new Problem("The question was removed; its answers are kept for the results."))
            .Apply(async (survey, ct) =>
            {
                var question = survey.Questions.Single(q => q.Id == questionId);
                var hasAnswers = await HasAnswersAsync(db, survey.Id, ct);
                if (SurveyRules.CheckVersioning(question, input, hasAnswers) is { } fixedNow)
                {
                    return ChangeResult.Invalid(nameof(input.Type), fixedNow);
                }

                if (SurveyRules.CheckCondition(survey, question, question.SectionId, input) is { } condition)
                {
                    return ChangeResult.Invalid(nameof(input.ShowIfQuestionId), condition);
                }

                if (input.Type != question.Type && survey.Questions.Any(q => q.ShowIfQuestionId == questionId && q.RetiredAt is null))
                {
                    return ChangeResult.Invalid(nameof(input.Type), new Problem("Other questions are shown depending on this one: change their conditions before its type."));
                }

                return Write(survey, question, input, hasAnswers, clock.GetUtcNow()) ?? Touch(survey);
            })
            .ResultId(_ => questionId)
            .SaveAsync(Conflict, cancellationToken);
    }

    /// <summary>
    /// Removes a question: deleted while the survey has no answers, retired once it has, so that its
    /// answers stay in the results. Refused while other questions are shown depending on it.
    /// </summary>
    /// <param name="questionId">The question.</param>
    /// <param name="rowVersion">The survey's version the builder was loaded with.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> RemoveQuestionAsync(long questionId, Guid rowVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Change(db, null, ct => OfQuestion(db, questionId, ct), rowVersion)
            .Apply(async (survey, ct) =>
            {
                var question = survey.Questions.Single(q => q.Id == questionId);
                if (question.RetiredAt is not null)
                {
                    return ChangeResult.NotFound();
                }

                if (survey.Questions.Any(q => q.ShowIfQuestionId == questionId && q.RetiredAt is null))
                {
                    return ChangeResult.Invalid(string.Empty, new Problem("Other questions are shown depending on this one: change their conditions first."));
                }

                if (await HasAnswersAsync(db, survey.Id, ct))
                {
                    question.RetiredAt = clock.GetUtcNow();
                }
                else
                {
                    survey.Questions.Remove(question);
                    db.Questions.Remove(question);
                }

                return Touch(survey);
            })
            .ResultId(_ => questionId)
            .SaveAsync(Conflict, cancellationToken);
    }

    /// <summary>
    /// Moves a question up (−1) or down (+1): within its section, or from its first place to the end of
    /// the section before (from its last place to the start of the section after). Refused when a
    /// condition would then look forward.
    /// </summary>
    /// <param name="questionId">The question.</param>
    /// <param name="offset">−1 or +1.</param>
    /// <param name="rowVersion">The survey's version the builder was loaded with.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> MoveQuestionAsync(long questionId, int offset, Guid rowVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Change(db, null, ct => OfQuestion(db, questionId, ct), rowVersion)
            .Apply(survey =>
            {
                var question = survey.Questions.Single(q => q.Id == questionId);
                var sections = survey.Sections.Where(s => s.RetiredAt is null).OrderBy(s => s.Position).ThenBy(s => s.Id).ToList();
                var inSection = Active(survey, question.SectionId);
                var index = inSection.IndexOf(question);
                var step = Math.Sign(offset);
                var target = index + step;
                if (step == 0 || index < 0)
                {
                    return ChangeResult.Invalid(string.Empty, new Problem("The question cannot move further."));
                }

                if (target >= 0 && target < inSection.Count)
                {
                    (inSection[index], inSection[target]) = (inSection[target], inSection[index]);
                    Renumber(inSection, (q, p) => q.Position = p);
                }
                else
                {
                    var sectionIndex = sections.FindIndex(s => s.Id == question.SectionId) + step;
                    if (sectionIndex < 0 || sectionIndex >= sections.Count)
                    {
                        return ChangeResult.Invalid(string.Empty, new Problem("The question cannot move further."));
                    }

                    var into = Active(survey, sections[sectionIndex].Id);
                    inSection.Remove(question);
                    question.SectionId = sections[sectionIndex].Id;
                    if (step < 0)
                    {
                        into.Add(question);
                    }
                    else
                    {
                        into.Insert(0, question);
                    }

                    Renumber(inSection, (q, p) => q.Position = p);
                    Renumber(into, (q, p) => q.Position = p);
                }

                return SurveyRules.CheckConditionsLookBack(survey) is { } problem ? ChangeResult.Invalid(string.Empty, problem) : Touch(survey);
            })
            .ResultId(_ => questionId)
            .SaveAsync(Conflict, cancellationToken);
    }

    private Change<Survey> Change(SurveysDbContext db, object? input, Func<CancellationToken, Task<Survey?>> load, Guid rowVersion, Action<Dictionary<string, Problem[]>>? moreRules = null)
    {
        var change = db.Change<Survey>().Allow(access.CanManageAsync);
        if (input is not null)
        {
            change = moreRules is null ? change.Validate(input) : change.Validate(input, moreRules);
        }

        return change.Load(load).Expect(rowVersion);
    }

    private static Action<Dictionary<string, Problem[]>> QuestionRules(QuestionInput input) => errors =>
    {
        if (input.Type == QuestionType.Rating && input.RatingMax is { } max && (max < QuestionScale.RatingMaxFrom || max > QuestionScale.RatingMaxTo))
        {
            errors[nameof(input.RatingMax)] = [new Problem("A rating goes up to a number from {0} to {1}.", QuestionScale.RatingMaxFrom, QuestionScale.RatingMaxTo)];
        }

        if (!input.Texts.Any(t => !string.IsNullOrWhiteSpace(t.Text)))
        {
            errors[nameof(input.Texts)] = [new Problem("Write the question in at least one language.")];
        }

        if (QuestionScale.HasOptions(input.Type) && input.Options.Count > 50)
        {
            errors[nameof(input.Options)] = [new Problem("A question can have at most 50 options.")];
        }
    };

    // Copies the input onto a question (new or stored): texts, scale, condition and options.
    private static ChangeResult? Write(Survey survey, SurveyQuestion question, QuestionInput input, bool hasAnswers, DateTimeOffset now)
    {
        var (texts, problem) = SurveyTexts.From(survey, input.Texts);
        if (problem is not null)
        {
            return ChangeResult.Invalid(nameof(input.Texts), problem);
        }

        var scale = QuestionScale.Of(input.Type, input.RatingMax ?? (question.Type == QuestionType.Rating ? question.ScaleMax : null));
        question.Type = input.Type;
        question.IsRequired = input.IsRequired;
        question.Texts = texts!;
        question.ScaleMin = scale?.Min;
        question.ScaleMax = scale?.Max;
        question.ShowIfQuestionId = input.ShowIfQuestionId;
        question.ShowIfOperator = input.ShowIfQuestionId is null ? null : input.ShowIfOperator;
        question.ShowIfValue = input.ShowIfQuestionId is null ? null : input.ShowIfValue;

        var wanted = QuestionScale.HasOptions(input.Type) ? input.Options : [];
        if (wanted.Where(o => o.Id is not null).Any(o => question.Options.All(existing => existing.Id != o.Id)))
        {
            return ChangeResult.Invalid(nameof(input.Options), new Problem("An option belongs to another question; reload the survey."));
        }

        var position = 0;
        foreach (var option in wanted)
        {
            var (optionTexts, optionProblem) = SurveyTexts.From(survey, option.Texts);
            if (optionProblem is not null)
            {
                return ChangeResult.Invalid(nameof(input.Options), optionProblem);
            }

            if (optionTexts!.Count == 0)
            {
                return ChangeResult.Invalid(nameof(input.Options), new Problem("Write every option in at least one language, or remove it."));
            }

            var stored = option.Id is { } id ? question.Options.Single(o => o.Id == id) : null;
            if (stored is null)
            {
                stored = new QuestionOption();
                question.Options.Add(stored);
            }

            stored.Texts = optionTexts;
            stored.Position = ++position;
            stored.RetiredAt = null;
        }

        var kept = wanted.Where(o => o.Id is not null).Select(o => o.Id!.Value).ToHashSet();
        foreach (var left in question.Options.Where(o => o.Id != 0 && !kept.Contains(o.Id) && o.RetiredAt is null).ToList())
        {
            if (survey.Questions.Any(q => q.RetiredAt is null && q.ShowIfQuestionId == question.Id && q.ShowIfOperator == ShowIfOperator.Chosen && q.ShowIfValue == left.Id))
            {
                return ChangeResult.Invalid(nameof(input.Options), new Problem("Another question is shown when a removed option is chosen: change its condition first."));
            }

            if (hasAnswers)
            {
                left.RetiredAt = now;
            }
            else
            {
                question.Options.Remove(left);
            }
        }

        return null;
    }

    private ChangeResult? Touch(Survey survey)
    {
        survey.UpdatedAt = clock.GetUtcNow();
        return null;
    }

    private static List<SurveyQuestion> Active(Survey survey, long sectionId) =>
        [.. survey.Questions.Where(q => q.SectionId == sectionId && q.RetiredAt is null).OrderBy(q => q.Position).ThenBy(q => q.Id)];

    private static void Renumber<T>(List<T> items, Action<T, int> set)
    {
        for (var i = 0; i < items.Count; i++)
        {
            set(items[i], i + 1);
        }
    }

    private static IQueryable<Survey> Whole(SurveysDbContext db) =>
        db.Surveys.Include(s => s.Sections).Include(s => s.Questions).ThenInclude(q => q.Options).AsSplitQuery();

    private static async Task<Survey?> OfSection(SurveysDbContext db, long sectionId, CancellationToken cancellationToken)
    {
        var surveyId = await db.Sections.Where(s => s.Id == sectionId).Select(s => (long?)s.SurveyId).FirstOrDefaultAsync(cancellationToken);
        return surveyId is null ? null : await Whole(db).FirstOrDefaultAsync(s => s.Id == surveyId, cancellationToken);
    }

    private static async Task<Survey?> OfQuestion(SurveysDbContext db, long questionId, CancellationToken cancellationToken)
    {
        var surveyId = await db.Questions.Where(q => q.Id == questionId).Select(q => (long?)q.SurveyId).FirstOrDefaultAsync(cancellationToken);
        return surveyId is null ? null : await Whole(db).FirstOrDefaultAsync(s => s.Id == surveyId, cancellationToken);
    }

    private static Task<bool> HasAnswersAsync(SurveysDbContext db, long surveyId, CancellationToken cancellationToken) =>
        db.Responses.AnyAsync(r => r.SurveyId == surveyId, cancellationToken);
}
