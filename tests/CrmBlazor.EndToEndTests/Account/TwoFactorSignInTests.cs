using System.Text.RegularExpressions;
using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Microsoft.Playwright;
using OtpNet;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Account;

/// <summary>
/// A colleague opens her account from the user menu, sets up two-factor sign-in with a code computed
/// from the key the page shows (as her phone's app would), signs out, and signs in again with a code.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class TwoFactorSignInTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task TwoFactor_EnrolledWithACodeFromTheShownKey_IsAskedForAtTheNextSignIn()
    {
        var mira = await HostUsers.CreateAsync(app.Host, "Staff", "Mira Patel");
        await using var browser = await app.OpenBrowserAsync(nameof(TwoFactor_EnrolledWithACodeFromTheShownKey_IsAskedForAtTheNextSignIn), output);
        var page = browser.Page;
        var shell = await browser.SignInAsync(mira);

        await page.GetByTestId("user-menu").Locator("button").First.ClickAsync();
        await page.GetByTestId("user-menu-account").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account");
        await Expect(page.GetByTestId("account-name")).ToBeVisibleAsync();
        await shell.WaitUntilInteractiveAsync();
        await Expect(page.GetByTestId("account-two-factor-state")).ToContainTextAsync("Off");
        await browser.ScreenshotAsync("account-en");

        await page.GetByTestId("account-two-factor").ClickAsync();
        await Expect(page).ToHaveURLAsync(TwoFactorAddress());
        await Expect(page.GetByTestId("two-factor-qr")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("two-factor-en");
        var key = await page.GetByTestId("two-factor-key").InnerTextAsync();

        // The same page in Urdu, right to left (the key stays the same until it is used).
        await page.GotoAsync("/culture?name=ur-PK&returnUrl=%2Faccount%2Ftwo-factor");
        await Expect(page.Locator("html[dir=rtl]")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("two-factor-qr")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("two-factor-ur");
        Assert.Equal(key, await page.GetByTestId("two-factor-key").InnerTextAsync());
        await page.GotoAsync("/culture?name=ur-PK&returnUrl=%2Faccount");
        await shell.WaitUntilInteractiveAsync();
        await browser.ScreenshotAsync("account-ur");
        await page.GotoAsync("/culture?name=en-GB&returnUrl=%2Faccount%2Ftwo-factor");
        await Expect(page.Locator("html[lang=en-GB]")).ToBeVisibleAsync();

        await page.GetByTestId("two-factor-enable-code").FillAsync(CodeOf(key));
        await page.GetByTestId("two-factor-enable-password").FillAsync(mira.Password);
        await page.GetByTestId("two-factor-enable").ClickAsync();
        await Expect(page.GetByTestId("two-factor-code")).ToHaveCountAsync(10);
        await AxeCheck.AssertCleanAsync(page);
        await page.GetByTestId("two-factor-done").ClickAsync();
        await Expect(page.GetByTestId("account-two-factor-state")).ToContainTextAsync("On");

        await shell.WaitUntilInteractiveAsync();
        await page.GetByTestId("user-menu").Locator("button").First.ClickAsync();
        await page.GetByTestId("sign-out").ClickAsync();
        var signIn = new SignInPage(page);
        await signIn.ExpectShownAsync();
        await signIn.SubmitAsync(mira.Email, mira.Password);
        await Expect(page).ToHaveURLAsync(CodeAddress());
        await Expect(page.GetByTestId("signin-code")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(page);
        await page.GetByTestId("signin-code").FillAsync(CodeOf(key));
        await page.GetByTestId("signin-code-submit").ClickAsync();

        await shell.WaitUntilInteractiveAsync();
        await Expect(page.GetByTestId("user-menu")).ToContainTextAsync(mira.Email);
    }

    // What the authenticator app shows now for the key as the page shows it (grouped in fours).
    private static string CodeOf(string key) =>
        new Totp(Base32Encoding.ToBytes(key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp();

    [GeneratedRegex(@"/account/two-factor$")]
    private static partial Regex TwoFactorAddress();

    [GeneratedRegex(@"/account/login/two-factor(\?|$)")]
    private static partial Regex CodeAddress();
}
