using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Navigation;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Sdk.Users;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmBlazor.Plugins.Projects.Features.Projects;

/// <summary>
/// The project list: search by project or customer name in any script, filters kept in the address,
/// sorting and paging on the server, and each project's burn.
/// </summary>
public partial class ProjectList
{
    private MudDataGrid<ProjectRow>? _grid;
    private string? _search;
    private string _statusFilter = "open";
    private string? _ownerUserId;
    private long? _customerId;
    private AddressQuery _address = new();
    private IReadOnlyList<UserSummary> _people = [];
    private int? _total;

    [Inject]
    private ProjectQueries Queries { get; set; } = default!;

    [Inject]
    private IUserDirectory Users { get; set; } = default!;

    [Inject]
    private ICustomerDirectory Customers { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The search text from the address (<c>?q=</c>).</summary>
    [SupplyParameterFromQuery(Name = "q")]
    public string? Search { get; set; }

    /// <summary>The status filter from the address: open (default), all, or a status name.</summary>
    [SupplyParameterFromQuery(Name = "status")]
    public string? Status { get; set; }

    /// <summary>The project lead filter from the address.</summary>
    [SupplyParameterFromQuery(Name = "lead")]
    public string? Lead { get; set; }

    /// <summary>Only this customer's projects (<c>?customer=</c>, a customer's number).</summary>
    [SupplyParameterFromQuery(Name = "customer")]
    public string? Customer { get; set; }

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        // What the address gives is read without trusting it: values the list cannot use are left out and noted.
        _address = new AddressQuery();
        _people = await Users.ListAsync();
        _search = _address.Text("q", Search);
        _statusFilter = _address.Choice("status", Status, ["open", "all", .. Enum.GetNames<ProjectStatus>()]) ?? "open";
        _ownerUserId = _address.Text("lead", Lead);
        if (_ownerUserId is not null && _people.All(p => p.Id != _ownerUserId))
        {
            _address.Refuse("lead", Lead);
            _ownerUserId = null;
        }

        _customerId = _address.Id("customer", Customer);
        if (_customerId is { } customerId && await Customers.GetAsync(customerId) is null)
        {
            _address.Refuse("customer", Customer);
            _customerId = null;
        }
    }

    private async Task<GridData<ProjectRow>> LoadAsync(GridState<ProjectRow> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var query = new ProjectListQuery(
            _search,
            _customerId,
            Enum.TryParse<ProjectStatus>(_statusFilter, out var status) ? status : null,
            _statusFilter == "open",
            _ownerUserId,
            sort?.SortBy switch
            {
                nameof(ProjectRow.Status) => ProjectSort.Status,
                nameof(ProjectRow.StartDate) => ProjectSort.StartDate,
                nameof(ProjectRow.EndDate) => ProjectSort.EndDate,
                _ => ProjectSort.Name,
            },
            sort?.Descending == true,
            state.Page,
            state.PageSize);
        var (items, total) = await Queries.PageAsync(query, cancellationToken);
        _total = total;
        StateHasChanged();
        return new GridData<ProjectRow> { Items = items, TotalItems = total };
    }

    private Task SearchChangedAsync(string? value) => ApplyAsync(() => _search = value);

    private Task StatusChangedAsync(string value) => ApplyAsync(() => _statusFilter = value);

    private Task OwnerChangedAsync(string? value) => ApplyAsync(() => _ownerUserId = value);

    private async Task ApplyAsync(Action change)
    {
        change();
        _address = new AddressQuery();
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["q"] = string.IsNullOrWhiteSpace(_search) ? null : _search,
            ["status"] = _statusFilter == "open" ? null : _statusFilter,
            ["lead"] = _ownerUserId,
        }), replace: true);
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }
}
