using CrmBlazor.EndToEndTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Administration;

/// <summary>
/// The service catalogue (<c>/admin/services</c>) in the browser: the administrator opens it from the
/// menu, adds a service (a SAC code that is not India's is refused with the rule), edits it, retires it
/// and restores it, and reads the page in Urdu, right to left. Every step passes axe's WCAG 2.2 AA rules.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ServiceCatalogueTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Administrator_AddsEditsRetiresAndRestoresAService()
    {
        var name = "Security audit " + Random.Shared.Next(100000, 999999);
        await using var browser = await app.OpenBrowserAsync(nameof(Administrator_AddsEditsRetiresAndRestoresAService), output);
        var page = browser.Page;
        var shell = await browser.SignInAsync(EndToEndFixture.Admin);

        await shell.OpenFromMenuAsync("Services");
        await page.WaitForURLAsync("**/admin/services");
        await page.GetByTestId("service-new").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("input[data-testid=service-name-input]").FillAsync(name);
        await dialog.Locator("input[data-testid=service-code-input]").FillAsync("SEC");
        await dialog.Locator("input[data-testid=service-sac-input]").FillAsync("123456");
        await dialog.Locator("input[data-testid=service-tax-input]").FillAsync("18");
        await dialog.GetByTestId("service-save").ClickAsync();
        await Expect(dialog).ToContainTextAsync("A SAC code has six digits and starts with 99, e.g. 998314.");
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("services-dialog-en");

        await dialog.Locator("input[data-testid=service-sac-input]").FillAsync("998319");
        await dialog.GetByTestId("service-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        var row = page.Locator("tr", new() { Has = page.GetByTestId("service-row-name").GetByText(name, new() { Exact = true }) });
        await Expect(row).ToContainTextAsync("998319");
        await Expect(row).ToContainTextAsync("18 %");

        await row.GetByTestId("service-row-edit").ClickAsync();
        await dialog.Locator("input[data-testid=service-sac-input]").FillAsync("998313");
        await dialog.GetByTestId("service-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(row).ToContainTextAsync("998313");

        await row.GetByTestId("service-row-retire").ClickAsync();
        await Expect(row.GetByTestId("service-row-retired")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("services-en");

        await shell.ChooseLanguageAsync("ur-PK", "اردو");
        await Expect(row.GetByTestId("service-row-retired")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("services-ur");

        await row.GetByTestId("service-row-retire").ClickAsync();
        await Expect(row.GetByTestId("service-row-retired")).ToHaveCountAsync(0);
        await page.GetByTestId("service-new").ClickAsync();
        await Expect(dialog).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("services-dialog-ur");
    }
}
