using CrmBlazor.Plugins.Surveys.Data;
using CrmBlazor.Plugins.Surveys.Features.Builder;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Surveys.Features.Invitations;

/// <summary>What became of a submitted set of answers.</summary>
public enum AnswerStatus
{
    /// <summary>Stored, once.</summary>
    Saved,

    /// <summary>Answers are missing or wrong; nothing was stored (see the problems per question).</summary>
    Invalid,

    /// <summary>No invitation has this token.</summary>
    Unknown,

    /// <summary>The link has expired.</summary>
    Expired,

    /// <summary>The link was used already; nothing changed.</summary>
    AlreadyAnswered,

    /// <summary>The survey is not open.</summary>
    Closed,
}

/// <summary>The outcome of a submit: its status and, when invalid, the problem of each question.</summary>
/// <param name="Status">What became of it.</param>
/// <param name="Problems">The problem per question id, when <see cref="AnswerStatus.Invalid"/>.</param>
public sealed record AnswerOutcome(AnswerStatus Status, IReadOnlyDictionary<long, Problem> Problems)
{
    /// <summary>An outcome without problems.</summary>
    /// <param name="status">The status.</param>
    public static AnswerOutcome Of(AnswerStatus status) => new(status, new Dictionary<long, Problem>());
}

/// <summary>
/// Stores the answers given through a personal link, exactly once per invitation: the invitation is
/// marked used and the response written in one transaction, and a second submit changes nothing.
/// Questions hidden by their show-if condition are not asked and their answers are discarded. The
/// respondent is recorded only for a survey that is not anonymous (docs/decisions/0023).
/// </summary>
public sealed class AnswerService(IDbContextFactory<SurveysDbContext> contexts, TimeProvider clock)
{
    /// <summary>The longest text answer.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>Submits the values a form posted for each question (numbers and option ids as text, or the text typed).</summary>
    /// <param name="token">The token of the personal link.</param>
    /// <param name="values">The values posted per question id.</param>
    /// <param name="cancellationToken">Cancels the submit.</param>
    public async Task<AnswerOutcome> SubmitAsync(string token, IReadOnlyDictionary<long, IReadOnlyList<string>> values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return AnswerOutcome.Of(AnswerStatus.Unknown);
        }

        var hash = InvitationService.Hash(token);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var invitation = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        var now = clock.GetUtcNow();
        if (invitation is null)
        {
            return AnswerOutcome.Of(AnswerStatus.Unknown);
        }

        if (invitation.IsAnswered)
        {
            return AnswerOutcome.Of(AnswerStatus.AlreadyAnswered);
        }

        if (invitation.ExpiresAt <= now)
        {
            return AnswerOutcome.Of(AnswerStatus.Expired);
        }

        var survey = await db.Surveys.AsNoTracking().Include(s => s.Sections).Include(s => s.Questions).ThenInclude(q => q.Options)
            .AsSplitQuery().FirstAsync(s => s.Id == invitation.SurveyId, cancellationToken);
        if (survey.State != SurveyState.Open)
        {
            return AnswerOutcome.Of(AnswerStatus.Closed);
        }

        var response = new SurveyResponse { Id = Guid.NewGuid(), SurveyId = survey.Id, AnsweredOn = DateOnly.FromDateTime(now.UtcDateTime) };
        var problems = Read(survey, values, response.Answers);
        if (problems.Count > 0)
        {
            return new AnswerOutcome(AnswerStatus.Invalid, problems);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var marked = await db.Invitations.Where(i => i.Id == invitation.Id && !i.IsAnswered)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.IsAnswered, true), cancellationToken);
        if (marked == 0)
        {
            return AnswerOutcome.Of(AnswerStatus.AlreadyAnswered);
        }

        db.Responses.Add(response);
        if (!survey.IsAnonymous)
        {
            db.Respondents.Add(new SurveyRespondent { ResponseId = response.Id, SurveyId = survey.Id, ContactId = invitation.ContactId, CustomerId = invitation.CustomerId.GetValueOrDefault(), SubmittedAt = now });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AnswerOutcome.Of(AnswerStatus.Saved);
    }

    // Questions in the order respondents meet them; a condition looks only back, so one pass decides
    // what is shown from what was answered before it.
    private static Dictionary<long, Problem> Read(Survey survey, IReadOnlyDictionary<long, IReadOnlyList<string>> values, List<SurveyAnswer> answers)
    {
        var problems = new Dictionary<long, Problem>();
        var numbers = new Dictionary<long, int>();
        var chosen = new HashSet<long>();
        var sections = survey.Sections.Where(s => s.RetiredAt == null).ToDictionary(s => s.Id, s => s.Position);
        var questions = survey.Questions.Where(q => q.RetiredAt == null && sections.ContainsKey(q.SectionId))
            .OrderBy(q => sections[q.SectionId]).ThenBy(q => q.Position);
        foreach (var question in questions)
        {
            if (!IsShown(question, numbers, chosen))
            {
                continue;
            }

            var given = values.TryGetValue(question.Id, out var posted) ? posted.Where(v => !string.IsNullOrWhiteSpace(v)).ToList() : [];
            if (given.Count == 0)
            {
                if (question.IsRequired)
                {
                    problems[question.Id] = new Problem("Answer this question.");
                }

                continue;
            }

            if (QuestionScale.Of(question.Type, question.ScaleMax) is { } scale)
            {
                if (given.Count != 1 || !int.TryParse(given[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) || number < scale.Min || number > scale.Max)
                {
                    problems[question.Id] = new Problem("Choose one of the numbers shown.");
                    continue;
                }

                numbers[question.Id] = number;
                answers.Add(new SurveyAnswer { QuestionId = question.Id, Number = number });
            }
            else if (QuestionScale.HasOptions(question.Type))
            {
                var active = question.Options.Where(o => o.RetiredAt == null).Select(o => o.Id).ToHashSet();
                var ids = given.Select(v => long.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0).Distinct().ToList();
                if (ids.Any(id => !active.Contains(id)) || (question.Type == QuestionType.SingleChoice && ids.Count != 1))
                {
                    problems[question.Id] = new Problem("Choose one of the options shown.");
                    continue;
                }

                foreach (var id in ids)
                {
                    chosen.Add(id);
                    answers.Add(new SurveyAnswer { QuestionId = question.Id, OptionId = id });
                }
            }
            else
            {
                var text = string.Join("\n", given);
                if (text.Length > MaxTextLength)
                {
                    problems[question.Id] = new Problem("The answer can be at most 4,000 characters long.");
                    continue;
                }

                answers.Add(new SurveyAnswer { QuestionId = question.Id, Text = text });
            }
        }

        return problems;
    }

    private static bool IsShown(SurveyQuestion question, Dictionary<long, int> numbers, HashSet<long> chosen)
    {
        if (question.ShowIfQuestionId is not { } earlier || question.ShowIfOperator is not { } op || question.ShowIfValue is not { } value)
        {
            return true;
        }

        return op == ShowIfOperator.Chosen
            ? chosen.Contains(value)
            : numbers.TryGetValue(earlier, out var number) && op switch
            {
                ShowIfOperator.AtMost => number <= value,
                ShowIfOperator.AtLeast => number >= value,
                _ => number == value,
            };
    }
}
