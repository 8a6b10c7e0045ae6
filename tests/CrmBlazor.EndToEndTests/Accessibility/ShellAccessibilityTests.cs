using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Xunit.Abstractions;

namespace CrmBlazor.EndToEndTests.Accessibility;

/// <summary>
/// The shell's main pages, as an administrator, pass axe's WCAG 2.2 AA rules in a left-to-right and a
/// right-to-left language.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ShellAccessibilityTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Theory]
    [InlineData("en-GB", "English (UK)")]
    [InlineData("ur-PK", "اردو")]
    public async Task MainPages_AsAdministrator_HaveNoWcagViolations(string cultureName, string nativeName)
    {
        await using var browser = await app.OpenBrowserAsync($"{nameof(MainPages_AsAdministrator_HaveNoWcagViolations)}-{cultureName}", output);
        var shell = await browser.SignInAsync(EndToEndFixture.Admin);
        var page = browser.Page;
        var customerPath = await CreateTaggedCustomerAsync(browser, shell);
        if (cultureName != "en-GB")
        {
            await shell.ChooseLanguageAsync(cultureName, nativeName);
        }

        var violations = new List<string>();
        foreach (var path in new[] { "/", "/customers", customerPath, "/segments", "/admin/plugins", "/admin/audit" })
        {
            await page.GotoAsync(path);
            await shell.WaitUntilInteractiveAsync();
            violations.AddRange(await AxeCheck.ViolationsAsync(page));
        }

        AxeCheck.AssertNone(violations);
    }

    // A customer with tags, so that its page shows the tag chips whose colours are checked.
    private static async Task<string> CreateTaggedCustomerAsync(BrowserSession browser, Shell shell)
    {
        await browser.Page.GotoAsync("/customers");
        await shell.WaitUntilInteractiveAsync();
        var customers = new CustomersPage(browser.Page);
        var dialog = await customers.OpenNewCustomerAsync();
        var name = "Lahore Advisory " + Random.Shared.Next(1000, 9999);
        await dialog.FillAsync(name, "office@lahore-advisory.example", "+92 42 3571 2200", "retainer, priority", "لاہور", "PK");
        await dialog.SaveAsync();
        await new CustomerPage(browser.Page).ExpectShownAsync(name);
        return new Uri(browser.Page.Url).AbsolutePath;
    }
}
