using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Sdk.Invoicing;

namespace CrmBlazor.Plugins.Invoicing.Features.Invoices;

/// <summary>The names users see of states, kinds and groupings (the state itself is computed by <see cref="Invoice.RefreshStatus"/>).</summary>
public static class InvoiceStatuses
{
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
