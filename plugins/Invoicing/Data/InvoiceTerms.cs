namespace CrmBlazor.Plugins.Invoicing.Data;

/// <summary>How an invoice's time becomes lines (chosen per invoice). Stored as these numbers.</summary>
public enum TimeGrouping
{
    /// <summary>One line per project and task (and rate).</summary>
    Task = 0,

    /// <summary>One line per person and project (and rate).</summary>
    Person = 1,

    /// <summary>One line per day and project (and rate).</summary>
    Day = 2,
}

/// <summary>What a line bills. Stored as these numbers, which never change.</summary>
public enum LineKind
{
    /// <summary>Time entries, grouped (see <see cref="TimeGrouping"/>); listed one by one in the annex.</summary>
    Time = 0,

    /// <summary>A fixed fee: quantity × unit price.</summary>
    Fee = 1,

    /// <summary>A discount: a negative amount under a tax profile.</summary>
    Discount = 2,
}

/// <summary>Where a monthly invoice run stands.</summary>
public enum InvoiceRunStatus
{
    /// <summary>Making drafts.</summary>
    Running = 0,

    /// <summary>Every customer was handled.</summary>
    Completed = 1,

    /// <summary>Stopped by an error; the next run of the same month carries on.</summary>
    Failed = 2,
}
