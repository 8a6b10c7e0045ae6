using System.Globalization;
using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Invoicing;
using CrmBlazor.Sdk.Navigation;
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
    private AddressQuery _address = new();

    [Inject]
    private InvoiceQueries Queries { get; set; } = default!;

    [Inject]
    private ICustomerDirectory Customers { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The state filter from the address (<c>?state=</c>): all, or a state name.</summary>
    [SupplyParameterFromQuery(Name = "state")]
    public string? State { get; set; }

    /// <summary>The customer filter from the address (<c>?customer=</c>, a customer's number).</summary>
    [SupplyParameterFromQuery(Name = "customer")]
    public string? Customer { get; set; }

    /// <summary>The period's first day from the address (<c>?from=2026-11-01</c>).</summary>
    [SupplyParameterFromQuery(Name = "from")]
    public string? From { get; set; }

    /// <summary>The period's last day from the address (<c>?to=2026-11-30</c>).</summary>
    [SupplyParameterFromQuery(Name = "to")]
    public string? To { get; set; }

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        // What the address gives is read without trusting it: values the list cannot use are left out and noted.
        _address = new AddressQuery();
        _statusFilter = _address.Choice("state", State, ["all", .. Enum.GetNames<InvoiceStatus>()]) ?? "all";
        if (_address.Id("customer", Customer) is { } customerId && (_customer = await Customers.GetAsync(customerId)) is null)
        {
            _address.Refuse("customer", Customer);
        }

        var from = _address.Day("from", From);
        var to = _address.Day("to", To);
        if (from is { } first && to is { } last && first <= last)
        {
            _period = new DateRange(first.ToDateTime(TimeOnly.MinValue), last.ToDateTime(TimeOnly.MinValue));
        }
        else if (from is not null || to is not null)
        {
            // A period needs both days, the first not after the last.
            _address.Refuse(to is null ? "from" : "to", to is null ? From : To);
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

    private async Task ApplyAsync(Action change)
    {
        change();
        _address = new AddressQuery();
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
