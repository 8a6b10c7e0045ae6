namespace CrmBlazor.Plugins.Upsell.Data;

/// <summary>One evaluation of every enabled rule, with its figures for admins.</summary>
[CrmBlazor.Sdk.Data.NotAudited]
public sealed class EvaluationRun
{
    public long Id { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>When it ended; null while it runs, or when the host stopped it (a retry is a new run).</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Percent of the enabled rules done.</summary>
    public int Progress { get; set; }

    /// <summary>Distinct customers a rule found or that had an open opportunity the run looked at again.</summary>
    public int CustomersScanned { get; set; }

    /// <summary>Per rule: its hits (best per customer), or its error; a JSON array of <c>RuleOutcome</c>.</summary>
    public string RuleOutcomes { get; set; } = "[]";

    public int Opened { get; set; }

    public int Updated { get; set; }

    public int Closed { get; set; }

    /// <summary>The first rule's error, if any failed (the others ran on).</summary>
    public string? Error { get; set; }
}

/// <summary>A hit of a run, staged so the opportunities are brought up to date in a few statements; removed in the same transaction.</summary>
[CrmBlazor.Sdk.Data.NotAudited]
public sealed class StagedHit
{
    public long RunId { get; set; }

    public string RuleId { get; set; } = "";

    public long CustomerId { get; set; }

    public string SituationKey { get; set; } = "";

    public double Score { get; set; }

    public string Evidence { get; set; } = "{}";

    public decimal? EstimatedValue { get; set; }

    public string? Currency { get; set; }

    public string? AccountManagerUserId { get; set; }
}
