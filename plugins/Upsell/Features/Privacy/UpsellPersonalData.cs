using System.Text.Json;
using CrmBlazor.Plugins.Upsell.Data;
using CrmBlazor.Plugins.Upsell.Features.Evaluation;
using CrmBlazor.Plugins.Upsell.Features.Opportunities;
using CrmBlazor.Plugins.Upsell.Features.Rules;
using CrmBlazor.Sdk.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Upsell.Features.Privacy;

/// <summary>
/// The plugin's part of a customer's data export and erasure. The export lists the customer's opportunities:
/// rule, stage, why (the rule's explanation of its evidence, in the reader's language), score, value, dates
/// and the reason it was dismissed. Erasure keeps the opportunities, so the rules' conversion figures and a
/// dismissal (which keeps the same situation from coming back) stay true, but removes what people wrote or
/// copied about the customer: the dismiss reasons are cleared (free text about the customer, which may name
/// anyone), and the person's names and e-mail addresses are replaced in the evidence (which copies names such
/// as a project's). Runs for the host's export and erasure, which only administrators start.
/// </summary>
public sealed class UpsellPersonalData(IDbContextFactory<UpsellDbContext> contexts, OpportunityService opportunities, UpsellRuleCatalogue rules) : IPersonalDataContributor
{
    /// <summary>What replaces an erased mention in the evidence.</summary>
    public const string Erased = "(erased)";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <inheritdoc />
    public async Task<object?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Opportunities.AsNoTracking().Where(o => o.CustomerId == subject.CustomerId).OrderBy(o => o.Id).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        return new
        {
            Opportunities = rows.Select(o =>
            {
                var explanation = opportunities.Explain(o);
                return new
                {
                    o.Id,
                    Rule = rules.Find(o.RuleId)?.Name ?? o.RuleId,
                    Stage = o.Stage.ToString(),
                    ClosedBecause = o.ClosedBecause?.ToString(),
                    explanation.Reason,
                    Evidence = explanation.Lines.Select(l => new { l.Label, l.Value }),
                    o.Score,
                    o.EstimatedValue,
                    o.Currency,
                    o.OpenedAt,
                    o.ClosedAt,
                    o.DismissReason,
                    o.SnoozedUntil,
                };
            }),
        };
    }

    /// <inheritdoc />
    public async Task<string> EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var mentions = Mentions.Of(subject.Names.Concat(subject.Emails));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Opportunities.Where(o => o.CustomerId == subject.CustomerId).ToListAsync(cancellationToken);
        var reasons = 0;
        var evidence = 0;
        foreach (var opportunity in rows)
        {
            var changed = false;
            if (opportunity.DismissReason is not null)
            {
                opportunity.DismissReason = null;
                reasons++;
                changed = true;
            }

            var values = UpsellEvaluator.EvidenceOf(opportunity).Values;
            var redacted = values.ToDictionary(v => v.Key, v => Mentions.Redact(v.Value, mentions, Erased), StringComparer.Ordinal);
            if (redacted.Any(v => !string.Equals(v.Value, values[v.Key], StringComparison.Ordinal)))
            {
                opportunity.Evidence = JsonSerializer.Serialize(redacted, Json);
                evidence++;
                changed = true;
            }

            if (changed)
            {
                opportunity.RowVersion = Guid.NewGuid();
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return $"{reasons} dismiss reason(s) cleared and {evidence} opportunity evidence(s) freed of the person's names; " +
            $"the {rows.Count} opportunities stay, with their rule, stage, score, value and dates, so the rules' conversion figures and dismissals hold.";
    }
}

/// <summary>Finding and replacing a person's names and e-mail addresses in free text.</summary>
internal static class Mentions
{
    /// <summary>The mentions to look for, longest first (a full name before its parts).</summary>
    /// <param name="texts">Names and addresses.</param>
    public static List<string> Of(IEnumerable<string> texts) =>
        [.. texts.Where(m => !string.IsNullOrWhiteSpace(m)).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(m => m.Length)];

    /// <summary>The text with every mention replaced.</summary>
    /// <param name="text">The text.</param>
    /// <param name="mentions">The mentions, longest first.</param>
    /// <param name="replacement">What replaces them.</param>
    public static string Redact(string text, IReadOnlyList<string> mentions, string replacement) =>
        mentions.Aggregate(text, (current, mention) => current.Replace(mention, replacement, StringComparison.OrdinalIgnoreCase));
}
