using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Sdk.Invoicing;

namespace CrmBlazor.Plugins.Invoicing.Features.Facts;

/// <summary>
/// Which documents count for revenue and for what is owed, written once for the facts other plugins
/// read (<see cref="InvoiceFactsSource"/>) and the dashboard (<c>InvoicedAndPaid</c>). These are
/// query filters, so every figure is summed by the database (EF Core runs decimal sums on SQLite too).
/// </summary>
internal static class InvoiceAmounts
{
    /// <summary>
    /// The documents that make revenue: issued invoices and credit notes, except cancelled invoices
    /// and the credit notes that cancelled them (the pair nets to nothing; counting both would move
    /// revenue between months for an invoice that never stood).
    /// </summary>
    /// <param name="invoices">All documents.</param>
    public static IQueryable<Invoice> Revenue(IQueryable<Invoice> invoices) =>
        invoices.Where(i => i.Status != InvoiceStatus.Draft && i.Status != InvoiceStatus.Cancelled && i.IssueDate != null
            && (i.CreditedInvoiceId == null || !invoices.Any(c => c.Id == i.CreditedInvoiceId && c.Status == InvoiceStatus.Cancelled)));

    /// <summary>
    /// The issued invoices something is still owed on. Their <see cref="Invoice.Outstanding"/> is
    /// <c>GrossTotal - CreditedTotal - PaidTotal</c> and positive (the status becomes paid or cancelled
    /// once payments and credit notes cover the invoice), so the database sums it without a clamp.
    /// </summary>
    /// <param name="invoices">All documents.</param>
    public static IQueryable<Invoice> Owed(IQueryable<Invoice> invoices) =>
        invoices.Where(i => i.Kind == InvoiceKind.Invoice && OwedStatuses.Contains(i.Status));

    /// <summary>The states of an issued invoice something is still owed on (see <see cref="Owed"/>).</summary>
    public static readonly InvoiceStatus[] OwedStatuses = [InvoiceStatus.Issued, InvoiceStatus.PartlyPaid, InvoiceStatus.Overdue];
}
