using CrmBlazor.Sdk.Data;
using CrmBlazor.Sdk.Projects;

namespace CrmBlazor.Plugins.Projects.Data;

/// <summary>
/// A budget threshold a project crossed, for which the event was published. While it is not cleared,
/// the same threshold is not reported again; it is cleared when the use falls below the threshold
/// again (the budget was raised), so that crossing it anew is reported anew. At most one uncleared
/// crossing per project, measure and threshold (a unique index), so two checks at once cannot both
/// publish.
/// </summary>
[NotAudited]
public sealed class BudgetCrossing
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public BudgetMeasure Measure { get; set; }

    public int ThresholdPercent { get; set; }

    /// <summary>The budget when the threshold was crossed.</summary>
    public decimal Budget { get; set; }

    /// <summary>What was used when the threshold was crossed.</summary>
    public decimal Used { get; set; }

    public DateTimeOffset CrossedAt { get; set; }

    /// <summary>When the use was found below the threshold again; null while the crossing stands.</summary>
    public DateTimeOffset? ClearedAt { get; set; }
}
