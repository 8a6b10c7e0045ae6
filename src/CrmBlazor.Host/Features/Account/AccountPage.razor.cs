using System.Globalization;
using CrmBlazor.Sdk.Results;
using Microsoft.AspNetCore.Components;

namespace CrmBlazor.Host.Features.Account;

/// <summary>
/// <c>/account</c>: the signed-in user's name, language and time zone, and the ways to change the
/// password and to sign out everywhere. Any signed-in user; only their own account.
/// </summary>
public sealed partial class AccountPage
{
    private OwnAccountView? _account;
    private AccountInput _input = new();
    private ChangeResult? _result;
    private string? _saved;
    private bool _saving;

    [Inject]
    private OwnAccount Account { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        _account = await Account.LoadAsync();
        if (_account is not null)
        {
            _input = _account.Input;
        }
    }

    private async Task SaveAsync()
    {
        if (_account is null)
        {
            return;
        }

        _saving = true;
        _saved = null;
        try
        {
            _result = await Account.SaveAsync(_input, _account.Version);
            if (!_result.Succeeded)
            {
                return;
            }

            if (_input.Culture != CultureInfo.CurrentUICulture.Name)
            {
                // The page's language is the culture cookie's: the culture endpoint sets it and comes back here.
                Navigation.NavigateTo($"/culture?name={Uri.EscapeDataString(_input.Culture)}&returnUrl={Uri.EscapeDataString(AccountPaths.Account)}", forceLoad: true);
                return;
            }

            await LoadAsync();
            _saved = L["Saved."];
        }
        finally
        {
            _saving = false;
        }
    }

    private Task<IEnumerable<string>> SearchTimeZonesAsync(string? text, CancellationToken cancellationToken)
    {
        var words = (text ?? string.Empty).Trim();
        IEnumerable<string> zones = UserTimeZones.All;
        if (words.Length > 0 && words != ZoneText(_input.TimeZone))
        {
            zones = zones.Where(z => z.Replace('_', ' ').Contains(words.Replace('_', ' '), StringComparison.OrdinalIgnoreCase));
        }

        return Task.FromResult(zones);
    }

    // "Asia/Kolkata (UTC+05:30)": the offset now, so that a person who knows their offset finds their zone.
    private string ZoneText(string? id)
    {
        if (UserTimeZones.Find(id) is not { } zone)
        {
            return id ?? string.Empty;
        }

        var offset = zone.GetUtcOffset(DateTimeOffset.UtcNow);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return $"{id} (UTC{sign}{offset.Duration():hh\\:mm})";
    }
}
