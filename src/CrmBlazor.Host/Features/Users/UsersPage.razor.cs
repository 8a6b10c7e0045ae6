using CrmBlazor.Sdk.Components;
using CrmBlazor.Sdk.Formatting;
using CrmBlazor.Sdk.Results;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmBlazor.Host.Features.Users;

/// <summary>
/// The users page (<c>/admin/users</c>): every account with its roles, state, last sign-in and
/// two-factor sign-in; invite, change roles, deactivate, reactivate, unlock. Administrators only: the
/// page's policy, and every service method it calls checks again.
/// </summary>
public sealed partial class UsersPage
{
    private MudDataGrid<UserRow>? _grid;
    private string? _search;
    private int? _total;
    private ChangeResult? _result;

    [Inject]
    private UserQueries Queries { get; set; } = default!;

    [Inject]
    private UserAdministration Administration { get; set; } = default!;

    [Inject]
    private UserInvitations Invitations { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private UserDisplay Show { get; set; } = default!;

    private static Color StateColor(UserState state) => state switch
    {
        UserState.Active => Color.Success,
        UserState.Invited => Color.Info,
        UserState.Locked => Color.Warning,
        _ => Color.Default,
    };

    private string StateText(UserState state) => state switch
    {
        UserState.Active => L["Active"],
        UserState.Invited => L["Invited"],
        UserState.Locked => L["Locked"],
        _ => L["Deactivated"],
    };

    private async Task<GridData<UserRow>> LoadAsync(GridState<UserRow> state, CancellationToken cancellationToken)
    {
        var (items, total) = await Queries.PageAsync(_search, state.Page, state.PageSize, cancellationToken);
        _total = total;
        return new GridData<UserRow> { Items = items, TotalItems = total };
    }

    private async Task SearchChangedAsync(string? search)
    {
        _search = search;
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    private async Task InviteAsync()
    {
        var dialog = await Dialogs.ShowAsync<InviteDialog>(L["Invite a colleague"], new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            _result = null;
            await ReloadAsync();
        }
    }

    private async Task ReinviteAsync(UserRow user)
    {
        var (result, link) = await Invitations.ReinviteAsync(user.Id);
        _result = result.Succeeded ? null : result;
        if (link is not null)
        {
            var parameters = new DialogParameters<InvitationLinkDialog> { { d => d.Link, link }, { d => d.Email, user.Email } };
            await (await Dialogs.ShowAsync<InvitationLinkDialog>(L["Invitation link"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true })).Result;
        }

        await ReloadAsync();
    }

    private async Task ChangeRolesAsync(UserRow user)
    {
        var parameters = new DialogParameters<RolesDialog> { { d => d.User, user } };
        var dialog = await Dialogs.ShowAsync<RolesDialog>(L["Change roles"], parameters, new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            _result = null;
            Snackbar.Add(L["Roles changed. They apply to {0}'s open pages within a minute.", user.Name], Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task DeactivateAsync(UserRow user)
    {
        var confirmed = await Dialogs.ConfirmAsync(
            L["Deactivate {0}?", user.Name],
            L["They can no longer sign in, and their open pages are signed out within a minute. Their work stays in the CRM. You can reactivate them later."],
            L["Deactivate"], L["Cancel"], destructive: true);
        if (confirmed)
        {
            await ChangedAsync(await Administration.DeactivateAsync(user.Id, user.Version), L["{0} is deactivated.", user.Name]);
        }
    }

    private async Task ReactivateAsync(UserRow user) =>
        await ChangedAsync(await Administration.ReactivateAsync(user.Id, user.Version), L["{0} is active again.", user.Name]);

    private async Task UnlockAsync(UserRow user) =>
        await ChangedAsync(await Administration.UnlockAsync(user.Id, user.Version), L["{0} can sign in again.", user.Name]);

    private async Task ChangedAsync(ChangeResult result, string message)
    {
        _result = result.Succeeded ? null : result;
        if (result.Succeeded)
        {
            Snackbar.Add(message, Severity.Success);
        }

        await ReloadAsync();
    }
}
