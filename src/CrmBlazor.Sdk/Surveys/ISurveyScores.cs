namespace CrmBlazor.Sdk.Surveys;

/// <summary>
/// Customers' latest survey scores for other plugins (upsell detection, account reviews): the latest NPS
/// (0–10) and CSAT (1–5) answer each customer gave to a named survey. Anonymous surveys never count.
/// Offered by the surveys plugin; absent when it is not loaded.
/// </summary>
public interface ISurveyScores
{
    /// <summary>
    /// The latest NPS and CSAT answer of every customer that gave one, or of the customers given, in a
    /// few set-based queries (one per kind of score). Customers without an answer are left out.
    /// </summary>
    /// <param name="customerIds">Only these customers, or null for all.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyDictionary<long, CustomerSurveyScores>> GetLatestAsync(IReadOnlyCollection<long>? customerIds = null, CancellationToken cancellationToken = default);
}

/// <summary>A customer's latest scores; either may be missing.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Nps">The latest answer to an NPS question (0–10), or null.</param>
/// <param name="Csat">The latest answer to a CSAT question (1–5), or null.</param>
public sealed record CustomerSurveyScores(long CustomerId, SurveyScore? Nps, SurveyScore? Csat);

/// <summary>One answer with a score.</summary>
/// <param name="Value">The number given.</param>
/// <param name="AnsweredAt">When the answer was submitted.</param>
/// <param name="SurveyId">The survey it answered.</param>
public sealed record SurveyScore(int Value, DateTimeOffset AnsweredAt, long SurveyId);
