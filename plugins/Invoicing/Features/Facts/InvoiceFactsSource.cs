using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Sdk.Invoicing;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Invoicing.Features.Facts;

/// <summary>
/// The plugin's implementation of <see cref="IInvoiceFacts"/> for other plugins (upsell detection,
/// reports): one grouped query per method, whatever the number of customers. Like every SDK contract
/// between plugins, it serves the calling plugin's services and jobs, which check their own permissions.
/// </summary>
public sealed class InvoiceFactsSource(IDbContextFactory<InvoicingDbContext> contexts) : IInvoiceFacts
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<MonthlyRevenue>> GetMonthlyRevenueAsync(RevenueQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var from = new DateOnly(query.FromMonth.Year, query.FromMonth.Month, 1);
        var until = new DateOnly(query.ToMonth.Year, query.ToMonth.Month, 1).AddMonths(1);
        if (until <= from || query.CustomerIds is { Count: 0 })
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var documents = InvoiceAmounts.Revenue(db.Invoices.AsNoTracking()).Where(i => i.IssueDate >= from && i.IssueDate < until);
        if (query.CustomerIds is { } customerIds)
        {
            var ids = customerIds.Distinct().ToList();
            documents = documents.Where(i => ids.Contains(i.CustomerId));
        }

        var rows = await documents
            .GroupBy(i => new { i.CustomerId, i.Currency, i.IssueDate!.Value.Year, i.IssueDate!.Value.Month })
            .Select(g => new
            {
                g.Key.CustomerId,
                g.Key.Currency,
                g.Key.Year,
                g.Key.Month,
                Net = g.Sum(i => i.Kind == InvoiceKind.CreditNote ? -i.NetTotal : i.NetTotal),
                Invoices = g.Count(i => i.Kind == InvoiceKind.Invoice),
            })
            .ToListAsync(cancellationToken);
        return [.. rows
            .Select(r => new MonthlyRevenue(r.CustomerId, new DateOnly(r.Year, r.Month, 1), r.Currency, r.Net, r.Invoices))
            .OrderBy(r => r.CustomerId).ThenBy(r => r.Month).ThenBy(r => r.Currency, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CustomerBalance>> GetBalancesAsync(IReadOnlyCollection<long>? customerIds = null, CancellationToken cancellationToken = default)
    {
        if (customerIds is { Count: 0 })
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var invoices = db.Invoices.AsNoTracking()
            .Where(i => i.Kind == InvoiceKind.Invoice && i.Status != InvoiceStatus.Draft && i.Status != InvoiceStatus.Cancelled);
        if (customerIds is not null)
        {
            var ids = customerIds.Distinct().ToList();
            invoices = invoices.Where(i => ids.Contains(i.CustomerId));
        }

        var owed = InvoiceAmounts.OwedStatuses;
        var rows = await invoices
            .GroupBy(i => new { i.CustomerId, i.Currency })
            .Select(g => new
            {
                g.Key.CustomerId,
                g.Key.Currency,
                Outstanding = g.Sum(i => owed.Contains(i.Status) ? i.GrossTotal - i.CreditedTotal - i.PaidTotal : 0m),
                Overdue = g.Sum(i => i.Status == InvoiceStatus.Overdue ? i.GrossTotal - i.CreditedTotal - i.PaidTotal : 0m),
                LastInvoiceDate = g.Max(i => i.IssueDate),
            })
            .ToListAsync(cancellationToken);
        return [.. rows
            .Select(r => new CustomerBalance(r.CustomerId, r.Currency, r.Outstanding, r.Overdue, r.LastInvoiceDate))
            .OrderBy(r => r.CustomerId).ThenBy(r => r.Currency, StringComparer.Ordinal)];
    }
}
