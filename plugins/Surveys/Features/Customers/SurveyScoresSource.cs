using CrmBlazor.Plugins.Surveys.Data;
using CrmBlazor.Sdk.Surveys;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Surveys.Features.Customers;

/// <summary>The customers' latest NPS and CSAT for other plugins (<see cref="ISurveyScores"/>), named surveys only.</summary>
public sealed class SurveyScoresSource(IDbContextFactory<SurveysDbContext> contexts) : ISurveyScores
{
    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<long, CustomerSurveyScores>> GetLatestAsync(IReadOnlyCollection<long>? customerIds = null, CancellationToken cancellationToken = default)
    {
        if (customerIds is { Count: 0 })
        {
            return new Dictionary<long, CustomerSurveyScores>();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var nps = await LatestScores.OfAsync(db, QuestionType.Nps, customerIds, cancellationToken);
        var csat = await LatestScores.OfAsync(db, QuestionType.Csat, customerIds, cancellationToken);
        return nps.Keys.Union(csat.Keys).ToDictionary(id => id, id => new CustomerSurveyScores(id, nps.GetValueOrDefault(id), csat.GetValueOrDefault(id)));
    }
}
