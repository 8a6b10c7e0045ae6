using System.Globalization;
using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Sdk.Customers;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmBlazor.Plugins.Invoicing.Features.Invoices;

/// <summary>
/// The invoice list: filters by state, customer and period kept in the address, paging on the
/// server, totals of everything the filters match per currency, and the period's downloads.
/// </summary>
public partial class InvoiceList
{
    private MudDataGrid<InvoiceListItem>? _grid;
    private string _statusFilter = "all";
    private CustomerSummary? _customer;
    private DateRange? _period;
    private InvoiceListPage? _page;
    private bool _canManage;

    [Inject]
    private InvoiceQueries Queries { get; set; } = default!;

    [Inject]
    private ICustomerDirectory Customers { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The state filter from the address (<c>?state=</c>): all, or a state name.</summary>
    [SupplyParameterFromQuery(Name = "state")]
    public string? State { get; set; }

    /// <summary>The customer filter from the address (<c>?customer=</c>).</summary>
    [SupplyParameterFromQuery(Name = "customer")]
    public long? CustomerId { get; set; }

    /// <summary>The period's first day from the address (<c>?from=2026-11-01</c>).</summary>
    [SupplyParameterFromQuery(Name = "from")]
    public string? From { get; set; }

    /// <summary>The period's last day from the address (<c>?to=2026-11-30</c>).</summary>
    [SupplyParameterFromQuery(Name = "to")]
    public string? To { get; set; }

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        _statusFilter = Enum.TryParse<InvoiceStatus>(State, out var status) ? status.ToString() : "all";
        _customer = CustomerId is { } customerId ? await Customers.GetAsync(customerId) : null;
        if (ParseDay(From) is { } from && ParseDay(To) is { } to && from <= to)
        {
            _period = new DateRange(from.ToDateTime(TimeOnly.MinValue), to.ToDateTime(TimeOnly.MinValue));
        }

        _canManage = await Queries.CanManageAsync();
    }

    private async Task<GridData<InvoiceListItem>> LoadAsync(GridState<InvoiceListItem> state, CancellationToken cancellationToken)
    {
        var period = Period();
        var query = new InvoiceListQuery(
            Enum.TryParse<InvoiceStatus>(_statusFilter, out var status) ? status : null,
            _customer?.Id,
            period?.From,
            period?.To,
            Page: state.Page,
            PageSize: state.PageSize);
        _page = await Queries.ListAsync(query, cancellationToken);
        StateHasChanged();
        return new GridData<InvoiceListItem> { Items = _page.Items, TotalItems = _page.TotalCount };
    }

    private Task StatusChangedAsync(string value) => ApplyAsync(() => _statusFilter = value);

    private Task CustomerChangedAsync(CustomerSummary? value) => ApplyAsync(() => _customer = value);

    private Task PeriodChangedAsync(DateRange? value) => ApplyAsync(() => _period = value);

    private (DateOnly From, DateOnly To)? Period() =>
        _period is { Start: { } start, End: { } end } ? (DateOnly.FromDateTime(start), DateOnly.FromDateTime(end)) : null;

    // Credit notes reduce what was invoiced: shown negative, as the totals count them.
    private static decimal Signed(InvoiceListItem item, decimal amount) => item.Kind == InvoiceKind.CreditNote ? -amount : amount;

    private static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private async Task ApplyAsync(Action change)
    {
        change();
        var period = Period();
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["state"] = _statusFilter == "all" ? null : _statusFilter,
            ["customer"] = _customer?.Id,
            ["from"] = period?.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = period?.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }), replace: true);
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }
}
