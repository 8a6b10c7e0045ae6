using System.Globalization;
using CrmBlazor.Data.Outbox;
using CrmBlazor.Sdk.Formatting;
using CrmBlazor.Sdk.Navigation;
using CrmBlazor.Sdk.Results;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmBlazor.Host.Features.Mail;

/// <summary>
/// The outbox (<c>/admin/outbox</c>): every e-mail message the core and the plugins queued, newest first,
/// with how many are in each state; filtered by state and searched by recipient or subject (both kept
/// in the address), paged on the server. Each message opens on <see cref="OutboxMessagePage"/>. Says at
/// the top when no mail server is configured, and what to set. Administrators only: the page's policy,
/// and <see cref="OutboxQueries"/> checks again.
/// </summary>
public sealed partial class OutboxPage
{
    private const string All = "all";

    private MudDataGrid<OutboxRow>? _grid;
    private string? _search;
    private string _state = All;
    private IReadOnlyDictionary<OutboxMessageState, int> _counts = new Dictionary<OutboxMessageState, int>();
    private bool _countsLoaded;
    private bool _hasMailServer;
    private AddressQuery _address = new();

    [Inject]
    private OutboxQueries Queries { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private UserDisplay Show { get; set; } = default!;

    /// <summary>The state filter from the address (<c>?state=Failed</c>).</summary>
    [SupplyParameterFromQuery(Name = "state")]
    public string? State { get; set; }

    /// <summary>The search from the address (<c>?q=</c>).</summary>
    [SupplyParameterFromQuery(Name = "q")]
    public string? Search { get; set; }

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        _address = new AddressQuery();
        _state = _address.Choice("state", State, [All, .. OutboxLabels.States.Select(s => s.ToString())]) ?? All;
        _search = _address.Text("q", Search, InputLimits.Search);
        _hasMailServer = Queries.HasMailServer;
    }

    private async Task<GridData<OutboxRow>> LoadAsync(GridState<OutboxRow> state, CancellationToken cancellationToken)
    {
        var chosen = Enum.TryParse<OutboxMessageState>(_state, out var value) ? value : (OutboxMessageState?)null;
        var page = await Queries.PageAsync(new OutboxListQuery(chosen, _search, state.Page, state.PageSize), cancellationToken);
        _counts = page.Counts;
        _countsLoaded = true;
        StateHasChanged();
        return new GridData<OutboxRow> { Items = page.Items, TotalItems = page.Total };
    }

    private string Count(OutboxMessageState? state) =>
        !_countsLoaded ? string.Empty
        : (state is { } one ? _counts.GetValueOrDefault(one) : _counts.Values.Sum()).ToString("N0", CultureInfo.CurrentCulture);

    private static string Shown(string? text) => UserText.Clean(text, TextKind.SingleLine);

    private Task SearchChangedAsync(string? value) =>
        string.Equals(value ?? string.Empty, _search ?? string.Empty, StringComparison.Ordinal) ? Task.CompletedTask : ApplyAsync(() => _search = value);

    private Task StateChangedAsync(string? value) => ApplyAsync(() => _state = value ?? All);

    private async Task ApplyAsync(Action change)
    {
        change();
        _address = new AddressQuery();

        // Kept in the address without reloading, so that a reload or a shared link shows the same messages.
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["state"] = _state == All ? null : _state,
            ["q"] = string.IsNullOrWhiteSpace(_search) ? null : _search,
        }), replace: true);
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }
}
