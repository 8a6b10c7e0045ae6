using CrmBlazor.Plugins.Upsell.Data;
using CrmBlazor.Sdk.Upsell;

namespace CrmBlazor.Plugins.Upsell.Features.Opportunities;

/// <summary>Which opportunities a list or board shows.</summary>
public sealed class OpportunityFilter
{
    /// <summary>Only this stage, or null for all.</summary>
    public OpportunityStage? Stage { get; set; }

    /// <summary>Only this rule's, or null.</summary>
    public string? RuleId { get; set; }

    /// <summary>Only this owner's, or null.</summary>
    public string? OwnerUserId { get; set; }

    /// <summary>Only this customer's, or null.</summary>
    public long? CustomerId { get; set; }

    /// <summary>Only open ones.</summary>
    public bool OpenOnly { get; set; }

    /// <summary>The page, from 0.</summary>
    public int Page { get; set; }

    /// <summary>Rows per page (1 to 100).</summary>
    public int PageSize { get; set; } = 25;
}

/// <summary>An opportunity as a card or a row shows it.</summary>
/// <param name="Id">The opportunity.</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="CustomerName">The customer's name.</param>
/// <param name="RuleId">The rule.</param>
/// <param name="RuleName">The rule's name in the reader's language (the id when no loaded plugin offers it).</param>
/// <param name="Reason">The rule's reason in the reader's language.</param>
/// <param name="Stage">The stage.</param>
/// <param name="Closure">Why it was closed, or null while open.</param>
/// <param name="Score">The score.</param>
/// <param name="EstimatedValue">The value, or null.</param>
/// <param name="Currency">Its currency.</param>
/// <param name="OwnerName">Who works it, or null.</param>
/// <param name="OpenedAt">When it was opened.</param>
/// <param name="RowVersion">Its version, to move it.</param>
public sealed record OpportunityCard(
    long Id,
    long CustomerId,
    string CustomerName,
    string RuleId,
    string RuleName,
    string Reason,
    OpportunityStage Stage,
    OpportunityClosure? Closure,
    double Score,
    decimal? EstimatedValue,
    string? Currency,
    string? OwnerName,
    DateTimeOffset OpenedAt,
    Guid RowVersion);

/// <summary>A page of opportunities.</summary>
/// <param name="Rows">The page's rows, best score first.</param>
/// <param name="Total">How many match the filter.</param>
public sealed record OpportunityList(IReadOnlyList<OpportunityCard> Rows, int Total);

/// <summary>An opportunity with everything its page shows.</summary>
/// <param name="Card">What the card shows.</param>
/// <param name="Explanation">Why: the rule's reason and evidence lines, in the reader's language.</param>
/// <param name="OwnerUserId">The owner's user id.</param>
/// <param name="DismissReason">Why it was dismissed.</param>
/// <param name="SnoozedUntil">Until when the situation stays away.</param>
/// <param name="ClosedAt">When it was closed.</param>
/// <param name="SituationKey">The situation.</param>
/// <param name="CanManage">Whether the reader manages every opportunity (and may give it to anyone).</param>
/// <param name="EvaluatedAt">When an evaluation last found its situation (for one being worked, the numbers may have moved since).</param>
public sealed record OpportunityDetails(
    OpportunityCard Card,
    UpsellExplanation Explanation,
    string? OwnerUserId,
    string? DismissReason,
    DateOnly? SnoozedUntil,
    DateTimeOffset? ClosedAt,
    string SituationKey,
    bool CanManage,
    DateTimeOffset EvaluatedAt);
