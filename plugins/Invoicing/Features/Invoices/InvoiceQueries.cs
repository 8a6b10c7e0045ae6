using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Shared;
using CrmBlazor.Plugins.Invoicing.Features.Taxes;
using CrmBlazor.Sdk.Invoicing;
using CrmBlazor.Sdk.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Plugins.Invoicing.Features.Invoices;

/// <summary>The invoice list's filters and page.</summary>
/// <param name="Status">Only documents in this state, or null for all.</param>
/// <param name="CustomerId">Only this customer's, or null.</param>
/// <param name="From">Only documents dated on or after this day (issue date, or the draft's day), or null.</param>
/// <param name="To">Only documents dated on or before this day, or null.</param>
/// <param name="Kind">Only invoices or only credit notes, or null for both.</param>
/// <param name="Page">The page, from 0.</param>
/// <param name="PageSize">Rows per page, 1 to 200.</param>
public sealed record InvoiceListQuery(
    InvoiceStatus? Status = null,
    long? CustomerId = null,
    DateOnly? From = null,
    DateOnly? To = null,
    InvoiceKind? Kind = null,
    int Page = 0,
    int PageSize = 50);

/// <summary>A row of the invoice list.</summary>
public sealed record InvoiceListItem(
    long Id,
    InvoiceKind Kind,
    InvoiceStatus Status,
    string? Number,
    long CustomerId,
    string CustomerName,
    string Currency,
    DateOnly Date,
    DateOnly? DueDate,
    decimal Net,
    decimal Tax,
    decimal Gross,
    decimal Outstanding);

/// <summary>The totals of every document the filters match, per currency (amounts in different currencies are never added).</summary>
/// <param name="Currency">The currency.</param>
/// <param name="Count">How many documents.</param>
/// <param name="Net">Their net total (credit notes subtract).</param>
/// <param name="Tax">Their tax (credit notes subtract).</param>
/// <param name="Gross">Their gross total (credit notes subtract).</param>
/// <param name="Outstanding">What is still owed on the invoices among them.</param>
public sealed record InvoiceListTotal(string Currency, int Count, decimal Net, decimal Tax, decimal Gross, decimal Outstanding);

/// <summary>A page of the invoice list.</summary>
/// <param name="Items">The rows, newest first.</param>
/// <param name="TotalCount">How many documents match.</param>
/// <param name="Totals">Totals of all matching documents per currency.</param>
public sealed record InvoiceListPage(IReadOnlyList<InvoiceListItem> Items, int TotalCount, IReadOnlyList<InvoiceListTotal> Totals);

/// <summary>Reads invoices for pages, exports and documents, for users who may see them.</summary>
public sealed class InvoiceQueries(IDbContextFactory<InvoicingDbContext> contexts, InvoiceAccess access, IBillableTimeSource time, IOptions<InvoicingSettings> settings)
{
    /// <summary>The tax profiles in use.</summary>
    public TaxCatalog Taxes { get; } = settings.Value.CreateTaxCatalog();

