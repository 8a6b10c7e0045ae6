using CrmBlazor.Plugins.Upsell.Data;
using CrmBlazor.Sdk.Upsell;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Upsell.Features.Rules;

/// <summary>A rule with what admins made of it: whether it runs and its settings' values (defaults filled in).</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Enabled">Whether the evaluation runs it.</param>
/// <param name="Values">The value of every setting the rule declares, by key.</param>
/// <param name="RowVersion">The version of the rule's state, for the admin page; empty before anyone changed it.</param>
public sealed record ConfiguredRule(IUpsellRule Rule, bool Enabled, IReadOnlyDictionary<string, decimal> Values, Guid RowVersion);

/// <summary>Every <see cref="IUpsellRule"/> the loaded plugins registered, with their stored state and settings.</summary>
public sealed class UpsellRuleCatalogue(IEnumerable<IUpsellRule> rules, IDbContextFactory<UpsellDbContext> contexts)
{
    private readonly IReadOnlyList<IUpsellRule> _rules = [.. rules.GroupBy(r => r.Id, StringComparer.Ordinal).Select(g => g.First()).OrderBy(r => r.Id, StringComparer.Ordinal)];

    /// <summary>The rules, by id.</summary>
    public IReadOnlyList<IUpsellRule> All => _rules;

    /// <summary>A rule by id, or null when no loaded plugin offers it (any more).</summary>
    /// <param name="ruleId">The rule's id.</param>
    public IUpsellRule? Find(string ruleId) => _rules.FirstOrDefault(r => string.Equals(r.Id, ruleId, StringComparison.Ordinal));

    /// <summary>Every rule with its state and settings, in two queries.</summary>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public async Task<IReadOnlyList<ConfiguredRule>> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var states = await db.Rules.AsNoTracking().ToDictionaryAsync(r => r.RuleId, StringComparer.Ordinal, cancellationToken);
        var values = (await db.RuleSettings.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(s => s.RuleId, StringComparer.Ordinal);
        return [.. _rules.Select(rule =>
        {
            var stored = values[rule.Id].ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
            var filled = rule.Settings.ToDictionary(
                s => s.Key,
                s => stored.TryGetValue(s.Key, out var value) && value >= s.Minimum && value <= s.Maximum ? value : s.Default,
                StringComparer.Ordinal);
            var state = states.GetValueOrDefault(rule.Id);
            return new ConfiguredRule(rule, state?.Enabled ?? true, filled, state?.RowVersion ?? Guid.Empty);
        })];
    }
}
