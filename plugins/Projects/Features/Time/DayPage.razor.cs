using System.Globalization;
using CrmBlazor.Plugins.Projects.Features.Shared;
using CrmBlazor.Sdk.Navigation;
using CrmBlazor.Sdk.Users;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmBlazor.Plugins.Projects.Features.Time;

/// <summary>
/// The day view (<c>/projects/time/day?date=2026-03-03&amp;user=...</c>): every entry of a person's day
/// with its note, to log, correct or remove time one entry at a time.
/// </summary>
public partial class DayPage
{
    private IReadOnlyList<DayEntry>? _entries;
    private ChangeResult? _result;
    private string? _saved;
    private string _userId = "";
    private string _personName = "";
    private DateOnly _date;
    private bool _isOwn = true;
    private bool _refused;
    private AddressQuery _address = new();

    [Inject]
    private TimeEntryService Time { get; set; } = default!;

    [Inject]
    private ProjectAccess Access { get; set; } = default!;

    [Inject]
    private IUserDirectory Users { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    /// <summary>The day (<c>?date=2026-03-03</c>); today if absent.</summary>
    [SupplyParameterFromQuery(Name = "date")]
    public string? Date { get; set; }

    /// <summary>Whose time (<c>?user=</c>); the signed-in user's if absent.</summary>
    [SupplyParameterFromQuery(Name = "user")]
    public string? User { get; set; }

    private static bool IsRightToLeft => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;

    private string WeekLink => $"/projects/time?week={_date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" + (_isOwn ? "" : "&user=" + Uri.EscapeDataString(_userId));

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        // A day outside the calendar the CRM works in is moved into it; anything else unusable is left out; both noted.
        _address = new AddressQuery();
        _date = _address.Day("date", Date) ?? Show.Day(Clock.GetUtcNow());
        _userId = await TimeOwner.ReadAsync(_address, User, Access, Users);
        _isOwn = _userId == Access.UserId;
        _result = null;
        _refused = !await Access.CanWorkWithTimeOfAsync(_userId);
        if (!_refused)
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        _entries = await Time.LoadDayAsync(_userId, _date);
        if (!_isOwn)
        {
            var week = await Time.LoadWeekAsync(_userId, _date);
            _personName = week.PersonName;
        }
    }

    private async Task EditAsync(DayEntry? entry)
    {
        var parameters = new DialogParameters<TimeEntryDialog>
        {
            { d => d.UserId, _userId },
            { d => d.Date, _date },
            { d => d.Entry, entry },
        };
        var dialog = await Dialogs.ShowAsync<TimeEntryDialog>(entry is null ? L["Log time"] : L["Edit time"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false } closed)
        {
            // The dialog closes only once the server has saved the entry (its id is the dialog's data).
            (_result, _saved) = (ChangeResult.Saved(closed.Data is long id ? id : 0), L["Time saved."]);
            await LoadAsync();
        }
    }

    private async Task DeleteAsync(DayEntry entry)
    {
        (_result, _saved) = (await Time.DeleteEntryAsync(entry.Id, entry.RowVersion), L["Time entry deleted."]);
        await LoadAsync();
    }

    private string DayLink(DateOnly day) =>
        $"/projects/time/day?date={day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" + (_isOwn ? "" : "&user=" + Uri.EscapeDataString(_userId));
}