    /// <summary>A page of the list with the totals of everything the filters match.</summary>
    /// <param name="query">Filters and page.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="UnauthorizedAccessException">The user may not see invoices.</exception>
    public async Task<InvoiceListPage> ListAsync(InvoiceListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await DemandViewAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var matching = Filter(db.Invoices.AsNoTracking(), query);
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var items = await matching
            .OrderByDescending(i => i.Date).ThenByDescending(i => i.Id)
            .Skip(Math.Max(0, query.Page) * pageSize).Take(pageSize)
            .Select(i => new InvoiceListItem(i.Id, i.Kind, i.Status, i.Number, i.CustomerId, i.CustomerName, i.Currency, i.Date, i.DueDate, i.NetTotal, i.TaxTotal, i.GrossTotal,
                i.Kind == InvoiceKind.Invoice && i.Status != InvoiceStatus.Draft ? i.GrossTotal - i.CreditedTotal - i.PaidTotal : 0))
            .ToListAsync(cancellationToken);

        // Decimal sums do not run in SQL on SQLite: the few amount columns of the matching rows are summed here.
        var amounts = await matching.Select(i => new { i.Kind, i.Status, i.Currency, i.NetTotal, i.TaxTotal, i.GrossTotal, i.PaidTotal, i.CreditedTotal }).ToListAsync(cancellationToken);
        var totals = amounts.GroupBy(a => a.Currency).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            decimal Sign(InvoiceKind kind) => kind == InvoiceKind.CreditNote ? -1 : 1;
            return new InvoiceListTotal(
                g.Key,
                g.Count(),
                g.Sum(a => Sign(a.Kind) * a.NetTotal),
                g.Sum(a => Sign(a.Kind) * a.TaxTotal),
                g.Sum(a => Sign(a.Kind) * a.GrossTotal),
                g.Where(a => a.Kind == InvoiceKind.Invoice && a.Status != InvoiceStatus.Draft).Sum(a => Math.Max(0, a.GrossTotal - a.CreditedTotal - a.PaidTotal)));
        }).ToList();
        return new InvoiceListPage(items, amounts.Count, totals);
    }

    /// <summary>A document with its lines, taxes, annex of time entries and payments, or null.</summary>
    /// <param name="invoiceId">The document.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="UnauthorizedAccessException">The user may not see invoices.</exception>
    public async Task<Invoice?> GetAsync(long invoiceId, CancellationToken cancellationToken = default)
    {
        await DemandViewAsync(cancellationToken);
        return await LoadAsync(invoiceId, cancellationToken);
    }

    /// <summary>The credit notes of an invoice, oldest first.</summary>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<InvoiceListItem>> CreditNotesOfAsync(long invoiceId, CancellationToken cancellationToken = default)
    {
        await DemandViewAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Invoices.AsNoTracking().Where(i => i.CreditedInvoiceId == invoiceId).OrderBy(i => i.Id)
            .Select(i => new InvoiceListItem(i.Id, i.Kind, i.Status, i.Number, i.CustomerId, i.CustomerName, i.Currency, i.Date, i.DueDate, i.NetTotal, i.TaxTotal, i.GrossTotal, 0))
            .ToListAsync(cancellationToken);
    }

    /// <summary>A customer's unbilled billable time in a period, for choosing what a draft bills.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="UnauthorizedAccessException">The user may not prepare invoices.</exception>
    public async Task<IReadOnlyList<BillableTimeEntry>> UnbilledTimeAsync(long customerId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (!await access.CanManageAsync(cancellationToken))
        {
            throw new UnauthorizedAccessException("You may not prepare invoices.");
        }

        return await time.GetUnbilledAsync(new UnbilledTimeQuery(customerId, from, to), cancellationToken);
    }

    /// <summary>Whether the user may see invoices (pages and endpoints ask before anything else).</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    public Task<bool> CanViewAsync(CancellationToken cancellationToken = default) => access.CanViewAsync(cancellationToken);

    /// <summary>Whether the user may prepare, issue and credit invoices and record payments.</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    public Task<bool> CanManageAsync(CancellationToken cancellationToken = default) => access.CanManageAsync(cancellationToken);

    /// <summary>Loads a document without asking for permission (for callers that asked already).</summary>
    internal async Task<Invoice?> LoadAsync(long invoiceId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Invoices.AsNoTracking()
            .Include(i => i.Lines.OrderBy(l => l.Position))
            .Include(i => i.TaxTotals)
            .Include(i => i.TimeEntries.OrderBy(t => t.Date).ThenBy(t => t.EntryId))
            .Include(i => i.Payments.OrderBy(p => p.Date))
            .Include(i => i.Sendings)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == invoiceId, cancellationToken);
    }

    internal static IQueryable<Invoice> Filter(IQueryable<Invoice> invoices, InvoiceListQuery query)
    {
        if (query.Status is { } status)
        {
            invoices = invoices.Where(i => i.Status == status);
        }

        if (query.CustomerId is { } customerId)
        {
            invoices = invoices.Where(i => i.CustomerId == customerId);
        }

        if (query.From is { } from)
        {
            invoices = invoices.Where(i => i.Date >= from);
        }

        if (query.To is { } to)
        {
            invoices = invoices.Where(i => i.Date <= to);
        }

        if (query.Kind is { } kind)
        {
            invoices = invoices.Where(i => i.Kind == kind);
        }

        return invoices;
    }

    private async Task DemandViewAsync(CancellationToken cancellationToken)
    {
        if (!await access.CanViewAsync(cancellationToken))
        {
            throw new UnauthorizedAccessException("You may not see invoices.");
        }
    }
}
