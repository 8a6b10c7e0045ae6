using System.Globalization;
using System.Text;
using CrmBlazor.Plugins.Surveys.Data;
using CrmBlazor.Plugins.Surveys.Features.ClosedLoop;
using CrmBlazor.Plugins.Surveys.Features.Customers;
using CrmBlazor.Plugins.Surveys.Features.Timeline;
using CrmBlazor.Plugins.Surveys.Jobs;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Sdk.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CrmBlazor.Plugins.Surveys.Features.Effects;

/// <summary>
/// What a named survey's answer does outside the plugin, exactly once even if the process dies right
/// after the submit's commit (docs/decisions/0023): the submit writes a <see cref="SurveyPendingEffect"/>
/// in its transaction (<see cref="Schedule"/>) and queues the effects job after the commit; a recurring
/// sweep finds rows whose job was lost. Each effect is idempotent (the timeline entry and the follow-up
/// by key, the figures recomputed from the answers), so a run repeated after a crash changes nothing, and
/// the row is deleted last.
/// </summary>
public sealed class AnswerEffects(
    IDbContextFactory<SurveysDbContext> contexts,
    ITimeline timeline,
    IFollowUps followUps,
    ICustomerDirectory customers,
    SurveyCustomerFigures figures,
    IJobScheduler jobs,
    ILogger<AnswerEffects> logger)
{
    /// <summary>Adds the pending effects of a named survey's response to the submit's unit of work.</summary>
    /// <param name="db">The submit's context, saved in its transaction.</param>
    /// <param name="response">The response.</param>
    /// <param name="submittedAt">When it was submitted.</param>
    public static void Schedule(SurveysDbContext db, SurveyResponse response, DateTimeOffset submittedAt)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(response);
        db.PendingEffects.Add(new SurveyPendingEffect { ResponseId = response.Id, SurveyId = response.SurveyId, CreatedAt = submittedAt });
    }

    /// <summary>
    /// Queues the effects job for a response after the submit committed. A failure to queue is logged, not
    /// thrown: the answer is saved, and the sweep performs the effects.
    /// </summary>
    /// <param name="responseId">The response.</param>
    /// <param name="cancellationToken">Cancels the queuing.</param>
    public async Task EnqueueAsync(Guid responseId, CancellationToken cancellationToken = default)
    {
        try
        {
            await jobs.EnqueueAsync<AnswerEffectsJob>(new AnswerEffectsJob.Arguments(responseId), cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The effects of response {ResponseId} could not be queued; the sweep will perform them.", responseId);
        }
    }

    /// <summary>Performs every pending effect, oldest first (the sweep).</summary>
    /// <param name="cancellationToken">Cancels the work between responses.</param>
    /// <returns>How many responses were handled.</returns>
    public async Task<int> RunPendingAsync(CancellationToken cancellationToken = default)
    {
        List<Guid> pending;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            pending = await db.PendingEffects.OrderBy(p => p.CreatedAt).Select(p => p.ResponseId).Take(500).ToListAsync(cancellationToken);
        }

        foreach (var responseId in pending)
        {
            await RunAsync(responseId, cancellationToken);
        }

        return pending.Count;
    }

    /// <summary>Performs a response's pending effects, if it still has any, and deletes its pending row.</summary>
    /// <param name="responseId">The response.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task RunAsync(Guid responseId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.PendingEffects.AnyAsync(p => p.ResponseId == responseId, cancellationToken))
        {
            return;
        }

        var respondent = await db.Respondents.AsNoTracking().FirstOrDefaultAsync(r => r.ResponseId == responseId, cancellationToken);
        var survey = respondent is null ? null : await db.Surveys.AsNoTracking().Include(s => s.Questions).ThenInclude(q => q.Options)
            .AsSplitQuery().FirstOrDefaultAsync(s => s.Id == respondent.SurveyId, cancellationToken);

        // Anonymous surveys never schedule effects; a respondent erased meanwhile leaves nothing to do.
        if (respondent is not null && survey is { IsAnonymous: false })
        {
            var answers = await db.Answers.AsNoTracking().Where(a => a.ResponseId == responseId).OrderBy(a => a.QuestionId).ToListAsync(cancellationToken);
            var questions = survey.Questions.ToDictionary(q => q.Id);
            await timeline.RecordAsync(new TimelineEntry(
                respondent.CustomerId, SurveyTimeline.AnsweredKind, SurveyTimeline.Key(responseId), respondent.SubmittedAt,
                Title(survey, answers, questions), Link: $"/surveys/{survey.Id}/results"), cancellationToken);
            if (survey.ClosedLoop && answers.Any(a => a.Number is { } n && questions.TryGetValue(a.QuestionId, out var q) && Detractors.Is(q.Type, n)))
            {
                await OpenFollowUpAsync(db, survey, respondent, answers, questions, cancellationToken);
            }

            await figures.RefreshAsync(respondent.CustomerId, cancellationToken);

            // An erasure of the person while this run was under way deleted the respondent: undo what the
            // run wrote after it, so nothing links the response to the person again.
            if (!await db.Respondents.AnyAsync(r => r.ResponseId == responseId, cancellationToken))
            {
                await timeline.RemoveAsync(SurveyTimeline.Key(responseId), cancellationToken);
                await db.FollowUps.Where(f => f.ResponseId == responseId).ExecuteDeleteAsync(cancellationToken);
                await figures.RefreshAsync(respondent.CustomerId, cancellationToken);
            }
        }

        await db.PendingEffects.Where(p => p.ResponseId == responseId).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task OpenFollowUpAsync(SurveysDbContext db, Survey survey, SurveyRespondent respondent, List<SurveyAnswer> answers, Dictionary<long, SurveyQuestion> questions, CancellationToken cancellationToken)
    {
        if (await db.FollowUps.AnyAsync(f => f.ResponseId == respondent.ResponseId, cancellationToken))
        {
            return;
        }

        var owner = (await customers.GetAsync(respondent.CustomerId, cancellationToken))?.OwnerUserId;
        var id = await followUps.OpenAsync(new FollowUpRequest(
            "surveys.follow-up:" + respondent.ResponseId.ToString("N"), respondent.CustomerId, respondent.ContactId,
            "Detractor's answer to " + survey.Name + ": " + Score(answers, questions), Body(survey, answers, questions), owner, respondent.SubmittedAt), cancellationToken);
        if (id is null)
        {
            return;
        }

        db.FollowUps.Add(new SurveyFollowUp { ResponseId = respondent.ResponseId, SurveyId = survey.Id, FollowUpId = id.Value });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another run recorded the same follow-up (the core returned it the same id).
        }
    }

    // "Survey answered: Customer check-in (NPS 3)": the first NPS, CSAT or effort answer gives the score.
    private static string Title(Survey survey, List<SurveyAnswer> answers, Dictionary<long, SurveyQuestion> questions)
    {
        var score = Score(answers, questions);
        return "Survey answered: " + survey.Name + (score.Length == 0 ? string.Empty : " (" + score + ")");
    }

    private static string Score(List<SurveyAnswer> answers, Dictionary<long, SurveyQuestion> questions)
    {
        foreach (var answer in answers)
        {
            if (answer.Number is { } n && questions.TryGetValue(answer.QuestionId, out var q) && q.Type is QuestionType.Nps or QuestionType.Csat or QuestionType.Effort)
            {
                var name = q.Type switch { QuestionType.Nps => "NPS", QuestionType.Csat => "CSAT", _ => "Effort" };
                return string.Create(CultureInfo.InvariantCulture, $"{name} {n}");
            }
        }

        return string.Empty;
    }

    // The answers as the account manager needs them: each question in the survey's first language, then its answer.
    private static string Body(Survey survey, List<SurveyAnswer> answers, Dictionary<long, SurveyQuestion> questions)
    {
        var language = survey.LanguageList is [var first, ..] ? first : "en";
        var body = new StringBuilder();
        foreach (var group in answers.GroupBy(a => a.QuestionId))
        {
            if (!questions.TryGetValue(group.Key, out var question))
            {
                continue;
            }

            var given = group.Select(a => a.Number?.ToString(CultureInfo.InvariantCulture)
                ?? (a.OptionId is { } optionId ? question.Options.FirstOrDefault(o => o.Id == optionId)?.Texts.GetValueOrDefault(language) : a.Text))
                .Where(v => !string.IsNullOrWhiteSpace(v));
            body.Append(question.Texts.GetValueOrDefault(language) ?? question.Texts.Values.FirstOrDefault() ?? string.Empty)
                .Append(": ").AppendJoin("; ", given).Append('\n');
        }

        return body.ToString().TrimEnd();
    }
}
