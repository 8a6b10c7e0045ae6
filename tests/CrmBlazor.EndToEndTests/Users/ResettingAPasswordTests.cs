using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using CrmBlazor.Sdk.Authorization;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Users;

/// <summary>
/// A colleague forgot her password: she asks for a reset from the sign-in page, the administrator sees
/// the request on the users page and issues a link, and she chooses a new password with it in her own
/// browser and signs in with it.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ResettingAPasswordTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task ForgottenPassword_AdministratorIssuesALink_ThePersonSetsANewPasswordAndSignsInWithIt()
    {
        var mira = await HostUsers.CreateAsync(app.Host, CrmRoles.Staff, "Mira Patel");
        await using var her = await app.OpenBrowserAsync(nameof(ForgottenPassword_AdministratorIssuesALink_ThePersonSetsANewPasswordAndSignsInWithIt) + "-mira", output);
        await her.OpenSignInAsync();
        await her.Page.GetByTestId("signin-forgot").ClickAsync();
        await Expect(her.Page.GetByTestId("forgot-email")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(her.Page);
        await her.ScreenshotAsync("forgot-en");
        await her.Page.Locator("nav a[lang=ur-PK]").ClickAsync();
        await Expect(her.Page.Locator(".crm-public[dir=rtl]")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(her.Page);
        await her.ScreenshotAsync("forgot-ur");
        await her.Page.GetByTestId("forgot-email").FillAsync(mira.Email);
        await her.Page.GetByTestId("forgot-submit").ClickAsync();
        await Expect(her.Page.GetByTestId("forgot-requested")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(her.Page);
        await her.ScreenshotAsync("forgot-requested-ur");
        await her.Page.Locator("nav a[lang=en-GB]").ClickAsync();
        await Expect(her.Page.Locator("html")).ToHaveAttributeAsync("lang", "en-GB");

        await using var admin = await app.OpenBrowserAsync(nameof(ForgottenPassword_AdministratorIssuesALink_ThePersonSetsANewPasswordAndSignsInWithIt), output);
        await admin.SignInAsync(EndToEndFixture.Admin);
        await admin.Page.GotoAsync("/admin/users");
        await new Shell(admin.Page).WaitUntilInteractiveAsync();
        await admin.Page.Locator("input[data-testid=user-search]").FillAsync(mira.Email);
        await Expect(admin.Page.GetByTestId("user-row-email")).ToHaveCountAsync(1);
        await Expect(admin.Page.GetByTestId("user-row-reset-requested")).ToBeVisibleAsync();
        await admin.Page.GetByTestId("user-row-actions").ClickAsync();
        await Expect(admin.Page.GetByTestId("user-action-reset")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(admin.Page);
        await admin.ScreenshotAsync("users-reset-action-en");
        await admin.Page.GetByTestId("user-action-reset").ClickAsync();
        var dialog = admin.Page.Locator(".mud-dialog");
        var link = await dialog.Locator("textarea[data-testid=reset-link]").InputValueAsync();
        Assert.Contains("/account/reset-password?token=", link, StringComparison.Ordinal);
        await AxeCheck.AssertCleanAsync(admin.Page);
        await admin.ScreenshotAsync("users-reset-link-en");
        await dialog.GetByTestId("reset-done").ClickAsync();
        await Expect(admin.Page.GetByTestId("user-row-reset-requested")).ToHaveCountAsync(0);

        await her.Page.GotoAsync(link);
        await Expect(her.Page.GetByTestId("reset-new-password")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(her.Page);
        await her.ScreenshotAsync("reset-en");
        await her.Page.Locator("nav a[lang=ur-PK]").ClickAsync();
        await Expect(her.Page.Locator(".crm-public[dir=rtl]")).ToBeVisibleAsync();
        await Expect(her.Page.GetByTestId("reset-new-password")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(her.Page);
        await her.ScreenshotAsync("reset-ur");
        await her.Page.Locator("nav a[lang=en-GB]").ClickAsync();
        await Expect(her.Page.Locator("html")).ToHaveAttributeAsync("lang", "en-GB");
        const string password = "mira remembers this one";
        await her.Page.GetByTestId("reset-new-password").FillAsync(password);
        await her.Page.GetByTestId("reset-repeat").FillAsync(password);
        await her.Page.GetByTestId("reset-submit").ClickAsync();
        await Expect(her.Page.GetByTestId("reset-done")).ToBeVisibleAsync();
        await her.SignInAsync(mira with { Password = password });
        await Expect(new Shell(her.Page).Menu).ToBeVisibleAsync();

        // The administrator's view in Urdu: the action in the row's menu.
        await new Shell(admin.Page).ChooseLanguageAsync("ur-PK", "اردو");
        await admin.Page.Locator("input[data-testid=user-search]").FillAsync(mira.Email);
        await Expect(admin.Page.GetByTestId("user-row-email")).ToHaveCountAsync(1);
        await admin.Page.GetByTestId("user-row-actions").ClickAsync();
        await Expect(admin.Page.GetByTestId("user-action-reset")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(admin.Page);
        await admin.ScreenshotAsync("users-reset-action-ur");
        await admin.Page.GetByTestId("user-action-reset").ClickAsync();
        await Expect(admin.Page.Locator(".mud-dialog textarea[data-testid=reset-link]")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(admin.Page);
        await admin.ScreenshotAsync("users-reset-link-ur");
    }
}
