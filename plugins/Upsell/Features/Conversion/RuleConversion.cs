using CrmBlazor.Plugins.Upsell.Data;
using CrmBlazor.Plugins.Upsell.Features.Rules;
using CrmBlazor.Plugins.Upsell.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Upsell.Features.Conversion;

/// <summary>Which opportunities the conversion counts, by when they opened.</summary>
public enum ConversionPeriod
{
    Last90Days,
    Last12Months,
    All,
}

/// <summary>An amount in one currency; amounts in different currencies are never added together.</summary>
/// <param name="Currency">The ISO code, or empty when the opportunity had a value without a currency.</param>
/// <param name="Amount">The sum.</param>
public sealed record CurrencyAmount(string Currency, decimal Amount);

/// <summary>What became of one rule's opportunities opened in the period.</summary>
/// <param name="RuleId">The rule's id.</param>
/// <param name="RuleName">Its name in the reader's language, or its id when no loaded plugin offers it any more.</param>
/// <param name="Created">Opened in the period.</param>
/// <param name="Open">Of those, still in the pipeline.</param>
/// <param name="Won">Won by a user.</param>
/// <param name="Lost">Lost.</param>
/// <param name="Dismissed">Dismissed by a user.</param>
/// <param name="Resolved">Closed by the evaluation because the rule no longer found them.</param>
/// <param name="ValueWon">The estimated value of the won ones, per currency, by currency code.</param>
public sealed record RuleConversionRow(string RuleId, string RuleName, int Created, int Open, int Won, int Lost, int Dismissed, int Resolved, IReadOnlyList<CurrencyAmount> ValueWon)
{
    /// <summary>Won ÷ created, from 0 to 1; null when none was created.</summary>
    public double? Conversion => Created == 0 ? null : (double)Won / Created;

    /// <summary>
    /// Won ÷ decided by a user (won, lost or dismissed), from 0 to 1; null when none was decided. Leaves out the
    /// open ones (not decided yet) and the resolved ones (the rule withdrew them), so a recent period is not
    /// pulled down by opportunities nobody has worked yet.
    /// </summary>
    public double? DecidedConversion => Won + Lost + Dismissed == 0 ? null : (double)Won / (Won + Lost + Dismissed);
}

/// <summary>
/// Per-rule conversion for managers (<see cref="UpsellPermissions.Manage"/>): which rules find opportunities
/// that are won. One grouped query (rule × stage × closure × currency) over the opportunities opened in the
/// period; every registered rule has a row, and so has a rule no longer loaded that left opportunities.
/// </summary>
public sealed class RuleConversion(IDbContextFactory<UpsellDbContext> contexts, UpsellAccess access, UpsellRuleCatalogue rules, TimeProvider clock)
{
    /// <summary>The conversion of every rule over the period; null for someone who does not manage the rules.</summary>
    /// <param name="period">Which opportunities, by when they opened.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<RuleConversionRow>?> LoadAsync(ConversionPeriod period, CancellationToken cancellationToken = default)
    {
        if (!await access.CanManageAsync(cancellationToken))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Opportunities.AsNoTracking();
        if (Since(period) is { } since)
        {
            query = query.Where(o => o.OpenedAt >= since);
        }

        var groups = await query
            .GroupBy(o => new { o.RuleId, o.Stage, o.ClosedBecause, o.Currency })
            .Select(g => new { g.Key.RuleId, g.Key.Stage, g.Key.ClosedBecause, g.Key.Currency, Count = g.Count(), Value = g.Sum(o => o.EstimatedValue) })
            .ToListAsync(cancellationToken);

        var ids = rules.All.Select(r => r.Id).Concat(groups.Select(g => g.RuleId)).Distinct(StringComparer.Ordinal);
        return [.. ids.Select(id =>
        {
            var of = groups.Where(g => string.Equals(g.RuleId, id, StringComparison.Ordinal)).ToList();
            int Count(OpportunityClosure? closure) => of.Where(g => g.ClosedBecause == closure).Sum(g => g.Count);
            var won = of.Where(g => g.ClosedBecause == OpportunityClosure.Won && g.Value is not null)
                .GroupBy(g => g.Currency ?? "", StringComparer.Ordinal)
                .Select(g => new CurrencyAmount(g.Key, g.Sum(x => x.Value!.Value)))
                .OrderBy(a => a.Currency, StringComparer.Ordinal)
                .ToList();
            return new RuleConversionRow(id, rules.Find(id)?.Name ?? id, of.Sum(g => g.Count), Count(null), Count(OpportunityClosure.Won),
                Count(OpportunityClosure.Lost), Count(OpportunityClosure.Dismissed), Count(OpportunityClosure.Resolved), won);
        }).OrderByDescending(r => r.Created).ThenBy(r => r.RuleName, StringComparer.CurrentCulture)];
    }

    /// <summary>The first moment of a period, or null for all time.</summary>
    /// <param name="period">The period.</param>
    public DateTimeOffset? Since(ConversionPeriod period) => period switch
    {
        ConversionPeriod.Last90Days => clock.GetUtcNow().AddDays(-90),
        ConversionPeriod.Last12Months => clock.GetUtcNow().AddMonths(-12),
        _ => null,
    };
}
