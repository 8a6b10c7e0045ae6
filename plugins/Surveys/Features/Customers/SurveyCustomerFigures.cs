using CrmBlazor.Plugins.Surveys.Data;
using CrmBlazor.Sdk.Customers;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Surveys.Features.Customers;

/// <summary>
/// The figures the plugin keeps about customers in the core, for segment rules and the customer page: the
/// latest NPS and CSAT answer to a named survey. Refreshed for a customer by the answer effects (and after
/// an erasure); an anonymous survey never changes them.
/// </summary>
public sealed class SurveyCustomerFigures(IDbContextFactory<SurveysDbContext> contexts, ICustomerFigures figures)
{
    /// <summary>The latest NPS answer (0–10).</summary>
    public const string LatestNps = "surveys.latest-nps";

    /// <summary>The latest CSAT answer (1–5).</summary>
    public const string LatestCsat = "surveys.latest-csat";

    /// <summary>The declarations registered by the plugin.</summary>
    public static IReadOnlyList<CustomerFigureDefinition> Definitions { get; } =
    [
        new(LatestNps, "Latest NPS answer", FigureKind.Number),
        new(LatestCsat, "Latest CSAT answer", FigureKind.Number),
    ];

    /// <summary>Recomputes one customer's figures from the stored answers (none clears a figure).</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task RefreshAsync(long customerId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var nps = await LatestScores.OfAsync(db, QuestionType.Nps, [customerId], cancellationToken);
        var csat = await LatestScores.OfAsync(db, QuestionType.Csat, [customerId], cancellationToken);
        await figures.SetAsync(customerId, LatestNps, nps.TryGetValue(customerId, out var n) ? n.Value : null, cancellationToken: cancellationToken);
        await figures.SetAsync(customerId, LatestCsat, csat.TryGetValue(customerId, out var c) ? c.Value : null, cancellationToken: cancellationToken);
    }
}
