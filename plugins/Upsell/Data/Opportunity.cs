using CrmBlazor.Sdk.Data;

namespace CrmBlazor.Plugins.Upsell.Data;

/// <summary>Where an opportunity stands in the pipeline.</summary>
public enum OpportunityStage
{
    New,
    Contacted,
    Proposal,
    Won,
    Lost,
    Dismissed,
}

/// <summary>Why an opportunity was closed: by a user's stage, or by the evaluation because the rule no longer finds it.</summary>
public enum OpportunityClosure
{
    Won,
    Lost,
    Dismissed,
    Resolved,
}

/// <summary>
/// A customer a rule found likely to buy more. At most one is open (<see cref="ClosedAt"/> null) per
/// customer and rule (a unique filtered index, on both providers), so evaluations that overlap or are
/// retried cannot open a second. The evaluation keeps an open one's score, evidence and value current,
/// closes it as <see cref="OpportunityClosure.Resolved"/> when the rule no longer finds its situation, and
/// opens a new one when the situation recurs; one a user won, lost or dismissed is not opened again for
/// the same <see cref="SituationKey"/> (a dismissed one returns once <see cref="SnoozedUntil"/> has passed).
/// </summary>
public sealed class Opportunity : IVersionedEntity
{
    public long Id { get; set; }

    public long CustomerId { get; set; }

    /// <summary>The <c>IUpsellRule.Id</c> that found it.</summary>
    public string RuleId { get; set; } = "";

    /// <summary>The situation within customer and rule (<c>project:17</c>).</summary>
    public string SituationKey { get; set; } = "";

    public OpportunityStage Stage { get; set; }

    /// <summary>The rule's score, 0 to 100, as of the last evaluation that found it.</summary>
    public double Score { get; set; }

    /// <summary>The hit's evidence as a JSON object of invariant strings, put into words by the rule.</summary>
    public string Evidence { get; set; } = "{}";

    public decimal? EstimatedValue { get; set; }

    public string? Currency { get; set; }

    /// <summary>Whether a user set the value: the evaluation then leaves it alone.</summary>
    public bool ValueSetByUser { get; set; }

    /// <summary>Who works it; the customer's account manager when it was opened, until someone changes it.</summary>
    public string? OwnerUserId { get; set; }

    /// <summary>The customer's account manager as of the last evaluation: they see it with <c>upsell.view</c>.</summary>
    public string? AccountManagerUserId { get; set; }

    public string? DismissReason { get; set; }

    /// <summary>For a dismissed one, the day until which the same situation stays away; null: for good.</summary>
    public DateOnly? SnoozedUntil { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    /// <summary>When the last evaluation found it.</summary>
    public DateTimeOffset EvaluatedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public OpportunityClosure? ClosedBecause { get; set; }

    /// <summary>Who closed it, or null when the evaluation resolved it.</summary>
    public string? ClosedByUserId { get; set; }

    public Guid RowVersion { get; set; }

    /// <summary>Whether it is still in the pipeline.</summary>
    public bool IsOpen => ClosedAt is null;
}
