using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Plugins;

/// <summary>The fixture plugin's page, reached through the host's menu: routing, settings, static files, scoped CSS, data.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class PluginPageTests(EndToEndFixture app, ITestOutputHelper output)
{
    private const string MenuTitle = "Fixture notes";

    [Fact]
    public async Task PluginMenuEntry_Clicked_OpensPluginPageWithoutReloadingTheApp()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(PluginMenuEntry_Clicked_OpensPluginPageWithoutReloadingTheApp), output);
        var shell = await browser.SignInAsync(EndToEndFixture.Admin);
        await browser.Page.EvaluateAsync("() => window.crmSamePage = true");

        await shell.OpenFromMenuAsync(MenuTitle);

        var plugin = new FixtureNotesPage(browser.Page);
        await plugin.ExpectShownAsync();
        await Expect(plugin.Greeting).ToHaveTextAsync(EndToEndFixture.Greeting);
        Assert.True(await browser.Page.EvaluateAsync<bool>("() => window.crmSamePage === true"), "The menu entry reloaded the whole page instead of navigating inside the app.");
    }

    [Fact]
    public async Task PluginPage_Opened_IsStyledByItsScopedCssAndShowsItsImage()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(PluginPage_Opened_IsStyledByItsScopedCssAndShowsItsImage), output);
        var shell = await browser.SignInAsync(EndToEndFixture.Admin);

        await shell.OpenFromMenuAsync(MenuTitle);

        var plugin = new FixtureNotesPage(browser.Page);
        await plugin.ExpectShownAsync();
        Assert.Equal("rgb(12, 34, 56)", await plugin.BannerBorderColourAsync());
        Assert.True(await plugin.ImageLoadedAsync(), "The plugin's image (/_content/CrmBlazor.Fixtures.Alpha/alpha.svg) did not load.");
        await browser.ScreenshotAsync("03-plugin-page");
    }

    [Fact]
    public async Task PluginPage_ReloadedInTheBrowser_RendersAgain()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(PluginPage_ReloadedInTheBrowser_RendersAgain), output);
        var shell = await browser.SignInAsync(EndToEndFixture.Admin);
        await shell.OpenFromMenuAsync(MenuTitle);
        var plugin = new FixtureNotesPage(browser.Page);
        await plugin.ExpectShownAsync();

        var response = await browser.Page.ReloadAsync();

        Assert.Equal(200, response?.Status);
        await plugin.ExpectShownAsync();
        await Expect(plugin.Greeting).ToHaveTextAsync(EndToEndFixture.Greeting);
    }

    [Fact]
    public async Task PluginPage_AddingNote_ListsTheNote()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(PluginPage_AddingNote_ListsTheNote), output);
        var shell = await browser.SignInAsync(EndToEndFixture.Admin);
        await shell.OpenFromMenuAsync(MenuTitle);
        var plugin = new FixtureNotesPage(browser.Page);
        await plugin.ExpectShownAsync();
        var note = "Called back about the renewal " + Guid.NewGuid().ToString("N")[..8];

        await plugin.AddNoteAsync(note);

        await Expect(plugin.Notes.Filter(new() { HasText = note })).ToHaveCountAsync(1);
    }
}
