using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using CrmBlazor.Sdk.Authorization;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Layout;

/// <summary>
/// The menu of an open page follows a new grant at once, without a reload or a new sign-in. (A new role
/// reaches it within the minute in which the circuit re-reads the account: Users/NewColleagueTests.)
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class MenuFollowsAccessChangesTests(EndToEndFixture app, ITestOutputHelper output)
{
    // Marks the document: a reload or a navigation that loads a new page drops it.
    private const string MarkPage = "() => { window.crmSamePage = true; }";
    private const string IsSamePage = "() => window.crmSamePage === true";

    [Fact]
    public async Task PermissionGrantedToStaff_StaffMembersOpenPage_ShowsItsMenuEntryAtOnce()
    {
        var kavya = await HostUsers.CreateAsync(app.Host, CrmRoles.Staff, "Kavya Rao");
        await using var her = await app.OpenBrowserAsync(nameof(PermissionGrantedToStaff_StaffMembersOpenPage_ShowsItsMenuEntryAtOnce), output);
        var herShell = await her.SignInAsync(kavya);
        await Expect(herShell.MenuItem("Audit log")).ToHaveCountAsync(0);
        await her.Page.EvaluateAsync(MarkPage);

        await using var admin = await app.OpenBrowserAsync(nameof(PermissionGrantedToStaff_StaffMembersOpenPage_ShowsItsMenuEntryAtOnce) + "-admin", output);
        var adminShell = await admin.SignInAsync(EndToEndFixture.Admin);
        await adminShell.OpenFromMenuAsync("Permissions");
        var box = admin.Page.GetByRole(AriaRole.Checkbox, new() { Name = "Staff: Read the audit log", Exact = true });
        await box.CheckAsync();
        await Expect(admin.Page.GetByTestId("permissions-status")).ToHaveTextAsync("Saved: Staff now holds “Read the audit log”.");
        try
        {
            // The same instance forgets its grants at once and tells the open menus; well within the minute.
            await Expect(herShell.MenuItem("Audit log")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            Assert.True(await her.Page.EvaluateAsync<bool>(IsSamePage), "The page was reloaded.");
        }
        finally
        {
            await box.UncheckAsync();
            await Expect(admin.Page.GetByTestId("permissions-status")).ToHaveTextAsync("Saved: Staff no longer holds “Read the audit log”.");
        }

        await Expect(herShell.MenuItem("Audit log")).ToHaveCountAsync(0);
    }
}
