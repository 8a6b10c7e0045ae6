using System.Globalization;
using CrmBlazor.Fixtures.Alpha.Data;
using CrmBlazor.Sdk.Upsell;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Fixtures.Alpha.Features;

/// <summary>
/// An upsell rule added through the SDK only (<c>fixture-alpha.many-notes</c>): a customer with at least a
/// number of fixture notes (setting <c>min-notes</c>, default 3) is worth a call. One grouped query for
/// every customer; its explanation is its own.
/// </summary>
public sealed class NoteCountUpsellRule(IDbContextFactory<AlphaDbContext> contexts) : IUpsellRule
{
    public const string RuleId = "fixture-alpha.many-notes";

    public string Id => RuleId;

    public string Name => "Many fixture notes";

    public string Description => "A customer with many fixture notes is worth a call.";

    public IReadOnlyList<UpsellRuleSetting> Settings { get; } = [new("min-notes", "Notes at least", UpsellSettingKind.Number, 3m, 1m, 100m)];

    public async Task<IReadOnlyList<UpsellHit>> EvaluateAsync(UpsellEvaluation evaluation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var least = (int)evaluation.Setting("min-notes");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await db.Notes.GroupBy(n => n.CustomerId).Select(g => new { CustomerId = g.Key, Count = g.Count() })
            .Where(c => c.Count >= least).ToListAsync(cancellationToken);
        return [.. counts.Select(c => new UpsellHit(c.CustomerId, "notes", Math.Min(100, c.Count * 10), new UpsellEvidence().With("notes", c.Count).With("least", least)))];
    }

    public UpsellExplanation Explain(UpsellEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var notes = (evidence.Number("notes") ?? 0m).ToString("N0", CultureInfo.CurrentCulture);
        var least = (evidence.Number("least") ?? 0m).ToString("N0", CultureInfo.CurrentCulture);
        return new UpsellExplanation($"{notes} fixture notes, at least {least} make a customer worth a call", [new UpsellEvidenceLine("Fixture notes", notes)]);
    }
}
