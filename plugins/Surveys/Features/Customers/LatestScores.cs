using CrmBlazor.Plugins.Surveys.Data;
using CrmBlazor.Sdk.Surveys;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Surveys.Features.Customers;

/// <summary>
/// Each customer's latest answer to a question of one type (NPS or CSAT), among named surveys only: an
/// anonymous survey has no respondent row, so it can never count. One set-based query per type: an answer
/// is the latest when no answer of the same customer and type was submitted later (ties go to the later
/// answer row).
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
                     select new { r.CustomerId, r.SubmittedAt, r.SurveyId, a.QuestionId, a.Number };
        var latest = scored.Where(s => !scored.Any(o => o.CustomerId == s.CustomerId && (o.SubmittedAt > s.SubmittedAt || (o.SubmittedAt == s.SubmittedAt && o.QuestionId > s.QuestionId))));
        if (customerIds is not null)
        {
            var ids = customerIds.Distinct().ToList();
            latest = latest.Where(s => ids.Contains(s.CustomerId));
        }

        var rows = await latest.AsNoTracking().ToListAsync(cancellationToken);
        // Two responses of a customer at the very same instant both count as latest: either will do.
        return rows.GroupBy(r => r.CustomerId).ToDictionary(g => g.Key, g => g.Select(r => new SurveyScore(r.Number!.Value, r.SubmittedAt, r.SurveyId)).First());
    }
}
