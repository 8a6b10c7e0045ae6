using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Shared;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Navigation;
using CrmBlazor.Sdk.Projects;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Plugins.Invoicing.Features.Invoices;

/// <summary>
/// Starts a draft: a customer's unbilled time in a period (the lines it makes and every entry shown
/// before anything is billed, entries can be left out), or an empty draft for fixed fees.
/// </summary>
public partial class NewInvoicePage
{
    private static readonly string[] Fields = [nameof(TimeDraftInput.CustomerId), nameof(TimeDraftInput.To)];
    private CustomerSummary? _customer;
    private DateOnly _from;
    private DateOnly _to;
    private TimeGrouping _grouping;
    private string _taxProfile = string.Empty;
    private IReadOnlyList<BillableTimeEntry>? _entries;
    private readonly HashSet<long> _selected = [];
    private ChangeResult? _result;
    private bool _busy;
    private AddressQuery _address = new();

    [Inject]
    private InvoiceQueries Queries { get; set; } = default!;

    [Inject]
    private InvoiceDraftService Drafts { get; set; } = default!;

    [Inject]
    private ICustomerDirectory Customers { get; set; } = default!;

    [Inject]
    private IOptions<InvoicingSettings> Settings { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The customer to invoice, from the address (<c>?customer=</c>, a customer's number).</summary>
    [SupplyParameterFromQuery(Name = "customer")]
    public string? Customer { get; set; }

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        // The previous month and this one so far: month-end invoicing and "bill what is there now" both fit.
        _to = Show.Day(Clock.GetUtcNow());
        _from = new DateOnly(_to.Year, _to.Month, 1).AddMonths(-1);
        _grouping = Settings.Value.DefaultGrouping;
        _taxProfile = Settings.Value.DefaultTaxProfile;
        // A customer the address names that does not exist is left out and noted.
        _address = new AddressQuery();
        if (_address.Id("customer", Customer) is { } customerId)
        {
            _customer = await Customers.GetAsync(customerId);
            if (_customer is null)
            {
                _address.Refuse("customer", Customer);
            }

            await LoadTimeAsync();
        }
    }

    private async Task CustomerChangedAsync(CustomerSummary? customer)
    {
        _customer = customer;
        await LoadTimeAsync();
    }

    private async Task FromChangedAsync(DateTime? value)
    {
        _from = value is { } v ? DateOnly.FromDateTime(v) : _from;
        await LoadTimeAsync();
    }

    private async Task ToChangedAsync(DateTime? value)
    {
        _to = value is { } v ? DateOnly.FromDateTime(v) : _to;
        await LoadTimeAsync();
    }

    private async Task LoadTimeAsync()
    {
        _selected.Clear();
        _entries = null;
        if (_customer is null || _to < _from)
        {
            return;
        }

        _entries = await Queries.UnbilledTimeAsync(_customer.Id, _from, _to);
        _selected.UnionWith(_entries.Select(e => e.EntryId));
    }

    private async Task CreateFromTimeAsync()
    {
        _busy = true;
        try
        {
            _result = await Drafts.CreateFromTimeAsync(new TimeDraftInput
            {
                CustomerId = _customer?.Id ?? 0,
                From = _from,
                To = _to,
                Grouping = _grouping,
                TaxProfile = _taxProfile,
                EntryIds = _entries is not null && _selected.Count < _entries.Count ? [.. _selected] : null,
            });
            Done();
        }
        finally
        {
            _busy = false;
        }

        if (!_result.Succeeded)
        {
            await LoadTimeAsync();
        }
    }

    private async Task CreateEmptyAsync()
    {
        _busy = true;
        try
        {
            _result = await Drafts.CreateAsync(new DraftInput { CustomerId = _customer?.Id ?? 0, TaxProfile = _taxProfile });
            Done();
        }
        finally
        {
            _busy = false;
        }
    }

    private void Done()
    {
        if (_result is { Succeeded: true, Id: { } id })
        {
            Navigation.NavigateTo(InvoiceLinks.Invoice(id));
        }
    }
}
