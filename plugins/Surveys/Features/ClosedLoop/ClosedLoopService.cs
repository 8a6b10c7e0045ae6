using CrmBlazor.Plugins.Surveys.Data;
using CrmBlazor.Plugins.Surveys.Features.Shared;
using CrmBlazor.Sdk.Customers;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Surveys.Features.ClosedLoop;

/// <summary>Where the closed loop stands for one answer.</summary>
public enum LoopState
{
    /// <summary>No follow-up: the loop was off, the answer was not a detractor's, or its effects are still pending.</summary>
    None,

    /// <summary>A follow-up is open for the account manager.</summary>
    Open,

    /// <summary>The follow-up was closed, with a note.</summary>
    Closed,
}

/// <summary>A named survey's answer and its closed loop.</summary>
/// <param name="ResponseId">The response.</param>
/// <param name="SubmittedAt">When it was submitted.</param>
/// <param name="CustomerId">The customer who answered.</param>
/// <param name="CustomerName">The customer's name, or null when it no longer exists.</param>
/// <param name="ContactId">The contact who answered, or null for a person customer.</param>
/// <param name="Score">The first NPS or CSAT answer, or null.</param>
/// <param name="State">Where the loop stands.</param>
/// <param name="Note">The note the follow-up was closed with, or null.</param>
/// <param name="ClosedAt">When it was closed, or null.</param>
/// <param name="FollowUpId">The core's follow-up (a complaint), or null.</param>
public sealed record AnswerLoop(Guid ResponseId, DateTimeOffset SubmittedAt, long CustomerId, string? CustomerName, long? ContactId, int? Score,
    LoopState State, string? Note, DateTimeOffset? ClosedAt, long? FollowUpId);

/// <summary>
/// The closed loop's state per answer of a named survey, for the results page: the follow-ups the plugin
/// opened, read from the core (<see cref="IFollowUps"/>) where they are closed with a note. An anonymous
/// survey has no named answers and so no list.
/// </summary>
public sealed class ClosedLoopService(IDbContextFactory<SurveysDbContext> contexts, SurveysAccess access, IFollowUps followUps, ICustomerDirectory customers)
{
    /// <summary>The latest answers of a survey with their loop state, newest first.</summary>
    /// <param name="surveyId">The survey.</param>
    /// <param name="take">At most this many (1–500).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="UnauthorizedAccessException">The user may not see surveys.</exception>
    public async Task<IReadOnlyList<AnswerLoop>> ListAsync(long surveyId, int take = 100, CancellationToken cancellationToken = default)
    {
        if (!await access.CanViewAsync(cancellationToken))
        {
            throw new UnauthorizedAccessException("You may not see surveys.");
        }

        take = Math.Clamp(take, 1, 500);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (from r in db.Respondents
                          where r.SurveyId == surveyId
                          join f in db.FollowUps on r.ResponseId equals f.ResponseId into fs
                          from f in fs.DefaultIfEmpty()
                          orderby r.SubmittedAt descending
                          select new { r.ResponseId, r.SubmittedAt, r.CustomerId, r.ContactId, FollowUpId = f == null ? (long?)null : f.FollowUpId })
            .Take(take).AsNoTracking().ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var responseIds = rows.Select(r => r.ResponseId).ToList();
        var scores = (await (from a in db.Answers
                             join q in db.Questions on a.QuestionId equals q.Id
                             where responseIds.Contains(a.ResponseId) && a.Number != null && (q.Type == QuestionType.Nps || q.Type == QuestionType.Csat)
                             select new { a.ResponseId, a.QuestionId, a.Number })
                .AsNoTracking().ToListAsync(cancellationToken))
            .GroupBy(a => a.ResponseId).ToDictionary(g => g.Key, g => g.OrderBy(a => a.QuestionId).First().Number);
        var states = await followUps.GetManyAsync([.. rows.Where(r => r.FollowUpId != null).Select(r => r.FollowUpId!.Value)], cancellationToken);
        var names = await customers.GetManyAsync([.. rows.Select(r => r.CustomerId).Distinct()], cancellationToken);
        return rows.Select(r =>
        {
            var state = r.FollowUpId is { } id ? states.GetValueOrDefault(id) : null;
            return new AnswerLoop(r.ResponseId, r.SubmittedAt, r.CustomerId, names.GetValueOrDefault(r.CustomerId)?.Name, r.ContactId, scores.GetValueOrDefault(r.ResponseId),
                state is null ? LoopState.None : state.IsOpen ? LoopState.Open : LoopState.Closed, state?.Note, state?.ClosedAt, r.FollowUpId);
        }).ToList();
    }
}
