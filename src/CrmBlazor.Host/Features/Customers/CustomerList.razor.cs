using CrmBlazor.Sdk.Navigation;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmBlazor.Host.Features.Customers;

/// <summary>
/// The customer list: search in every script, filters, server-side sorting and paging, exports of
/// what is filtered. The filters live in the address, so a reload or a shared link shows the same list.
/// </summary>
public partial class CustomerList
{
    private MudDataGrid<CustomerRow>? _grid;
    private CustomerListFilter _filter = new();
    private CustomerListOptions _options = CustomerListOptions.Empty;
    private AddressQuery _address = new();
    private int? _total;

    [Inject]
    private CustomerQueries Queries { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The search text from the address (<c>?q=</c>).</summary>
    [SupplyParameterFromQuery(Name = "q")]
    public string? Search { get; set; }

    /// <summary>The tag filter from the address (a tag's number; anything else is ignored with a note).</summary>
    [SupplyParameterFromQuery(Name = "tag")]
    public string? Tag { get; set; }

    /// <summary>The segment filter from the address (a segment's number; anything else is ignored with a note).</summary>
    [SupplyParameterFromQuery(Name = "segment")]
    public string? Segment { get; set; }

    /// <summary>The owner filter from the address.</summary>
    [SupplyParameterFromQuery(Name = "owner")]
    public string? OwnerUserId { get; set; }

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        _options = await Queries.ListOptionsAsync();
        (_filter, _address) = CustomerListFilter.FromAddress(Search, Tag, Segment, OwnerUserId, _options);
    }

    private async Task<GridData<CustomerRow>> LoadAsync(GridState<CustomerRow> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var query = _filter.ToQuery(state.Page, state.PageSize, sort?.SortBy switch
        {
            nameof(CustomerRow.Industry) => CustomerSort.Industry,
            nameof(CustomerRow.LastInteractionAt) => CustomerSort.LastInteractionAt,
            _ => CustomerSort.Name,
        }, sort?.Descending == true);
        var (items, total) = await Queries.PageAsync(query, cancellationToken);
        _total = total;
        StateHasChanged();
        return new GridData<CustomerRow> { Items = items, TotalItems = total };
    }

    private string ExportUrl(string format) => Navigation.GetUriWithQueryParameters($"/customers/export.{format}", _filter.ToQueryParameters());

    private void OpenCustomer(DataGridRowClickEventArgs<CustomerRow> e) => Navigation.NavigateTo($"/customers/{e.Item.Id}");

    // The search box reports its value again when it loses focus (a click on a row does that): only a
    // real change reloads the list, or it would pull the user back from the customer they opened.
    private Task SearchChangedAsync(string? value) =>
        string.Equals(value ?? string.Empty, _filter.Search ?? string.Empty, StringComparison.Ordinal) ? Task.CompletedTask : ApplyAsync(() => _filter.Search = value);

    private Task KindChangedAsync(CustomerKind? value) => ApplyAsync(() => _filter.Kind = value);

    private Task OwnerChangedAsync(string? value) => ApplyAsync(() => _filter.OwnerUserId = value);

    private Task TagChangedAsync(long? value) => ApplyAsync(() => _filter.TagId = value);

    private Task SegmentChangedAsync(long? value) => ApplyAsync(() => _filter.SegmentId = value);

    private Task ArchivedChangedAsync(bool value) => ApplyAsync(() => _filter.IncludeArchived = value);

    private async Task ApplyAsync(Action change)
    {
        change();
        _address = new AddressQuery();

        // Keep the address in step without reloading, so that a reload or a shared link shows this list;
        // never when the user has already moved on to another page.
        if (new Uri(Navigation.Uri).AbsolutePath.Equals("/customers", StringComparison.OrdinalIgnoreCase))
        {
            Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(_filter.ToAddressParameters()), replace: true);
        }
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    private async Task CreateAsync()
    {
        var dialog = await Dialogs.ShowAsync<CustomerEditDialog>(L["New customer"], new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: long id })
        {
            Navigation.NavigateTo($"/customers/{id}");
        }
    }
}
