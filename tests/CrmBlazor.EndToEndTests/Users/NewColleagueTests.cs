using System.Text.RegularExpressions;
using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Microsoft.Playwright;
using OtpNet;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Users;

/// <summary>
/// A colleague's whole way through the product, in two browsers: the administrator invites her as Staff;
/// she chooses a password with the link, signs in, turns on two-factor sign-in with a code computed from
/// the key the page shows (as her phone's app would), signs out and in again with a code; the
/// administrator makes her a Manager and her open page shows the manager's menu without a reload; the
/// administrator deactivates her and her open page is signed out within a minute. Every page on the way
/// is checked with axe, in English and Urdu where the screenshots are taken.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class NewColleagueTests(EndToEndFixture app, ITestOutputHelper output)
{
    // Marks the document: a reload or a navigation that loads a new page drops it.
    private const string MarkPage = "() => { window.crmSamePage = true; }";
    private const string IsSamePage = "() => window.crmSamePage === true";

    [Fact]
    public async Task InvitedStaffMember_EnrolsTwoFactorFollowsARoleChangeAndIsSignedOutWhenDeactivated()
    {
        await using var admin = await app.OpenBrowserAsync(nameof(NewColleagueTests), output);
        await admin.SignInAsync(EndToEndFixture.Admin);
        await admin.Page.GotoAsync("/admin/users");
        await new Shell(admin.Page).WaitUntilInteractiveAsync();
        await Expect(admin.Page.GetByTestId("user-grid")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(admin.Page);
        await admin.ScreenshotAsync("users-en");

        var email = $"mira-{Guid.NewGuid().ToString("N")[..8]}@crm.test";
        var link = await InviteAsync(admin.Page, "Mira Patel", email);

        await using var mira = await app.OpenBrowserAsync(nameof(NewColleagueTests) + "-mira", output);
        const string password = "mira chooses a long passphrase";
        await AcceptInvitationAsync(mira, link, password);
        var shell = await mira.SignInAsync(new Credentials(email, password));

        var key = await EnrolTwoFactorAsync(mira, shell, password);

        await SignOutAsync(mira.Page, shell);
        var signIn = new SignInPage(mira.Page);
        await signIn.ExpectShownAsync();
        await signIn.SubmitAsync(email, password);
        await Expect(mira.Page).ToHaveURLAsync(CodeAddress());
        await Expect(mira.Page.GetByTestId("signin-code")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(mira.Page);
        // The code that turned it on is used up: she types the app's next one.
        await mira.Page.GetByTestId("signin-code").FillAsync(NextCodeOf(key));
        await mira.Page.GetByTestId("signin-code-submit").ClickAsync();
        await shell.WaitUntilInteractiveAsync();
        await Expect(mira.Page.GetByTestId("user-menu")).ToContainTextAsync(email);
        await Expect(shell.MenuItem("Customers")).ToBeVisibleAsync();
        await Expect(shell.MenuItem("Audit log")).ToHaveCountAsync(0);
        await mira.Page.EvaluateAsync(MarkPage);

        await FindAsync(admin.Page, email);
        await Expect(admin.Page.GetByTestId("user-row-state")).ToContainTextAsync("Active");
        await Expect(admin.Page.GetByTestId("user-row-roles")).ToHaveTextAsync("Staff");
        await admin.Page.GetByTestId("user-row-actions").ClickAsync();
        await admin.Page.GetByTestId("user-action-roles").ClickAsync();
        var dialog = admin.Page.Locator(".mud-dialog");
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Staff", Exact = true }).UncheckAsync();
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Manager", Exact = true }).CheckAsync();
        await dialog.GetByTestId("roles-save").ClickAsync();
        await Expect(admin.Page.GetByTestId("user-row-roles")).ToHaveTextAsync("Manager");

        // Her circuit re-reads the account every minute; allow one interval, one check and a busy machine.
        await Expect(shell.MenuItem("Audit log")).ToBeVisibleAsync(new() { Timeout = 100_000 });
        Assert.True(await mira.Page.EvaluateAsync<bool>(IsSamePage), "Her page was reloaded.");
        await Expect(mira.Page.GetByTestId("user-menu")).ToContainTextAsync(email);

        await admin.Page.GetByTestId("user-row-actions").ClickAsync();
        await admin.Page.GetByTestId("user-action-deactivate").ClickAsync();
        await admin.Page.GetByTestId("confirm-ok").ClickAsync();
        await Expect(admin.Page.GetByTestId("user-row-state")).ToContainTextAsync("Deactivated");

        await Expect(mira.Page).ToHaveURLAsync(SignInAddress(), new() { Timeout = 100_000 });

        // She left the firm and asks to be forgotten: her work stays under an anonymous name.
        await admin.Page.GetByTestId("user-row-actions").ClickAsync();
        await admin.Page.GetByTestId("user-action-erase").ClickAsync();
        await AxeCheck.AssertCleanAsync(admin.Page);
        await admin.Page.GetByTestId("confirm-ok").ClickAsync();
        await Expect(admin.Page.GetByTestId("user-row-state")).ToHaveCountAsync(0);
        await FindAsync(admin.Page, "erased.invalid", exact: false);
        await Expect(admin.Page.Locator("tr", new() { HasText = "Former user" }).GetByTestId("user-row-state").First).ToContainTextAsync("Erased");

        await new Shell(admin.Page).ChooseLanguageAsync("ur-PK", "اردو");
        await Expect(admin.Page.GetByTestId("user-grid")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(admin.Page);
        await admin.ScreenshotAsync("users-ur");
    }

    // Invites a Staff member from the users page and returns the link the dialog shows once.
    private static async Task<string> InviteAsync(IPage page, string name, string email)
    {
        await page.GetByTestId("user-invite").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("input[data-testid=invite-name]").FillAsync(name);
        await dialog.Locator("input[data-testid=invite-email]").FillAsync(email);
        await Expect(dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Staff", Exact = true })).ToBeCheckedAsync();
        await AxeCheck.AssertCleanAsync(page);
        await dialog.GetByTestId("invite-submit").ClickAsync();
        var link = await dialog.Locator("textarea[data-testid=invitation-link]").InputValueAsync();
        Assert.Contains("/account/invitation?token=", link, StringComparison.Ordinal);
        await dialog.GetByTestId("invite-done").ClickAsync();
        return link;
    }

    // Opens the invitation link, reads it in Urdu too, and chooses the password.
    private static async Task AcceptInvitationAsync(BrowserSession browser, string link, string password)
    {
        var page = browser.Page;
        await page.GotoAsync(link);
        await Expect(page.GetByTestId("invitation-password")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("invitation-en");
        // The page's language links keep the token: she reads it in Urdu, right to left.
        await page.Locator("nav a[lang=ur-PK]").ClickAsync();
        await Expect(page.Locator(".crm-public[dir=rtl]")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("invitation-password")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("invitation-ur");
        await page.GetByTestId("invitation-password").FillAsync(password);
        await page.GetByTestId("invitation-repeat").FillAsync(password);
        await page.GetByTestId("invitation-submit").ClickAsync();
        await Expect(page.GetByTestId("invitation-accepted")).ToBeVisibleAsync();
        // Her chosen language is English again for the rest of the way.
        await page.GotoAsync("/culture?name=en-GB&returnUrl=%2F");
    }

    // From the user menu to her account and the two-factor page (seen in Urdu too); turns it on with a
    // code from the shown key and returns the key, as her app keeps it.
    private static async Task<string> EnrolTwoFactorAsync(BrowserSession browser, Shell shell, string password)
    {
        var page = browser.Page;
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
        await page.GetByTestId("two-factor-enable-password").FillAsync(password);
        await page.GetByTestId("two-factor-enable").ClickAsync();
        await Expect(page.GetByTestId("two-factor-code")).ToHaveCountAsync(10);
        await AxeCheck.AssertCleanAsync(page);
        await page.GetByTestId("two-factor-done").ClickAsync();
        await Expect(page.GetByTestId("account-two-factor-state")).ToContainTextAsync("On");
        return key;
    }

    private static async Task SignOutAsync(IPage page, Shell shell)
    {
        await shell.WaitUntilInteractiveAsync();
        await page.GetByTestId("user-menu").Locator("button").First.ClickAsync();
        await page.GetByTestId("sign-out").ClickAsync();
    }

    private static async Task FindAsync(IPage page, string search, bool exact = true)
    {
        await page.Locator("input[data-testid=user-search]").FillAsync(search);
        if (exact)
        {
            await Expect(page.GetByTestId("user-row-email")).ToHaveCountAsync(1);
            await Expect(page.GetByTestId("user-row-email")).ToHaveTextAsync(search);
        }
        else
        {
            await Expect(page.GetByTestId("user-row-email").First).ToContainTextAsync(search);
        }
    }

    // What the authenticator app shows now, and next, for the key as the page shows it (grouped in fours).
    private static string CodeOf(string key) => Totp(key).ComputeTotp();

    private static string NextCodeOf(string key) => Totp(key).ComputeTotp(DateTime.UtcNow.AddSeconds(30));

    private static Totp Totp(string key) =>
        new(Base32Encoding.ToBytes(key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant()));

    [GeneratedRegex(@"/account/login(\?|$)")]
    private static partial Regex SignInAddress();

    [GeneratedRegex(@"/account/two-factor$")]
    private static partial Regex TwoFactorAddress();

    [GeneratedRegex(@"/account/login/two-factor(\?|$)")]
    private static partial Regex CodeAddress();
}
