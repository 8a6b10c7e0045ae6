using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Pages;

/// <summary>The sign-in page (/account/login), a statically rendered form.</summary>
/// <param name="page">The browser page.</param>
public sealed partial class SignInPage(IPage page)
{
    /// <summary>The error shown after a failed sign-in.</summary>
    public ILocator Error => page.GetByTestId("signin-error");

    /// <summary>The e-mail field.</summary>
    public ILocator Email => page.GetByTestId("signin-email");

    /// <summary>The password field.</summary>
    public ILocator Password => page.GetByTestId("signin-password");

    /// <summary>Opens the page.</summary>
    public async Task OpenAsync()
    {
        await page.GotoAsync("/account/login");
        await ExpectShownAsync();
    }

    /// <summary>Fills in the form and submits it; waits for the server's answer.</summary>
    /// <param name="email">The e-mail address.</param>
    /// <param name="password">The password.</param>
    public async Task SubmitAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await page.RunAndWaitForResponseAsync(
            () => page.GetByTestId("signin-submit").ClickAsync(),
            response => response.Request.Method == "POST" && response.Url.Contains("/account/login", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync();
    }

    /// <summary>Asserts that the browser shows the sign-in page, and checks it with axe.</summary>
    public async Task ExpectShownAsync()
    {
        await Expect(page).ToHaveURLAsync(SignInAddress());
        await Expect(page.GetByTestId("signin-submit")).ToBeVisibleAsync();
        await Infrastructure.BrowserSession.CheckShownPageAsync(page);
    }

    [GeneratedRegex(@"/account/login(\?|$)")]
    private static partial Regex SignInAddress();
}
