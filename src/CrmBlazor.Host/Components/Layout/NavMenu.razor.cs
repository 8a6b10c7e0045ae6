using CrmBlazor.Sdk.Navigation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;

namespace CrmBlazor.Host.Components.Layout;

/// <summary>
/// The main menu: the core's and the loaded plugins' entries, grouped, with the titles translated
/// by their owners' resources, and only those the user's permissions allow.
/// </summary>
public partial class NavMenu
{
    private List<IGrouping<string, VisibleItem>> _groups = [];

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
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
