using CrmBlazor.Host.Identity;
using CrmBlazor.Sdk.Navigation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;

namespace CrmBlazor.Host.Components.Layout;

/// <summary>
/// The main menu: the core's and the loaded plugins' entries, grouped, with the titles translated
/// by their owners' resources, and only those the user's permissions allow. It is worked out again
/// when the user's authentication state changes (an open circuit gets new roles within a minute, see
/// <c>RevalidatingAuthenticationStateProvider</c>) and when the grants change (<see cref="PermissionGrants.Changed"/>),
/// so an open page's menu follows without a reload.
/// </summary>
public sealed partial class NavMenu : IDisposable
{
    private List<IGrouping<string, VisibleItem>> _groups = [];
    private Task<AuthenticationState>? _shownFor;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private PermissionGrants Grants { get; set; } = default!;

    /// <inheritdoc />
    protected override void OnInitialized() => Grants.Changed += OnGrantsChanged;

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        // The cascading state is a new task when the user's state changed; other renders keep the menu.
        if (!ReferenceEquals(_shownFor, AuthenticationState))
        {
            _shownFor = AuthenticationState;
            await ComputeAsync();
        }
    }

    /// <inheritdoc />
    public void Dispose() => Grants.Changed -= OnGrantsChanged;

    // Raised on whichever thread changed the grants (another user's circuit, a request): back to this circuit.
    private void OnGrantsChanged() => _ = RecomputeForGrantsAsync();

    private async Task RecomputeForGrantsAsync()
    {
        try
        {
            await InvokeAsync(async () =>
            {
                await ComputeAsync();
                StateHasChanged();
            });
        }
        catch (ObjectDisposedException)
        {
            // The circuit ended meanwhile: there is no menu left to update.
        }
    }

    private async Task ComputeAsync()
    {
        var user = (await AuthenticationState).User;
        var visible = new List<VisibleItem>();
        foreach (var (ownerId, item) in Catalog.MenuItems)
        {
            if (item.Permission is not null && !(await Authorization.AuthorizeAsync(user, item.Permission)).Succeeded)
            {
                continue;
            }

            var localizer = Catalog.LocalizerFor(ownerId, Localizers);
            var title = localizer is null ? item.Title : localizer[item.Title].Value;
            visible.Add(new VisibleItem(item.Group, item.Order, title, item.Href, item.Icon, item.Match, item.FullPageLoad));
        }

        _groups = [.. visible
            .OrderBy(v => MenuGroups.All.ToList().IndexOf(v.Group)).ThenBy(v => v.Order).ThenBy(v => v.Title, StringComparer.CurrentCulture)
            .GroupBy(v => v.Group)];
    }

    private sealed record VisibleItem(string Group, int Order, string Title, string Href, string? Icon, NavLinkMatch Match, bool FullPageLoad);
}
