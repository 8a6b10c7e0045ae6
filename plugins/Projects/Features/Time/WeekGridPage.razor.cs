using System.Globalization;
using CrmBlazor.Plugins.Projects.Features.Dashboard;
using CrmBlazor.Plugins.Projects.Features.Shared;
using CrmBlazor.Sdk.Components;
using CrmBlazor.Sdk.Navigation;
using CrmBlazor.Sdk.Users;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;

namespace CrmBlazor.Plugins.Projects.Features.Time;

/// <summary>
/// The week grid (<c>/projects/time?week=2026-03-02&amp;user=...</c>): rows are projects and tasks,
/// columns the days. Typing changes cells; saving sends the changed cells, keeps the ones the rules
/// refuse with their message in the cell, and saves the rest. Keyboard movement comes from
/// <c>wwwroot/week-grid.js</c>. People see their own week; those who manage everyone's time pick the person.
/// </summary>
public sealed partial class WeekGridPage : IAsyncDisposable
{
    private WeekGrid? _grid;
    private WeekSaveResult? _outcome;
    private int _notSaved;
    private bool _canChoosePerson;
    private string _userId = "";
    private string _personName = "";
    private DateOnly _weekStart;
    private bool _isOwn = true;
    private bool _refused;
    private bool _saving;
    private AddressQuery _address = new();
    private ElementReference _gridElement;
    private IJSObjectReference? _keys;
    private bool _keysAttached;

    [Inject]
    private TimeEntryService Time { get; set; } = default!;

    [Inject]
    private ProjectAccess Access { get; set; } = default!;

    [Inject]
    private IUserDirectory Users { get; set; } = default!;

    [Inject]
    private IOptions<ProjectsSettings> Settings { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>A day of the week to show (<c>?week=2026-03-04</c>); the current week if absent.</summary>
    [SupplyParameterFromQuery(Name = "week")]
    public string? Week { get; set; }

    /// <summary>Whose time (<c>?user=</c>); the signed-in user's if absent.</summary>
    [SupplyParameterFromQuery(Name = "user")]
    public string? User { get; set; }

    private static bool IsRightToLeft => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;

    private DateOnly Today => Show.Day(Clock.GetUtcNow());

    private string WeekLabel => WeekGrid.Label(_weekStart, CultureInfo.CurrentCulture);

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        // A day outside the calendar the CRM works in is moved into it (its week, and the weeks around it,
        // exist); anything else unusable is left out; both noted.
        _address = new AddressQuery();
        var day = _address.Day("week", Week) ?? Today;
        _userId = await TimeOwner.ReadAsync(_address, User, Access, Users);
        _isOwn = _userId == Access.UserId;
        _weekStart = WeeklyHours.WeekOf(day, Settings.Value.WeekStartsOn);
        _outcome = null;
        _refused = !await Access.CanWorkWithTimeOfAsync(_userId);
        if (_refused)
        {
            _grid = null;
            _keysAttached = false;
            return;
        }

        _canChoosePerson = await Access.CanManageAllTimeAsync();
        var sheet = await Time.LoadWeekAsync(_userId, _weekStart);
        _personName = sheet.PersonName;
        _grid = WeekGrid.From(sheet);
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_grid is not null && !_keysAttached)
        {
            _keys ??= await JS.InvokeAsync<IJSObjectReference>("import", "/_content/CrmBlazor.Plugins.Projects/week-grid.js");
            await _keys.InvokeVoidAsync("attach", _gridElement);
            _keysAttached = true;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_keys is not null)
        {
            try
            {
                await _keys.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone, and the module with it.
            }
        }
    }

    private void CellChanged(GridCell cell, string? text)
    {
        cell.Text = text?.Trim() ?? string.Empty;
        cell.Problem = cell.IsChanged && cell.Minutes is null ? WeekGrid.NotADuration : null;
    }

    private async Task SaveAsync()
    {
        if (_grid is null)
        {
            return;
        }

        _saving = true;
        try
        {
            var changes = _grid.Changes();
            var unreadable = _grid.Rows.SelectMany(r => r.Cells).Count(c => c.Problem == WeekGrid.NotADuration);
            var result = changes.Count == 0
                ? new WeekSaveResult(ChangeStatus.Saved, 0, [])
                : await Time.SaveWeekAsync(_userId, _weekStart, changes);
            if (result.Status == ChangeStatus.Forbidden)
            {
                _outcome = result;
                return;
            }

            var reloaded = await Time.LoadWeekAsync(_userId, _weekStart);
            _grid = _grid.After(reloaded, result.Rejected);
            _outcome = result;
            _notSaved = result.Rejected.Count + unreadable;
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task AddRowAsync()
    {
        var dialog = await Dialogs.ShowAsync<AddRowDialog>(L["Add row"], new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: AddedRow added } && _grid is not null)
        {
            _grid.AddRow(added.Key, added.ProjectName, added.CustomerName, added.TaskName);
        }
    }

    private async Task CopyLastWeekAsync()
    {
        if (_grid is null)
        {
            return;
        }

        var last = await Time.LoadWeekAsync(_userId, _weekStart.AddDays(-7));
        foreach (var row in last.Rows.Where(r => r.AcceptsTime))
        {
            _grid.AddRow(row.Key, row.ProjectName, row.CustomerName, row.TaskName);
        }
    }

    private async Task GoToWeekAsync(int? days)
    {
        if (_grid is { HasChanges: true } && !await Dialogs.ConfirmAsync(
                L["Unsaved changes"], L["This week has changes that are not saved. Leave them?"], L["Leave"], L["Stay"]))
        {
            return;
        }

        var week = days is { } step ? _weekStart.AddDays(step) : WeeklyHours.WeekOf(Today, Settings.Value.WeekStartsOn);
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["week"] = week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["user"] = _isOwn ? null : _userId,
        }));
    }

    private Task PersonChangedAsync(string userId)
    {
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["week"] = _weekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["user"] = userId == Access.UserId ? null : userId,
        }));
        return Task.CompletedTask;
    }

    private string DayLink(DateOnly day) =>
        $"/projects/time/day?date={day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" + (_isOwn ? "" : "&user=" + Uri.EscapeDataString(_userId));

    private string CellLabel(GridRow row, GridCell cell) =>
        $"{row.ProjectName}{(row.TaskName is null ? "" : " · " + row.TaskName)}, {cell.Date.ToString("dddd d MMMM", CultureInfo.CurrentCulture)}";

    private string? CellTitle(GridCell cell) => cell switch
    {
        { LockedBy: { } invoice } => BilledInvoice.Label(L, invoice),
        { EntryCount: > 1 } => L["{0} entries; change them in the day view.", cell.EntryCount].Value,
        _ => null,
    };
}
