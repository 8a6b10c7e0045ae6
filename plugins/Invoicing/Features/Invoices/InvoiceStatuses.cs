using CrmBlazor.Plugins.Invoicing.Data;

namespace CrmBlazor.Plugins.Invoicing.Features.Invoices;

/// <summary>The payment state of issued invoices, and the names users see.</summary>
public static class InvoiceStatuses
{
    /// <summary>
    /// The state an issued invoice is in: cancelled when credit notes cover its whole amount; paid when
    /// payments and credit notes cover it; overdue after the due date while something is owed; partly
    /// paid after a first payment; issued otherwise. Drafts stay drafts; issued credit notes stay issued.
    /// </summary>
    /// <param name="invoice">The invoice.</param>
    /// <param name="today">Today.</param>
    public static InvoiceStatus Evaluate(Invoice invoice, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (invoice.Status == InvoiceStatus.Draft || invoice.Kind == InvoiceKind.CreditNote)
        {
            return invoice.Status;
        }

        if (invoice.CreditedTotal >= invoice.GrossTotal)
        {
            return InvoiceStatus.Cancelled;
        }

        if (invoice.PaidTotal + invoice.CreditedTotal >= invoice.GrossTotal)
        {
            return InvoiceStatus.Paid;
        }

        if (invoice.DueDate is { } due && due < today)
        {
            return InvoiceStatus.Overdue;
        }

        return invoice.PaidTotal > 0 ? InvoiceStatus.PartlyPaid : InvoiceStatus.Issued;
    }

    /// <summary>The name of a state (a resource key).</summary>
    /// <param name="status">The state.</param>
    public static string Title(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Draft => "Draft",
        InvoiceStatus.Issued => "Issued",
        InvoiceStatus.PartlyPaid => "Partly paid",
        InvoiceStatus.Paid => "Paid",
        InvoiceStatus.Overdue => "Overdue",
        InvoiceStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };

    /// <summary>The name of a kind (a resource key).</summary>
    /// <param name="kind">The kind.</param>
    public static string Title(InvoiceKind kind) => kind switch
    {
        InvoiceKind.Invoice => "Invoice",
        InvoiceKind.CreditNote => "Credit note",
        _ => kind.ToString(),
    };

    /// <summary>The name of a grouping (a resource key).</summary>
    /// <param name="grouping">The grouping.</param>
    public static string Title(TimeGrouping grouping) => grouping switch
    {
        TimeGrouping.Task => "By task",
        TimeGrouping.Person => "By person",
        TimeGrouping.Day => "By day",
        _ => grouping.ToString(),
    };
}
