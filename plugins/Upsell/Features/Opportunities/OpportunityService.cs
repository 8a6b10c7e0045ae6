using CrmBlazor.Plugins.Upsell.Data;
using CrmBlazor.Plugins.Upsell.Features.Evaluation;
using CrmBlazor.Plugins.Upsell.Features.Rules;
using CrmBlazor.Plugins.Upsell.Features.Shared;
using CrmBlazor.Plugins.Upsell.Features.Timeline;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Data;
using CrmBlazor.Sdk.Upsell;
using CrmBlazor.Sdk.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CrmBlazor.Plugins.Upsell.Features.Opportunities;

/// <summary>
/// Reads and works opportunities for the pipeline, the list and the opportunity page. Every read and change
/// is narrowed to what the user may see (<see cref="UpsellAccess"/>): a manager all, an account manager their
/// customers' and their own.
/// </summary>
public sealed class OpportunityService(
    IDbContextFactory<UpsellDbContext> contexts,
    UpsellAccess access,
    UpsellRuleCatalogue rules,
    ICustomerDirectory customers,
    IUserDirectory users,
    TimeProvider clock,
    IStringLocalizer<UpsellResources> L)
{
    /// <summary>The stages a card can be moved to with <see cref="MoveAsync"/> (dismissing has its own form).</summary>
    public static IReadOnlyList<OpportunityStage> MoveTargets { get; } =
        [OpportunityStage.New, OpportunityStage.Contacted, OpportunityStage.Proposal, OpportunityStage.Won, OpportunityStage.Lost];

    private static readonly Problem Changed = new("Someone else changed this opportunity meanwhile. Nothing was saved: reload and try again.");

    /// <summary>A page of the opportunities the user may see, best score first.</summary>
    /// <param name="filter">Which.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<OpportunityList> ListAsync(OpportunityFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Filtered(await access.VisibleAsync(db.Opportunities.AsNoTracking(), cancellationToken), filter);
        var total = await query.CountAsync(cancellationToken);
        var size = Math.Clamp(filter.PageSize, 1, 100);
        var page = await query.OrderByDescending(o => o.Score).ThenByDescending(o => o.Id)
            .Skip(Math.Max(0, filter.Page) * size).Take(size).ToListAsync(cancellationToken);
        return new OpportunityList(await CardsAsync(page, cancellationToken), total);
    }

    /// <summary>
    /// The board: per stage, the opportunities the user may see, best score first, at most
    /// <paramref name="perStage"/> each; won, lost and dismissed ones of the last 90 days.
    /// </summary>
    /// <param name="filter">Rule and owner to narrow to (stage and paging are ignored).</param>
    /// <param name="perStage">At most this many per stage.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyDictionary<OpportunityStage, IReadOnlyList<OpportunityCard>>> BoardAsync(OpportunityFilter filter, int perStage = 50, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visible = Filtered(await access.VisibleAsync(db.Opportunities.AsNoTracking(), cancellationToken), new OpportunityFilter { RuleId = filter.RuleId, OwnerUserId = filter.OwnerUserId, CustomerId = filter.CustomerId });
        var since = clock.GetUtcNow().AddDays(-90);
        var board = new Dictionary<OpportunityStage, IReadOnlyList<OpportunityCard>>();
        var all = new List<(OpportunityStage Stage, List<Opportunity> Rows)>();
        foreach (var stage in Enum.GetValues<OpportunityStage>())
        {
            var rows = stage is OpportunityStage.New or OpportunityStage.Contacted or OpportunityStage.Proposal
                ? visible.Where(o => o.Stage == stage && o.ClosedAt == null)
                : visible.Where(o => o.Stage == stage && o.ClosedAt != null && o.ClosedAt >= since);
            all.Add((stage, await rows.OrderByDescending(o => o.Score).ThenByDescending(o => o.Id).Take(perStage).ToListAsync(cancellationToken)));
        }

        var cards = (await CardsAsync([.. all.SelectMany(s => s.Rows)], cancellationToken)).ToDictionary(c => c.Id);
        foreach (var (stage, rows) in all)
        {
            board[stage] = [.. rows.Select(r => cards[r.Id])];
        }

        return board;
    }

    /// <summary>An opportunity with its explanation, or null when there is none the user may see.</summary>
    /// <param name="id">The opportunity.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<OpportunityDetails?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var opportunity = await (await access.VisibleAsync(db.Opportunities.AsNoTracking(), cancellationToken)).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (opportunity is null)
        {
            return null;
        }

        var card = (await CardsAsync([opportunity], cancellationToken))[0];
        return new OpportunityDetails(card, Explain(opportunity), opportunity.OwnerUserId, opportunity.DismissReason, opportunity.SnoozedUntil,
            opportunity.ClosedAt, opportunity.SituationKey, await access.CanManageAsync(cancellationToken), opportunity.EvaluatedAt);
    }

    /// <summary>Moves an open opportunity to another stage; won and lost close it.</summary>
    /// <param name="id">The opportunity.</param>
    /// <param name="stage">The stage (not dismissed: see <see cref="DismissAsync"/>).</param>
    /// <param name="version">The version the user saw.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> MoveAsync(long id, OpportunityStage stage, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<Opportunity>()
            .Allow(access.CanViewAsync)
            .Load(ct => db.Opportunities.FirstOrDefaultAsync(o => o.Id == id, ct))
            .AllowFor(access.CanWorkAsync)
            .Check(o => !MoveTargets.Contains(stage) ? new Problem("Choose a stage to move the opportunity to.")
                : !o.IsOpen ? new Problem("The opportunity is closed; it cannot be moved.")
                : null)
            .Expect(version)
            .Apply(o =>
            {
                o.Stage = stage;
                if (stage is OpportunityStage.Won or OpportunityStage.Lost)
                {
                    Close(o, stage == OpportunityStage.Won ? OpportunityClosure.Won : OpportunityClosure.Lost);
                    db.Publish(new OpportunityClosedByUser(o.Id, o.ClosedBecause!.Value));
                }
            })
            .ResultId(o => o.Id)
            .SaveAsync(Changed, cancellationToken);
    }

    /// <summary>Dismisses an open opportunity with a reason; its situation stays away until the snooze ends, or for good without one.</summary>
    /// <param name="id">The opportunity.</param>
    /// <param name="input">Why, and until when.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> DismissAsync(long id, DismissInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<Opportunity>()
            .Allow(access.CanViewAsync)
            .Validate(input, errors =>
            {
                if (input.SnoozedUntil is { } day && day <= today)
                {
                    errors[nameof(DismissInput.SnoozedUntil)] = [new Problem("Snooze until a day after today, or leave it empty to dismiss for good.")];
                }
            })
            .Load(ct => db.Opportunities.FirstOrDefaultAsync(o => o.Id == id, ct))
            .AllowFor(access.CanWorkAsync)
            .Check(o => !o.IsOpen ? new Problem("The opportunity is closed; it cannot be moved.") : null)
            .Expect(input.RowVersion)
            .Apply(o =>
            {
                o.Stage = OpportunityStage.Dismissed;
                o.DismissReason = input.Reason!.Trim();
                o.SnoozedUntil = input.SnoozedUntil;
                Close(o, OpportunityClosure.Dismissed);
                db.Publish(new OpportunityClosedByUser(o.Id, OpportunityClosure.Dismissed));
            })
            .ResultId(o => o.Id)
            .SaveAsync(Changed, cancellationToken);
    }

    /// <summary>Changes who works an opportunity and what it could be worth; an account manager may only take it or leave it to nobody.</summary>
    /// <param name="id">The opportunity.</param>
    /// <param name="input">Owner and value.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> EditAsync(long id, OpportunityInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var manager = await access.CanManageAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<Opportunity>()
            .Allow(access.CanViewAsync)
            .Validate(input, async (errors, ct) =>
            {
                if (input.EstimatedValue is not null && input.Currency is null)
                {
                    errors[nameof(OpportunityInput.Currency)] = [new Problem("Enter a three-letter currency code such as EUR.")];
                }

                if (input.OwnerUserId is { } owner && (await users.GetManyAsync([owner], ct)).Count == 0)
                {
                    errors[nameof(OpportunityInput.OwnerUserId)] = [new Problem("Choose an owner from the list.")];
                }
                else if (!manager && input.OwnerUserId is { } other && other != access.UserId)
                {
                    errors[nameof(OpportunityInput.OwnerUserId)] = [new Problem("Only a manager gives an opportunity to someone else.")];
                }
            })
            .Load(ct => db.Opportunities.FirstOrDefaultAsync(o => o.Id == id, ct))
            .AllowFor(access.CanWorkAsync)
            .Expect(input.RowVersion)
            .Apply(o =>
            {
                o.OwnerUserId = input.OwnerUserId;
                if (o.EstimatedValue != input.EstimatedValue || o.Currency != (input.EstimatedValue is null ? null : input.Currency))
                {
                    o.EstimatedValue = input.EstimatedValue;
                    o.Currency = input.EstimatedValue is null ? null : input.Currency;
                    o.ValueSetByUser = true;
                }
            })
            .ResultId(o => o.Id)
            .SaveAsync(Changed, cancellationToken);
    }

    /// <summary>An opportunity's reason and evidence in the reader's language, by the rule that found it.</summary>
    /// <param name="opportunity">The opportunity.</param>
    public UpsellExplanation Explain(Opportunity opportunity)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        var evidence = UpsellEvaluator.EvidenceOf(opportunity);
        return rules.Find(opportunity.RuleId) is { } rule
            ? rule.Explain(evidence)
            : new UpsellExplanation(L["The rule {0} is no longer offered by a loaded plugin.", opportunity.RuleId], [.. evidence.Values.Select(v => new UpsellEvidenceLine(v.Key, v.Value))]);
    }

    private void Close(Opportunity opportunity, OpportunityClosure closure)
    {
        opportunity.ClosedAt = clock.GetUtcNow();
        opportunity.ClosedBecause = closure;
        opportunity.ClosedByUserId = access.UserId;
    }

    private static IQueryable<Opportunity> Filtered(IQueryable<Opportunity> query, OpportunityFilter filter)
    {
        if (filter.Stage is { } stage)
        {
            query = query.Where(o => o.Stage == stage);
        }

        if (!string.IsNullOrEmpty(filter.RuleId))
        {
            query = query.Where(o => o.RuleId == filter.RuleId);
        }

        if (!string.IsNullOrEmpty(filter.OwnerUserId))
        {
            query = query.Where(o => o.OwnerUserId == filter.OwnerUserId);
        }

        if (filter.CustomerId is { } customer)
        {
            query = query.Where(o => o.CustomerId == customer);
        }

        return filter.OpenOnly ? query.Where(o => o.ClosedAt == null) : query;
    }

    /// <summary>Opportunities as cards: customer and owner names in two queries, the reason in the reader's language.</summary>
    /// <param name="rows">The opportunities, in the order to keep.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    internal async Task<List<OpportunityCard>> CardsAsync(List<Opportunity> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var names = await customers.GetManyAsync([.. rows.Select(r => r.CustomerId).Distinct()], cancellationToken);
        var ownerIds = rows.Where(r => r.OwnerUserId is not null).Select(r => r.OwnerUserId!).Distinct().ToList();
        var owners = ownerIds.Count == 0 ? new Dictionary<string, UserSummary>() : await users.GetManyAsync(ownerIds, cancellationToken);
        return [.. rows.Select(o => new OpportunityCard(
            o.Id,
            o.CustomerId,
            names.TryGetValue(o.CustomerId, out var c) ? c.Name : "#" + o.CustomerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            o.RuleId,
            rules.Find(o.RuleId)?.Name ?? o.RuleId,
            Explain(o).Reason,
            o.Stage,
            o.ClosedBecause,
            o.Score,
            o.EstimatedValue,
            o.Currency,
            o.OwnerUserId is { } owner && owners.TryGetValue(owner, out var u) ? u.Name : null,
            o.OpenedAt,
            o.RowVersion))];
    }
}
