using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Invoices;
using CrmBlazor.Plugins.Invoicing.Features.Shared;
using CrmBlazor.Sdk.Invoicing;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Invoicing.Features.Runs;

/// <summary>Reads the monthly invoice runs and the drafts they made, for the runs page (which polls it while a run is going).</summary>
public sealed class InvoiceRunQueries(IDbContextFactory<InvoicingDbContext> contexts, InvoiceAccess access)
{
    /// <summary>The latest runs, newest month first.</summary>
    /// <param name="take">At most this many (1 to 60).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="UnauthorizedAccessException">The user may not run invoicing.</exception>
    public async Task<IReadOnlyList<InvoiceRun>> RecentAsync(int take = 12, CancellationToken cancellationToken = default)
    {
        await DemandManageAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var runs = await db.Runs.AsNoTracking().OrderByDescending(r => r.PeriodStart).Take(Math.Clamp(take, 1, 60)).ToListAsync(cancellationToken);
        return runs;
    }

    /// <summary>The documents the runs of a month made (drafts until issued), by customer name.</summary>
    /// <param name="periodStart">The first day of the month.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="UnauthorizedAccessException">The user may not run invoicing.</exception>
    public async Task<IReadOnlyList<InvoiceListItem>> DraftsOfAsync(DateOnly periodStart, CancellationToken cancellationToken = default)
    {
        await DemandManageAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Invoices.AsNoTracking()
            .Where(i => i.RunPeriod == periodStart)
            .OrderBy(i => i.CustomerName).ThenBy(i => i.Id)
            .Select(i => new InvoiceListItem(i.Id, i.Kind, i.Status, i.Number, i.CustomerId, i.CustomerName, i.Currency, i.Date, i.DueDate, i.NetTotal, i.TaxTotal, i.GrossTotal,
                i.Kind == InvoiceKind.Invoice && i.Status != InvoiceStatus.Draft ? i.GrossTotal - i.CreditedTotal - i.PaidTotal : 0))
            .ToListAsync(cancellationToken);
    }

    private async Task DemandManageAsync(CancellationToken cancellationToken)
    {
        if (!await access.CanManageAsync(cancellationToken))
        {
            throw new UnauthorizedAccessException("You may not run invoicing.");
        }
    }
}
