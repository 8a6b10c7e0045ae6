using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Xunit.Abstractions;

namespace CrmBlazor.EndToEndTests.Layout;

/// <summary>
/// The pages run without script errors or refused resources: a Content-Security-Policy violation, a
/// missing static file or an exception in the browser shows up as a console error.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class BrowserErrorTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task SignInDashboardAndPluginPage_Visited_RaiseNoBrowserErrors()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(SignInDashboardAndPluginPage_Visited_RaiseNoBrowserErrors), output);
        var shell = await browser.SignInAsync(EndToEndFixture.Admin);
        await shell.OpenFromMenuAsync("Fixture notes");
        var plugin = new FixtureNotesPage(browser.Page);
        await plugin.ExpectShownAsync();
        await plugin.ImageLoadedAsync();

        await browser.Page.ReloadAsync();
        await shell.WaitUntilInteractiveAsync();

        Assert.Empty(browser.BrowserErrors);
    }
}
