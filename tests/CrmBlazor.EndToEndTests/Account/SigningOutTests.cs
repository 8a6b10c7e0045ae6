using System.Text.RegularExpressions;
using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Account;

[Collection(EndToEndCollection.Name)]
public sealed partial class SigningOutTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task SignOut_FromUserMenu_LandsOnSignInPage()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(SignOut_FromUserMenu_LandsOnSignInPage), output);
        var shell = await browser.SignInAsync(EndToEndFixture.Admin);

        await shell.SignOutAsync();

        await new SignInPage(browser.Page).ExpectShownAsync();
    }

    [Fact]
    public async Task UserMenu_Clicked_OffersSignOut()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(UserMenu_Clicked_OffersSignOut), output);
        var shell = await browser.SignInAsync(EndToEndFixture.Admin);

        await shell.OpenUserMenuAsync();

        await Expect(browser.Page.GetByTestId("sign-out")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("06-user-menu");
    }

    [Fact]
    public async Task SignOut_ThenOpeningDashboard_RedirectsToSignIn()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(SignOut_ThenOpeningDashboard_RedirectsToSignIn), output);
        var shell = await browser.SignInAsync(EndToEndFixture.Admin);
        await shell.SignOutAsync();

        await browser.Page.GotoAsync("/");

        await new SignInPage(browser.Page).ExpectShownAsync();
    }

    [Fact]
    public async Task SignOut_InOneTab_SendsTheOtherOpenTabToSignInWithinAMinute()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(SignOut_InOneTab_SendsTheOtherOpenTabToSignInWithinAMinute), output);
        await browser.SignInAsync(EndToEndFixture.Admin);
        var otherTab = await browser.Page.Context.NewPageAsync();
        await otherTab.GotoAsync("/");
        var otherShell = new Shell(otherTab);
        await otherShell.WaitUntilInteractiveAsync();

        await otherShell.SignOutAsync();

        // The first tab's circuit re-checks its session every minute; allow one interval, one check and a busy machine.
        await Expect(browser.Page).ToHaveURLAsync(SignInAddress(), new() { Timeout = 100_000 });
    }

    [GeneratedRegex(@"/account/login(\?|$)")]
    private static partial Regex SignInAddress();
}
