namespace CrmBlazor.Plugins.Invoicing.Data;

/// <summary>An invoice, or a credit note that corrects one. Stored as these numbers, which never change.</summary>
public enum InvoiceKind
{
    /// <summary>An invoice.</summary>
    Invoice = 0,

    /// <summary>A credit note: cancels all or part of an issued invoice.</summary>
    CreditNote = 1,
}

/// <summary>Where a document stands. Stored as these numbers, which never change.</summary>
public enum InvoiceStatus
{
    /// <summary>Being prepared: no number, every part can change.</summary>
    Draft = 0,

    /// <summary>Issued with a number and not paid yet (a credit note stays here once issued).</summary>
    Issued = 1,

    /// <summary>Issued, with payments that do not cover it yet, before the due date.</summary>
    PartlyPaid = 2,

    /// <summary>Payments and credit notes cover the whole amount.</summary>
    Paid = 3,

    /// <summary>The due date passed and something is still owed.</summary>
    Overdue = 4,

    /// <summary>Credit notes cover the whole amount: nothing is owed and nothing was paid.</summary>
    Cancelled = 5,
}

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
