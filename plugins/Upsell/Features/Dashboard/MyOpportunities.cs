using CrmBlazor.Plugins.Upsell.Data;
using CrmBlazor.Plugins.Upsell.Features.Opportunities;
using CrmBlazor.Plugins.Upsell.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Upsell.Features.Dashboard;

/// <summary>The reader's new opportunities for the dashboard: the best few and how many there are.</summary>
/// <param name="Best">The most promising (highest score) first.</param>
/// <param name="Count">How many new opportunities the reader has.</param>
public sealed record NewOpportunities(IReadOnlyList<OpportunityCard> Best, int Count);

/// <summary>
/// The signed-in user's new opportunities, as account manager of their customers or as owner (a manager sees
/// only their own here too: the pipeline has everyone's). Four queries: count, the best few, their customers
/// and owners.
/// </summary>
public sealed class MyOpportunities(IDbContextFactory<UpsellDbContext> contexts, UpsellAccess access, OpportunityService opportunities)
{
    /// <summary>The reader's new opportunities, best <paramref name="take"/> first; none without the permission.</summary>
    /// <param name="take">How many to show.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public async Task<NewOpportunities> NewAsync(int take = 5, CancellationToken cancellationToken = default)
    {
        if (!await access.CanViewAsync(cancellationToken) || access.UserId is not { } me)
        {
            return new NewOpportunities([], 0);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var mine = db.Opportunities.AsNoTracking()
            .Where(o => o.ClosedAt == null && o.Stage == OpportunityStage.New && (o.AccountManagerUserId == me || o.OwnerUserId == me));
        var count = await mine.CountAsync(cancellationToken);
        if (count == 0)
        {
            return new NewOpportunities([], 0);
        }

        var best = await mine.OrderByDescending(o => o.Score).ThenByDescending(o => o.Id).Take(Math.Clamp(take, 1, 20)).ToListAsync(cancellationToken);
        return new NewOpportunities(await opportunities.CardsAsync(best, cancellationToken), count);
    }
}
