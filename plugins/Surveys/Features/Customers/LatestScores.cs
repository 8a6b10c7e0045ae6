using CrmBlazor.Plugins.Surveys.Data;
using CrmBlazor.Sdk.Surveys;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Surveys.Features.Customers;

/// <summary>
/// Each customer's latest answer to a question of one type (NPS or CSAT), among named surveys only: an
/// anonymous survey has no respondent row, so it can never count. One query per type reads the customers'
/// scored answers (the question-type index narrows them) and the latest per customer is kept as they
/// stream in: an answer is the latest when no answer of the same customer and type was submitted later
/// (ties go to the later question). A correlated "no later answer" subquery did the same in the database
/// and took seconds per type at 300,000 answers (bench/run.sh upsell); streaming them takes a fraction.
/// </summary>
public static class LatestScores
{
    /// <summary>The latest answer per customer.</summary>
    /// <param name="db">The plugin's context.</param>
    /// <param name="type">NPS or CSAT.</param>
    /// <param name="customerIds">Only these customers, or null for all.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static async Task<Dictionary<long, SurveyScore>> OfAsync(SurveysDbContext db, QuestionType type, IReadOnlyCollection<long>? customerIds, CancellationToken cancellationToken)
    {
        var scored = from r in db.Respondents
                     join a in db.Answers on r.ResponseId equals a.ResponseId
                     join q in db.Questions on a.QuestionId equals q.Id
                     where q.Type == type && a.Number != null
                     select new { r.CustomerId, r.SubmittedAt, r.SurveyId, a.QuestionId, Number = a.Number!.Value };
        if (customerIds is not null)
        {
            var ids = customerIds.Distinct().ToList();
            scored = scored.Where(s => ids.Contains(s.CustomerId));
        }

        var latest = new Dictionary<long, (SurveyScore Score, long QuestionId)>();
        await foreach (var row in scored.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            // Two responses of a customer at the very same instant to the same question: either will do.
            if (!latest.TryGetValue(row.CustomerId, out var kept)
                || row.SubmittedAt > kept.Score.AnsweredAt
                || (row.SubmittedAt == kept.Score.AnsweredAt && row.QuestionId > kept.QuestionId))
            {
                latest[row.CustomerId] = (new SurveyScore(row.Number, row.SubmittedAt, row.SurveyId), row.QuestionId);
            }
        }

        return latest.ToDictionary(l => l.Key, l => l.Value.Score);
    }
}
