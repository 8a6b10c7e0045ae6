using Bunit;
using CrmBlazor.Host.Components.Layout;
using CrmBlazor.Sdk.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CrmBlazor.Host.Tests.Components.Layout;

public sealed class UserMenuTests : ComponentTestContext
{
    private const string Token = "token-of-this-request";

    public UserMenuTests()
    {
        Services.AddSingleton<AntiforgeryStateProvider>(new FixedAntiforgeryState(new AntiforgeryRequestToken(Token, "__RequestVerificationToken")));
    }

    [Fact]
    public async Task SignedIn_ShowsTheUserNameAndRoles()
    {
        User.SetAuthorized("ada@example.com");
        User.SetRoles(CrmRoles.Admin, CrmRoles.Accountant);
        var popovers = Render<MudPopoverProvider>();

        var menu = Render<UserMenu>();
        await OpenAsync(menu);

        Assert.Contains("ada@example.com", menu.Markup, StringComparison.Ordinal);
        Assert.Contains("Administrator, Accountant", popovers.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedIn_SignOutPostsToLogoutWithTheAntiforgeryToken()
    {
        User.SetAuthorized("ada@example.com");
        var popovers = Render<MudPopoverProvider>();

        await OpenAsync(Render<UserMenu>());

        var form = popovers.Find("form");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("/account/logout", form.GetAttribute("action"));
        Assert.Equal(Token, form.QuerySelector("input[type=hidden][name=__RequestVerificationToken]")?.GetAttribute("value"));
        Assert.Equal("submit", form.QuerySelector("button[data-testid=sign-out]")?.GetAttribute("type"));
    }

    [Fact]
    public void Anonymous_RendersNothing()
    {
        var menu = Render<UserMenu>();

        Assert.Empty(menu.Markup.Trim());
    }

    [Fact]
    public void SignedIn_MenuButtonIsNamedAsTheUserMenuWithTheName()
    {
        User.SetAuthorized("ada@example.com");

        var menu = Render<UserMenu>();

        // The name belongs on the button a screen reader lands on; the menu's container may not carry one.
        Assert.Equal("User menu: ada@example.com", menu.Find("button").GetAttribute("aria-label"));
        Assert.Null(menu.Find(".mud-menu").GetAttribute("aria-label"));
    }

    // The user clicks their name in the app bar.
    private static Task OpenAsync(IRenderedComponent<UserMenu> menu) => menu.Find("button").ClickAsync(new MouseEventArgs());

    private sealed class FixedAntiforgeryState(AntiforgeryRequestToken token) : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => token;
    }
}
