using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Facts;
using CrmBlazor.Plugins.Invoicing.Features.Shared;
using CrmBlazor.Sdk.Invoicing;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Invoicing.Features.Dashboard;

/// <summary>A month of the dashboard's chart: what was invoiced (less credit notes) and what was paid.</summary>
/// <param name="Month">The month's first day.</param>
/// <param name="Invoiced">Gross amount issued in the month, less the credit notes issued in it.</param>
/// <param name="Paid">Payments received in the month.</param>
public sealed record MonthAmounts(DateOnly Month, decimal Invoiced, decimal Paid);

/// <summary>The figures of one currency for the dashboard.</summary>
/// <param name="Currency">The currency.</param>
/// <param name="Months">The last months, oldest first.</param>
/// <param name="Open">What is owed on issued invoices now.</param>
/// <param name="Overdue">The part of it that is overdue.</param>
public sealed record CurrencyAmounts(string Currency, IReadOnlyList<MonthAmounts> Months, decimal Open, decimal Overdue);

/// <summary>Invoiced against paid per month, and open and overdue amounts, per currency (amounts in different currencies are never added).</summary>
public sealed class InvoicedAndPaid(IDbContextFactory<InvoicingDbContext> contexts, InvoiceAccess access, TimeProvider clock)
{
    /// <summary>The figures of the last months, the currency with most invoices first; empty for users who may not see invoices.</summary>
    /// <param name="months">How many months, this one included (1 to 24).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<CurrencyAmounts>> LastMonthsAsync(int months, CancellationToken cancellationToken = default)
    {
        if (!await access.CanViewAsync(cancellationToken))
        {
            return [];
        }

        months = Math.Clamp(months, 1, 24);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - months);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // The months' amounts are summed here, from the rows of the chart's months only.
        var issued = await db.Invoices.AsNoTracking()
            .Where(i => i.Status != InvoiceStatus.Draft && i.IssueDate >= first)
            .Select(i => new { i.Kind, i.Currency, Date = i.IssueDate!.Value, i.GrossTotal })
            .ToListAsync(cancellationToken);
        var paid = await db.Payments.AsNoTracking()
            .Where(p => p.Date >= first)
            .Join(db.Invoices, p => p.InvoiceId, i => i.Id, (p, i) => new { i.Currency, p.Date, p.Amount })
            .ToListAsync(cancellationToken);
        var open = await InvoiceAmounts.Owed(db.Invoices.AsNoTracking())
            .GroupBy(i => i.Currency)
            .Select(g => new
            {
                Currency = g.Key,
                Open = g.Sum(i => i.GrossTotal - i.CreditedTotal - i.PaidTotal),
                Overdue = g.Sum(i => i.Status == InvoiceStatus.Overdue ? i.GrossTotal - i.CreditedTotal - i.PaidTotal : 0m),
            })
            .ToDictionaryAsync(o => o.Currency, cancellationToken);

        var currencies = issued.Select(i => i.Currency).Concat(open.Keys).Distinct()
            .OrderByDescending(c => issued.Count(i => i.Currency == c)).ThenBy(c => c, StringComparer.Ordinal);
        return [.. currencies.Select(currency => new CurrencyAmounts(
            currency,
            [.. Enumerable.Range(0, months).Select(m => first.AddMonths(m)).Select(month => new MonthAmounts(
                month,
                issued.Where(i => i.Currency == currency && Same(i.Date, month)).Sum(i => i.Kind == InvoiceKind.CreditNote ? -i.GrossTotal : i.GrossTotal),
                paid.Where(p => p.Currency == currency && Same(p.Date, month)).Sum(p => p.Amount)))],
            open.GetValueOrDefault(currency)?.Open ?? 0,
            open.GetValueOrDefault(currency)?.Overdue ?? 0))];
    }

    private static bool Same(DateOnly date, DateOnly month) => date.Year == month.Year && date.Month == month.Month;
}
