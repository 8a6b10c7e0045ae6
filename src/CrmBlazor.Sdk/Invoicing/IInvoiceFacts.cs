namespace CrmBlazor.Sdk.Invoicing;

/// <summary>
/// Facts about invoices for other plugins (upsell detection, reports): invoiced revenue per customer
/// and month, and what each customer owes. Every method runs one grouped query over all the customers
/// asked for, so it is fit for a nightly scoring job over the whole database. Amounts in different
/// currencies are never added: every figure carries its ISO 4217 currency. Offered by the invoicing
/// plugin; absent when it is not loaded. Serves the calling plugin's services and jobs, which check
/// their own permissions.
/// </summary>
public interface IInvoiceFacts
{
    /// <summary>
    /// Net revenue per customer, calendar month (of the issue date) and currency: issued invoices less
    /// issued credit notes. Drafts are left out, and so are cancelled invoices (credit notes cover them
    /// whole) together with the credit notes that cancelled them. Months without invoices are absent.
    /// </summary>
    /// <param name="query">The months and, optionally, the customers.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The rows by customer, month and currency.</returns>
    Task<IReadOnlyList<MonthlyRevenue>> GetMonthlyRevenueAsync(RevenueQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Per customer and currency: what is owed on issued invoices, the part of it that is overdue, and
    /// the last invoice's issue date. Customers without issued invoices are absent.
    /// </summary>
    /// <param name="customerIds">Only these customers, or null for all.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The rows by customer and currency.</returns>
    Task<IReadOnlyList<CustomerBalance>> GetBalancesAsync(IReadOnlyCollection<long>? customerIds = null, CancellationToken cancellationToken = default);
}

/// <summary>Which revenue to return.</summary>
/// <param name="FromMonth">The first month (any day of it).</param>
/// <param name="ToMonth">The last month, included (any day of it).</param>
/// <param name="CustomerIds">Only these customers, or null for all.</param>
public sealed record RevenueQuery(DateOnly FromMonth, DateOnly ToMonth, IReadOnlyCollection<long>? CustomerIds = null);

/// <summary>A customer's net revenue in one month and currency.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Month">The month's first day.</param>
/// <param name="Currency">The ISO 4217 currency code.</param>
/// <param name="Net">Net amount of the invoices issued in the month less the credit notes issued in it (may be negative).</param>
/// <param name="Invoices">How many invoices were issued in the month (credit notes not counted).</param>
public sealed record MonthlyRevenue(long CustomerId, DateOnly Month, string Currency, decimal Net, int Invoices);

/// <summary>What a customer owes in one currency.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Currency">The ISO 4217 currency code.</param>
/// <param name="Outstanding">Gross amount still owed on issued invoices (less payments and credit notes).</param>
/// <param name="Overdue">The part of <paramref name="Outstanding"/> past its due date.</param>
/// <param name="LastInvoiceDate">The issue date of the customer's last invoice in this currency (cancelled ones left out), or null.</param>
public sealed record CustomerBalance(long CustomerId, string Currency, decimal Outstanding, decimal Overdue, DateOnly? LastInvoiceDate);
