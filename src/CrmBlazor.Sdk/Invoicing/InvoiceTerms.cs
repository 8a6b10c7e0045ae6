namespace CrmBlazor.Sdk.Invoicing;

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
