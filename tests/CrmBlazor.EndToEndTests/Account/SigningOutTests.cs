using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Account;

[Collection(EndToEndCollection.Name)]
public sealed class SigningOutTests(EndToEndFixture app, ITestOutputHelper output)
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
}
