using System.Globalization;
using CrmBlazor.Plugins.Upsell.Data;
using CrmBlazor.Plugins.Upsell.Features.Opportunities;
using CrmBlazor.Plugins.Upsell.Features.Rules;
using CrmBlazor.Sdk.Events;
using CrmBlazor.Sdk.Timeline;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Upsell.Features.Timeline;

/// <summary>
/// The plugin's entries on customers' timelines: an opportunity opened by the evaluation, and won, lost or
/// dismissed by a user. The facts travel as domain events stored in the same transaction as the change
/// (the evaluation's per-rule transaction, a user's save), so a crash between the two writes loses no entry;
/// each entry has its opportunity's key, so a repeated delivery, a retried run or two overlapping runs
/// replace the entry rather than add one.
/// </summary>
/// <remarks>
/// Timeline text is stored once for every reader (the timeline has no per-reader text), so titles are in
/// English, as the other plugins' are; the kind's name is translated.
/// </remarks>
public static class OpportunityTimeline
{
    /// <summary>The evaluation opened an opportunity.</summary>
    public const string OpenedKind = "upsell.opportunity-opened";

    /// <summary>A user won an opportunity.</summary>
    public const string WonKind = "upsell.opportunity-won";

    /// <summary>A user lost an opportunity.</summary>
    public const string LostKind = "upsell.opportunity-lost";

    /// <summary>A user dismissed an opportunity.</summary>
    public const string DismissedKind = "upsell.opportunity-dismissed";

    /// <summary>At most this many opportunities per opened event, so a run that opens thousands stores a few small events.</summary>
    public const int OpenedPerEvent = 500;

    /// <summary>The kinds the plugin declares.</summary>
    public static IReadOnlyList<TimelineKind> Kinds { get; } =
    [
        new(OpenedKind, "Upsell opportunity opened", MudBlazor.Icons.Material.Filled.TrendingUp),
        new(WonKind, "Upsell opportunity won", MudBlazor.Icons.Material.Filled.EmojiEvents),
        new(LostKind, "Upsell opportunity lost", MudBlazor.Icons.Material.Filled.TrendingDown),
        new(DismissedKind, "Upsell opportunity dismissed", MudBlazor.Icons.Material.Filled.DoNotDisturbOn),
    ];

    /// <summary>The key of an opportunity's opening entry.</summary>
    /// <param name="opportunityId">The opportunity.</param>
    public static string OpenedKey(long opportunityId) => string.Create(CultureInfo.InvariantCulture, $"upsell.opportunity:{opportunityId}:opened");

    /// <summary>The key of an opportunity's closing entry (an opportunity is closed once).</summary>
    /// <param name="opportunityId">The opportunity.</param>
    public static string ClosedKey(long opportunityId) => string.Create(CultureInfo.InvariantCulture, $"upsell.opportunity:{opportunityId}:closed");

    /// <summary>The link of an opportunity's page.</summary>
    /// <param name="opportunityId">The opportunity.</param>
    public static string LinkOf(long opportunityId) => string.Create(CultureInfo.InvariantCulture, $"/upsell/opportunities/{opportunityId}");

    /// <summary>Runs <paramref name="write"/> with English as the culture, for text stored once for every reader.</summary>
    /// <param name="write">What writes the text.</param>
    internal static async Task InEnglishAsync(Func<Task> write)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            await write();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }
}

/// <summary>The evaluation opened these opportunities (published in the rule's transaction, at most <see cref="OpportunityTimeline.OpenedPerEvent"/> each).</summary>
/// <param name="OpportunityIds">The opportunities.</param>
[DomainEvent("upsell.opportunities-opened")]
public sealed record OpportunitiesOpened(IReadOnlyList<long> OpportunityIds) : IDomainEvent;

/// <summary>A user closed an opportunity: won, lost or dismissed.</summary>
/// <param name="OpportunityId">The opportunity.</param>
/// <param name="Closure">Why it was closed.</param>
[DomainEvent("upsell.opportunity-closed")]
public sealed record OpportunityClosedByUser(long OpportunityId, OpportunityClosure Closure) : IDomainEvent;

/// <summary>
/// Puts newly opened opportunities on their customers' timelines: one query for the event's opportunities, then
/// one <see cref="ITimeline.RecordAsync"/> each (the timeline offers no bulk write). An opportunity closed
/// meanwhile still gets its entry: it was opened.
/// </summary>
public sealed class OpportunitiesOpenedTimelineHandler(IDbContextFactory<UpsellDbContext> contexts, OpportunityService opportunities, UpsellRuleCatalogue rules, ITimeline timeline)
    : IDomainEventHandler<OpportunitiesOpened>
{
    /// <inheritdoc />
    public async Task HandleAsync(OpportunitiesOpened domainEvent, DomainEventContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        ArgumentNullException.ThrowIfNull(context);
        var ids = domainEvent.OpportunityIds.ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var opened = await db.Opportunities.AsNoTracking().Where(o => ids.Contains(o.Id)).OrderBy(o => o.Id).ToListAsync(cancellationToken);
        await OpportunityTimeline.InEnglishAsync(async () =>
        {
            foreach (var opportunity in opened)
            {
                await timeline.RecordAsync(new TimelineEntry(
                    opportunity.CustomerId,
                    OpportunityTimeline.OpenedKind,
                    OpportunityTimeline.OpenedKey(opportunity.Id),
                    opportunity.OpenedAt,
                    string.Create(CultureInfo.InvariantCulture, $"Upsell opportunity: {rules.Find(opportunity.RuleId)?.Name ?? opportunity.RuleId}, score {opportunity.Score:0}"),
                    opportunities.Explain(opportunity).Reason,
                    OpportunityTimeline.LinkOf(opportunity.Id)), cancellationToken);
            }
        });
    }
}

/// <summary>Puts an opportunity a user won, lost or dismissed on its customer's timeline.</summary>
public sealed class OpportunityClosedTimelineHandler(IDbContextFactory<UpsellDbContext> contexts, UpsellRuleCatalogue rules, ITimeline timeline)
    : IDomainEventHandler<OpportunityClosedByUser>
{
    /// <inheritdoc />
    public async Task HandleAsync(OpportunityClosedByUser domainEvent, DomainEventContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        ArgumentNullException.ThrowIfNull(context);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Opportunities.AsNoTracking().FirstOrDefaultAsync(o => o.Id == domainEvent.OpportunityId, cancellationToken) is not { } opportunity)
        {
            return;
        }

        await OpportunityTimeline.InEnglishAsync(async () =>
        {
            var rule = rules.Find(opportunity.RuleId)?.Name ?? opportunity.RuleId;
            var (kind, title, summary) = domainEvent.Closure switch
            {
                OpportunityClosure.Won => (OpportunityTimeline.WonKind, $"Upsell opportunity won: {rule}", (string?)null),
                OpportunityClosure.Lost => (OpportunityTimeline.LostKind, $"Upsell opportunity lost: {rule}", null),
                // Not the dismiss reason: free text that may name people, kept only on the opportunity (where
                // erasure reaches it and only those who work it read it).
                _ => (OpportunityTimeline.DismissedKind, $"Upsell opportunity dismissed: {rule}", null),
            };
            await timeline.RecordAsync(new TimelineEntry(
                opportunity.CustomerId, kind, OpportunityTimeline.ClosedKey(opportunity.Id), opportunity.ClosedAt ?? context.OccurredAt, title, summary,
                OpportunityTimeline.LinkOf(opportunity.Id)), cancellationToken);
        });
    }
}
