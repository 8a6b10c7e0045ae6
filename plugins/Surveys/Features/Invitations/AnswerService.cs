using System.Text.Json;
using CrmBlazor.Plugins.Surveys.Data;
using CrmBlazor.Plugins.Surveys.Features.Builder;
using CrmBlazor.Plugins.Surveys.Features.Effects;
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

    /// <summary>The link works: the survey can be answered (when opened).</summary>
    Open,

    /// <summary>The answers were kept as a draft, to continue later.</summary>
    DraftSaved,
}

/// <summary>What a personal link opens: its status and, when it works, the survey, the language and the draft kept.</summary>
/// <param name="Status"><see cref="AnswerStatus.Open"/>, or why the link opens nothing.</param>
/// <param name="Survey">The survey with its sections, questions and options (not tracked), when open.</param>
/// <param name="Language">The invitation's language (one of the survey's).</param>
/// <param name="Values">The values of the draft saved with the link, per question id; empty without one.</param>
public sealed record AnswerForm(AnswerStatus Status, Survey? Survey, string Language, IReadOnlyDictionary<long, IReadOnlyList<string>> Values)
{
    /// <summary>A link that opens nothing.</summary>
    /// <param name="status">Why.</param>
    /// <param name="language">The invitation's language, when known.</param>
    public static AnswerForm Refused(AnswerStatus status, string language = "en") => new(status, null, language, new Dictionary<long, IReadOnlyList<string>>());
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
/// Opens a personal link, keeps a draft, and stores the answers given through it exactly once per
/// invitation: the invitation is marked used (its draft deleted, and for an anonymous survey its token's
/// hash) and the response written in one transaction, and a second submit changes nothing.
/// Questions hidden by their show-if condition are not asked and their answers are discarded. The
/// respondent is recorded only for a survey that is not anonymous (docs/decisions/0023).
/// </summary>
public sealed class AnswerService(IDbContextFactory<SurveysDbContext> contexts, TimeProvider clock, AnswerEffects effects)
{
    /// <summary>The longest text answer.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>Opens a personal link: the survey in the invitation's language and the draft kept, or why not.</summary>
    /// <param name="token">The token of the personal link.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<AnswerForm> OpenAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (status, invitation, survey) = await FindAsync(db, token, cancellationToken);
        return status != AnswerStatus.Open
            ? AnswerForm.Refused(status, invitation?.Language ?? "en")
            : new AnswerForm(status, survey, invitation!.Language, ReadDraft(invitation.Draft));
    }

    /// <summary>
    /// Keeps the values posted as the link's draft, to continue later: loosely checked (only values for the
    /// survey's active questions are kept, a text at most <see cref="MaxTextLength"/> characters), never a
    /// response. The draft replaces the one saved before.
    /// </summary>
    /// <param name="token">The token of the personal link.</param>
    /// <param name="values">The values posted per question id.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<AnswerOutcome> SaveDraftAsync(string token, IReadOnlyDictionary<long, IReadOnlyList<string>> values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (status, invitation, survey) = await FindAsync(db, token, cancellationToken);
        if (status != AnswerStatus.Open)
        {
            return AnswerOutcome.Of(status);
        }

        var active = survey!.Questions.Where(q => q.RetiredAt == null).Select(q => q.Id).ToHashSet();
        var problems = new Dictionary<long, Problem>();
        var kept = new Dictionary<string, List<string>>();
        foreach (var (questionId, given) in values.Where(v => active.Contains(v.Key)))
        {
            var nonEmpty = given.Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
            if (nonEmpty.Sum(v => v.Length) > MaxTextLength)
            {
                problems[questionId] = new Problem("The answer can be at most 4,000 characters long.");
            }
            else if (nonEmpty.Count > 0)
            {
                kept[questionId.ToString(System.Globalization.CultureInfo.InvariantCulture)] = nonEmpty;
            }
        }

        if (problems.Count > 0)
        {
            return new AnswerOutcome(AnswerStatus.Invalid, problems);
        }

