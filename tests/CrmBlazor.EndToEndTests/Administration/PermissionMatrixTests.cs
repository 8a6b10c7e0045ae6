using CrmBlazor.EndToEndTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Administration;

/// <summary>
/// The permission matrix (<c>/admin/permissions</c>) in the browser: the administrator gives Staff a
/// permission with the keyboard, the page says it is saved, and a Staff member then sees what it
/// opens; the page passes axe's WCAG rules in English and in Urdu (right to left).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PermissionMatrixTests(EndToEndFixture app, ITestOutputHelper output)
{
    private const string StaffReadsTheAuditLog = "Staff: Read the audit log";

    [Fact]
    public async Task Matrix_AdministratorGivesStaffAPermission_StaffThenSeesItsMenuEntry()
    {
        var staff = await HostUsers.CreateAsync(app.Host, "Staff", "Kavya Rao");
        await using (var admin = await app.OpenBrowserAsync(nameof(Matrix_AdministratorGivesStaffAPermission_StaffThenSeesItsMenuEntry) + "-admin", output))
        {
            var shell = await admin.SignInAsync(EndToEndFixture.Admin);
            await shell.OpenFromMenuAsync("Permissions");
            var box = admin.Page.GetByRole(AriaRole.Checkbox, new() { Name = StaffReadsTheAuditLog, Exact = true });
            await Expect(box).Not.ToBeCheckedAsync();
            await Expect(admin.Page.GetByRole(AriaRole.Checkbox, new() { Name = "Administrator: Read the audit log", Exact = true })).ToBeDisabledAsync();
            await AxeCheck.AssertCleanAsync(admin.Page);

            await box.FocusAsync();
            await admin.Page.Keyboard.PressAsync("Space");

            await Expect(admin.Page.GetByTestId("permissions-status")).ToHaveTextAsync("Saved: Staff now holds “Read the audit log”.");
            await Expect(box).ToBeCheckedAsync();
            Assert.Equal(0, await admin.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));
            await admin.ScreenshotAsync("permissions-en");
        }

        await using (var browser = await app.OpenBrowserAsync(nameof(Matrix_AdministratorGivesStaffAPermission_StaffThenSeesItsMenuEntry), output))
        {
            var shell = await browser.SignInAsync(staff);
            await Expect(shell.MenuItem("Audit log")).ToBeVisibleAsync();
        }

        await using (var admin = await app.OpenBrowserAsync(nameof(Matrix_AdministratorGivesStaffAPermission_StaffThenSeesItsMenuEntry) + "-revoke", output))
        {
            var shell = await admin.SignInAsync(EndToEndFixture.Admin);
            await shell.OpenFromMenuAsync("Permissions");
            var box = admin.Page.GetByRole(AriaRole.Checkbox, new() { Name = StaffReadsTheAuditLog, Exact = true });
            await box.UncheckAsync();
            await Expect(admin.Page.GetByTestId("permissions-status")).ToHaveTextAsync("Saved: Staff no longer holds “Read the audit log”.");
        }
    }

    [Fact]
    public async Task Matrix_InUrdu_IsTranslatedRightToLeftAndPassesAxe()
    {
        await using var admin = await app.OpenBrowserAsync(nameof(Matrix_InUrdu_IsTranslatedRightToLeftAndPassesAxe), output);
        var shell = await admin.SignInAsync(EndToEndFixture.Admin);
        await shell.ChooseLanguageAsync("ur-PK", "اردو");

        await admin.Page.GotoAsync("/admin/permissions");
        await shell.WaitUntilInteractiveAsync();

        await Expect(admin.Page.Locator("h4")).ToHaveTextAsync("اجازتیں");
        await Expect(admin.Page.GetByRole(AriaRole.Checkbox, new() { Name = "عملہ: گاہک دیکھنا", Exact = true })).ToBeCheckedAsync();
        await AxeCheck.AssertCleanAsync(admin.Page);
        await admin.ScreenshotAsync("permissions-ur");
    }
}
