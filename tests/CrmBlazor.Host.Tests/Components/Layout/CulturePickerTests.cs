using System.Globalization;
using Bunit;
using CrmBlazor.Host.Components.Layout;
using CrmBlazor.Host.Localization;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace CrmBlazor.Host.Tests.Components.Layout;

public sealed class CulturePickerTests : ComponentTestContext
{
    [Fact]
    public void Closed_IconButtonIsNamedLanguage()
    {
        var picker = Render<CulturePicker>();

        // The icon alone says nothing to a screen reader: the button carries the name, not the menu's container.
        Assert.Equal("Language", picker.Find("button").GetAttribute("aria-label"));
        Assert.Null(picker.Find(".mud-menu").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Open_ListsEveryCultureInItsOwnLanguage()
    {
        var popovers = Render<MudPopoverProvider>();
        var picker = Render<CulturePicker>();

        await picker.Find("button").ClickAsync(new MouseEventArgs());

        Assert.Equal(CrmCultures.All.Select(c => c.NativeName), popovers.FindAll(".mud-menu-item").Select(i => i.TextContent.Trim()));
    }

    [Fact]
    public async Task Open_UrduEntry_IsMarkedRightToLeft()
    {
        var popovers = Render<MudPopoverProvider>();
        var picker = Render<CulturePicker>();

        await picker.Find("button").ClickAsync(new MouseEventArgs());

        Assert.Equal("rtl", popovers.Find("[lang=ur-PK]").GetAttribute("dir"));
        Assert.Equal("ltr", popovers.Find("[lang=ta-IN]").GetAttribute("dir"));
    }

    [Fact]
    public async Task Open_CurrentCulture_IsShownInBold()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ta-IN");
        try
        {
            var popovers = Render<MudPopoverProvider>();
            var picker = Render<CulturePicker>();

            await picker.Find("button").ClickAsync(new MouseEventArgs());

            Assert.Equal(["தமிழ்"], popovers.FindAll(".mud-menu-item strong").Select(s => s.TextContent));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task Choose_Culture_ReloadsThroughTheCultureEndpointReturningToTheSamePage()
    {
        Navigation.NavigateTo("/customers/42?tab=timeline");
        var popovers = Render<MudPopoverProvider>();
        var picker = Render<CulturePicker>();
        await picker.Find("button").ClickAsync(new MouseEventArgs());

        await popovers.Find("[lang=ur-PK]").ClickAsync(new MouseEventArgs());

        var navigation = Navigation.History.First();
        Assert.Equal("/culture?name=ur-PK&returnUrl=%2Fcustomers%2F42%3Ftab%3Dtimeline", navigation.Uri);
        Assert.True(navigation.Options.ForceLoad);
    }
}
