using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Localization;

/// <summary>
/// The pages where translated labels run longest (Georgian and Kannada are often 2–3× English): the plugins
/// page, the invoice draft editor and the week grid, in each of the five languages. Each is saved as a
/// screenshot (<c>lang-&lt;page&gt;-&lt;language&gt;.png</c>) to be looked at, and no chip or table header may
/// overflow its box: a long label wraps, or is cut with an ellipsis and its full text in a tooltip.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class LongLabelsTests(EndToEndFixture app, ITestOutputHelper output)
{
    private static readonly string[] Languages = ["ta-IN", "kn-IN", "gu-IN", "ur-PK", "ka-GE"];

    [Fact]
    public async Task PluginsDraftEditorAndWeekGrid_InEveryLanguage_KeepTheirLabelsInsideTheirBoxes()
    {
        var manager = await HostUsers.CreateAsync(app.Host, "Manager", "Meera Iyer");
        var accountant = await HostUsers.CreateAsync(app.Host, "Accountant", "Nino Tsereteli");
        var customerName = "ბათუმის ლოჯისტიკა " + Random.Shared.Next(100, 999);
        var projectName = "Warehouse portal " + Random.Shared.Next(1000, 9999);

        await using var managerBrowser = await app.OpenBrowserAsync(nameof(PluginsDraftEditorAndWeekGrid_InEveryLanguage_KeepTheirLabelsInsideTheirBoxes) + "-manager", output);
        var (customerId, _) = await BillableTime.ArrangeAsync(managerBrowser, manager, customerName, projectName);

        await using var accountantBrowser = await app.OpenBrowserAsync(nameof(PluginsDraftEditorAndWeekGrid_InEveryLanguage_KeepTheirLabelsInsideTheirBoxes) + "-accountant", output);
        await accountantBrowser.SignInAsync(accountant);
        var newInvoice = new NewInvoicePage(accountantBrowser.Page);
        await newInvoice.OpenAsync(customerId);
        await Expect(newInvoice.Entries).ToHaveCountAsync(1);
        await newInvoice.CreateFromTimeAsync();
        var invoice = new InvoicePage(accountantBrowser.Page);
        await invoice.ExpectDraftAsync();
        var draftUrl = accountantBrowser.Page.Url;

        await using var adminBrowser = await app.OpenBrowserAsync(nameof(PluginsDraftEditorAndWeekGrid_InEveryLanguage_KeepTheirLabelsInsideTheirBoxes) + "-admin", output);
        await adminBrowser.SignInAsync(EndToEndFixture.Admin);

        foreach (var culture in Languages)
        {
            var language = culture[..2];

            await OpenInAsync(adminBrowser.Page, "/admin/plugins", culture);
            await Expect(adminBrowser.Page.GetByTestId("plugin-state-invoicing")).ToBeVisibleAsync();
            await adminBrowser.ScreenshotAsync($"lang-plugins-{language}");
            Assert.Empty(await OverflowingLabelsAsync(adminBrowser.Page));

            await OpenInAsync(accountantBrowser.Page, new Uri(draftUrl).PathAndQuery, culture);
            await invoice.ExpectDraftAsync();
            await accountantBrowser.ScreenshotAsync($"lang-draft-editor-{language}");
            Assert.Empty(await OverflowingLabelsAsync(accountantBrowser.Page));

            await OpenInAsync(managerBrowser.Page, "/projects/time", culture);
            var week = new WeekGridPage(managerBrowser.Page);
            await week.ExpectShownAsync();
            await managerBrowser.ScreenshotAsync($"lang-week-grid-{language}");
            Assert.Empty(await OverflowingLabelsAsync(managerBrowser.Page));
        }
    }

    /// <summary>Opens a page in a language, as the language picker does (the culture cookie, then the page).</summary>
    private static async Task OpenInAsync(IPage page, string path, string culture)
    {
        await page.GotoAsync($"/culture?name={culture}&returnUrl={Uri.EscapeDataString(path)}");
        var shell = new Shell(page);
        await Expect(shell.Document).ToHaveAttributeAsync("lang", culture);
        await shell.WaitUntilInteractiveAsync();
    }

    /// <summary>Chips and table headers whose text is wider than their box and is neither wrapped nor cut with an ellipsis.</summary>
    private static async Task<string[]> OverflowingLabelsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.mud-chip, th')]
              .filter(e => e.offsetParent !== null)
              .filter(e => {
                const content = e.querySelector('.mud-chip-content') ?? e;
                const style = getComputedStyle(content);
                const cut = style.textOverflow === 'ellipsis' && style.overflow === 'hidden';
                return !cut && content.scrollWidth > content.clientWidth + 1;
              })
              .map(e => e.textContent.trim())
            """);
}
