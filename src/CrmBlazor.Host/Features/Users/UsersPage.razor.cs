using CrmBlazor.Host.Features.Account.PasswordReset;
using CrmBlazor.Sdk.Components;
using CrmBlazor.Sdk.Formatting;
using CrmBlazor.Sdk.Results;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmBlazor.Host.Features.Users;

/// <summary>
/// The users page (<c>/admin/users</c>): every account with its roles, state, last sign-in and
/// two-factor sign-in, and password resets people asked for; invite, change roles, issue a password
/// reset link, deactivate, reactivate, unlock. Administrators only: the
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
    private PasswordResets Resets { get; set; } = default!;

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
        UserState.Erased => L["Erased"],
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
            await ShowLinkAsync(L["Invitation link"], new DialogParameters<AccountLinkDialog>
            {
                { d => d.Link, link },
                { d => d.Message, L["{0} is invited.", user.Email].Value },
                { d => d.Explanation, L["Give this link to the person, for example in a message. It lets them choose a password, works once and expires on {0}. It is shown only now: if it gets lost, issue a new one from the list.", Show.DateTime(link.ExpiresAt)].Value },
                { d => d.Label, L["Invitation link"].Value },
                { d => d.TestIdPrefix, "invitation" },
            });
        }

        await ReloadAsync();
    }

    private async Task IssuePasswordResetAsync(UserRow user)
    {
        var (result, link) = await Resets.IssueAsync(user.Id);
        _result = result.Succeeded ? null : result;
        if (link is not null)
        {
            await ShowLinkAsync(L["Password reset link"], new DialogParameters<AccountLinkDialog>
            {
                { d => d.Link, link },
                { d => d.Message, L["A password reset link for {0} is ready.", user.Email].Value },
                { d => d.Explanation, L["Give this link to the person, for example in a message. It lets them choose a new password, works once and expires at {0}; an older reset link of theirs no longer works. It is shown only now.", Show.DateTime(link.ExpiresAt)].Value },
                { d => d.Label, L["Password reset link"].Value },
                { d => d.TestIdPrefix, "reset" },
            });
        }

        await ReloadAsync();
    }

    // Not waiting for the dialog to close: the row's menu closes once its item's handler returns.
    private async Task ShowLinkAsync(string title, DialogParameters<AccountLinkDialog> parameters) =>
        await Dialogs.ShowAsync<AccountLinkDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });

    // The user's API tokens, for an administrator to see and revoke (not waiting: the row's menu closes first).
    private async Task ShowApiTokensAsync(UserRow user) =>
        await Dialogs.ShowAsync<UserApiTokensDialog>(L["API tokens"], new DialogParameters<UserApiTokensDialog> { { d => d.User, user } },
            new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true });

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

    private async Task EraseAsync(UserRow user)
    {
        var confirmed = await Dialogs.ConfirmAsync(
            L["Erase the personal data of {0}?", user.Name],
            L["Their name and address are replaced by an anonymous name everywhere, including the security and audit logs; their password and two-factor sign-in are removed. The work recorded under the account stays, under that name. This cannot be undone."],
            L["Erase"], L["Cancel"], destructive: true);
        if (confirmed)
        {
            await ChangedAsync(await Administration.EraseAsync(user.Id, user.Version), L["The personal data of {0} is erased.", user.Name]);
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
