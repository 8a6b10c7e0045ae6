using CrmBlazor.Sdk.Data;

namespace CrmBlazor.Plugins.Invoicing.Data;

/// <summary>A monthly invoice run: one per month, with counts the UI polls to show progress.</summary>
[NotAudited]
public sealed class InvoiceRun
{
    public long Id { get; set; }

    /// <summary>The first day of the month billed.</summary>
    public DateOnly PeriodStart { get; set; }

    public InvoiceRunStatus Status { get; set; }

    /// <summary>Customers with unbilled time in the month.</summary>
    public int Total { get; set; }

    /// <summary>Customers handled so far.</summary>
    public int Done { get; set; }

    /// <summary>Drafts made by this month's runs.</summary>
    public int Drafted { get; set; }

    /// <summary>Customers that could not be drafted (see <see cref="Message"/>).</summary>
    public int Skipped { get; set; }

    public string? Message { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>
    /// Whether each draft of the month's runs is e-mailed to the customer when an accountant issues it
    /// (chosen when the run is started by hand; a scheduled run keeps the month's choice, off at first).
    /// </summary>
    public bool SendOnIssue { get; set; }
}