        var draft = JsonSerializer.Serialize(kept);
        var saved = await db.Invitations.Where(i => i.Id == invitation!.Id && !i.IsAnswered)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.Draft, draft), cancellationToken);
        return AnswerOutcome.Of(saved == 0 ? AnswerStatus.AlreadyAnswered : AnswerStatus.DraftSaved);
    }

    /// <summary>Submits the values a form posted for each question (numbers and option ids as text, or the text typed).</summary>
    /// <param name="token">The token of the personal link.</param>
    /// <param name="values">The values posted per question id.</param>
    /// <param name="cancellationToken">Cancels the submit.</param>
    public async Task<AnswerOutcome> SubmitAsync(string token, IReadOnlyDictionary<long, IReadOnlyList<string>> values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (status, invitation, survey) = await FindAsync(db, token, cancellationToken);
        if (status != AnswerStatus.Open)
        {
            return AnswerOutcome.Of(status);
        }

        var now = clock.GetUtcNow();
        var response = new SurveyResponse { Id = Guid.NewGuid(), SurveyId = survey!.Id, AnsweredOn = DateOnly.FromDateTime(now.UtcDateTime) };
        var problems = Read(survey, values, response.Answers);
        if (problems.Count > 0)
        {
            return new AnswerOutcome(AnswerStatus.Invalid, problems);
        }

        foreach (var answer in response.Answers)
        {
            (answer.SurveyId, answer.AnsweredOn) = (response.SurveyId, response.AnsweredOn);
        }

        // Marked used with its draft deleted, and for an anonymous survey its hash deleted too, in the
        // transaction that writes the response: after it, nothing leads from the link to the answers.
        if (!await StoreAsync(db, invitation!, survey, response, now, cancellationToken))
        {
            return AnswerOutcome.Of(AnswerStatus.AlreadyAnswered);
        }

        // The pooled connection is back before the queuing, which takes connections of its own; a failure
        // to queue is logged and left to the sweep, never turned into a failed submit.
        await db.DisposeAsync();
        if (!survey.IsAnonymous)
        {
            await effects.EnqueueAsync(response.Id, CancellationToken.None);
        }

        return AnswerOutcome.Of(AnswerStatus.Saved);
    }

    // The submit's one transaction: the link marked used (false when it was already), the response, its
    // answers, the respondent and the pending effects of a named survey.
    private static async Task<bool> StoreAsync(SurveysDbContext db, SurveyInvitation invitation, Survey survey, SurveyResponse response, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var unanswered = db.Invitations.Where(i => i.Id == invitation.Id && !i.IsAnswered);
        var marked = survey.IsAnonymous
            ? await unanswered.ExecuteUpdateAsync(set => set.SetProperty(i => i.IsAnswered, true).SetProperty(i => i.Draft, (string?)null).SetProperty(i => i.TokenHash, (byte[]?)null), cancellationToken)
            : await unanswered.ExecuteUpdateAsync(set => set.SetProperty(i => i.IsAnswered, true).SetProperty(i => i.Draft, (string?)null), cancellationToken);
        if (marked == 0)
        {
            return false;
        }

        db.Responses.Add(response);
        if (!survey.IsAnonymous)
        {
            db.Respondents.Add(new SurveyRespondent { ResponseId = response.Id, SurveyId = survey.Id, ContactId = invitation.ContactId, CustomerId = invitation.CustomerId.GetValueOrDefault(), SubmittedAt = now });
        }

        // The effects outside the plugin (timeline, figures, closed loop): named surveys only, scheduled
        // in this transaction and performed after the commit (AnswerEffects).
        if (!survey.IsAnonymous)
        {
            AnswerEffects.Schedule(db, response, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The problems a submit of these values would have, checked as <see cref="SubmitAsync"/> checks them (questions
    /// hidden by their show-if condition skipped), storing nothing: for a survey's preview.
    /// </summary>
    /// <param name="survey">The survey with its sections, questions and options.</param>
    /// <param name="values">The values posted per question id.</param>
    /// <returns>The problem per question id; empty when the answers would be accepted.</returns>
    public static IReadOnlyDictionary<long, Problem> Check(Survey survey, IReadOnlyDictionary<long, IReadOnlyList<string>> values)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(values);
        return Read(survey, values, []);
    }

    private async Task<(AnswerStatus Status, SurveyInvitation? Invitation, Survey? Survey)> FindAsync(SurveysDbContext db, string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return (AnswerStatus.Unknown, null, null);
        }

        var hash = InvitationService.Hash(token);
        var invitation = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null)
        {
            return (AnswerStatus.Unknown, null, null);
        }

        if (invitation.IsAnswered)
        {
            return (AnswerStatus.AlreadyAnswered, invitation, null);
        }

        if (invitation.ExpiresAt <= clock.GetUtcNow())
        {
            return (AnswerStatus.Expired, invitation, null);
        }

        var survey = await db.Surveys.AsNoTracking().Include(s => s.Sections).Include(s => s.Questions).ThenInclude(q => q.Options)
            .AsSplitQuery().FirstAsync(s => s.Id == invitation.SurveyId, cancellationToken);
        return (survey.State == SurveyState.Open ? AnswerStatus.Open : AnswerStatus.Closed, invitation, survey);
    }

    private static Dictionary<long, IReadOnlyList<string>> ReadDraft(string? draft)
    {
        var values = new Dictionary<long, IReadOnlyList<string>>();
        if (string.IsNullOrEmpty(draft))
        {
            return values;
        }

        foreach (var (key, given) in JsonSerializer.Deserialize<Dictionary<string, List<string>>>(draft) ?? [])
        {
            if (long.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var questionId))
            {
                values[questionId] = given;
            }
        }

        return values;
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
