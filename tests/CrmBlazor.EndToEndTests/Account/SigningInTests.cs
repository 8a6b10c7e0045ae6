using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Account;

[Collection(EndToEndCollection.Name)]
public sealed class SigningInTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task SignIn_AsConfiguredAdministrator_ShowsShellWithPluginMenuEntry()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(SignIn_AsConfiguredAdministrator_ShowsShellWithPluginMenuEntry), output);
        var signIn = await browser.OpenSignInAsync();
        await browser.ScreenshotAsync("01-sign-in");

        await signIn.SubmitAsync(EndToEndFixture.Admin.Email, EndToEndFixture.Admin.Password);

        var shell = new Shell(browser.Page);
        await shell.WaitUntilInteractiveAsync();
        await Expect(browser.Page).ToHaveURLAsync(app.Host.BaseAddress.ToString());
        await Expect(shell.MenuItem("Fixture notes")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("02-dashboard");
    }

    [Fact]
    public async Task Dashboard_AfterSignIn_ShowsPluginWidget()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(Dashboard_AfterSignIn_ShowsPluginWidget), output);

        await browser.SignInAsync(EndToEndFixture.Admin);

        await Expect(browser.Page.GetByTestId("widget-fixture-alpha")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_ShowsErrorAndStaysOnSignInPage()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(SignIn_WithWrongPassword_ShowsErrorAndStaysOnSignInPage), output);
        var signIn = await browser.OpenSignInAsync();

        await signIn.SubmitAsync(EndToEndFixture.Admin.Email, "not the password");

        await Expect(signIn.Error).ToHaveTextAsync("The e-mail address or password is not correct.");
        await signIn.ExpectShownAsync();
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_DoesNotSendThePasswordBack()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(SignIn_WithWrongPassword_DoesNotSendThePasswordBack), output);
        var signIn = await browser.OpenSignInAsync();

        await signIn.SubmitAsync(EndToEndFixture.Admin.Email, "not the password");

        await Expect(signIn.Error).ToBeVisibleAsync();
        await Expect(signIn.Password).ToHaveValueAsync(string.Empty);
        await Expect(signIn.Email).ToHaveValueAsync(EndToEndFixture.Admin.Email);
    }
}
