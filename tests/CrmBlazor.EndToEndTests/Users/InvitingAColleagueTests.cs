using System.Text.RegularExpressions;
using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Users;

/// <summary>
/// An administrator invites a colleague, who chooses a password with the link and signs in in a browser
/// of her own; when the administrator deactivates her, her open page is signed out within a minute.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class InvitingAColleagueTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task InvitedStaffMember_ChoosesAPasswordSignsInAndIsSignedOutWhenDeactivated()
    {
        await using var admin = await app.OpenBrowserAsync(nameof(InvitedStaffMember_ChoosesAPasswordSignsInAndIsSignedOutWhenDeactivated), output);
        await admin.SignInAsync(EndToEndFixture.Admin);
        await admin.Page.GotoAsync("/admin/users");
        await new Shell(admin.Page).WaitUntilInteractiveAsync();
        await Expect(admin.Page.GetByTestId("user-grid")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(admin.Page);
        await admin.ScreenshotAsync("users-en");

        var email = $"mira-{Guid.NewGuid().ToString("N")[..8]}@crm.test";
        await admin.Page.GetByTestId("user-invite").ClickAsync();
        var dialog = admin.Page.Locator(".mud-dialog");
        await dialog.Locator("input[data-testid=invite-name]").FillAsync("Mira Patel");
        await dialog.Locator("input[data-testid=invite-email]").FillAsync(email);
        await AxeCheck.AssertCleanAsync(admin.Page);
        await dialog.GetByTestId("invite-submit").ClickAsync();
        var link = await dialog.Locator("textarea[data-testid=invitation-link]").InputValueAsync();
        Assert.Contains("/account/invitation?token=", link, StringComparison.Ordinal);
        await dialog.GetByTestId("invite-done").ClickAsync();

        await using var mira = await app.OpenBrowserAsync(nameof(InvitedStaffMember_ChoosesAPasswordSignsInAndIsSignedOutWhenDeactivated) + "-mira", output);
        await mira.Page.GotoAsync(link);
        await Expect(mira.Page.GetByTestId("invitation-password")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(mira.Page);
        await mira.ScreenshotAsync("invitation-en");
        // The page's language links keep the token: she reads it in Urdu, right to left.
        await mira.Page.Locator("nav a[lang=ur-PK]").ClickAsync();
        await Expect(mira.Page.Locator(".crm-public[dir=rtl]")).ToBeVisibleAsync();
        await Expect(mira.Page.GetByTestId("invitation-password")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(mira.Page);
        await mira.ScreenshotAsync("invitation-ur");
        const string password = "mira chooses a long passphrase";
        await mira.Page.GetByTestId("invitation-password").FillAsync(password);
        await mira.Page.GetByTestId("invitation-repeat").FillAsync(password);
        await mira.Page.GetByTestId("invitation-submit").ClickAsync();
        await Expect(mira.Page.GetByTestId("invitation-accepted")).ToBeVisibleAsync();
        await mira.SignInAsync(new Credentials(email, password));

        await admin.Page.Locator("input[data-testid=user-search]").FillAsync(email);
        await Expect(admin.Page.GetByTestId("user-row-email")).ToHaveCountAsync(1);
        await Expect(admin.Page.GetByTestId("user-row-email")).ToHaveTextAsync(email);
        await Expect(admin.Page.GetByTestId("user-row-state")).ToContainTextAsync("Active");
        await admin.Page.GetByTestId("user-row-actions").ClickAsync();
        await admin.Page.GetByTestId("user-action-deactivate").ClickAsync();
        await admin.Page.GetByTestId("confirm-ok").ClickAsync();
        await Expect(admin.Page.GetByTestId("user-row-state")).ToContainTextAsync("Deactivated");

        // Her circuit re-checks its session every minute; allow one interval, one check and a busy machine.
        await Expect(mira.Page).ToHaveURLAsync(SignInAddress(), new() { Timeout = 100_000 });

        await new Shell(admin.Page).ChooseLanguageAsync("ur-PK", "اردو");
        await Expect(admin.Page.GetByTestId("user-grid")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(admin.Page);
        await admin.ScreenshotAsync("users-ur");
    }

    [GeneratedRegex(@"/account/login(\?|$)")]
    private static partial Regex SignInAddress();
}
