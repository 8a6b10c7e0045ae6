using CrmBlazor.EndToEndTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Pages;

/// <summary>The signed-in shell: app bar with the language and user menus, the menu drawer, the page.</summary>
/// <param name="page">The browser page.</param>
public sealed class Shell(IPage page)
{
    /// <summary>The main menu.</summary>
    public ILocator Menu => page.GetByTestId("nav-menu");

    /// <summary>The page's root element, whose lang and dir follow the chosen culture.</summary>
    public ILocator Document => page.Locator("html");

    /// <summary>An entry of the main menu.</summary>
    /// <param name="title">The entry's title as shown.</param>
    public ILocator MenuItem(string title) => Menu.GetByRole(AriaRole.Link, new() { Name = title, Exact = true });

    /// <summary>
    /// Waits until the page runs interactively (its circuit is connected), so clicks reach the server.
    /// Until then the page is the prerendered HTML and buttons do nothing. Then checks the page with axe
    /// (<see cref="BrowserSession.CheckShownPageAsync"/>): a violation fails the test.
    /// </summary>
    public async Task WaitUntilInteractiveAsync()
    {
        await Expect(page.Locator("[data-interactive='true']")).ToHaveCountAsync(1);
        await BrowserSession.CheckShownPageAsync(page);
    }

    /// <summary>
    /// Opens a page by clicking its menu entry (navigation inside the app, no page load), waits until the
    /// page has rendered (its address and its title have changed) and checks it with axe.
    /// </summary>
    /// <param name="title">The entry's title.</param>
    public async Task OpenFromMenuAsync(string title)
    {
        var entry = MenuItem(title);
        var target = new Uri(new Uri(page.Url), await entry.GetAttributeAsync("href")).AbsolutePath;
        var previousTitle = await page.TitleAsync();
        var elsewhere = target != new Uri(page.Url).AbsolutePath;
        await entry.ClickAsync();
        if (elsewhere)
        {
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == target);
            await page.WaitForFunctionAsync("title => document.title !== title", previousTitle);
        }

        await WaitUntilInteractiveAsync();
    }

    /// <summary>Chooses a language in the app bar's picker and waits for the page to come back in it.</summary>
    /// <param name="cultureName">The culture's name, e.g. ur-PK.</param>
    /// <param name="nativeName">The language's name as the picker shows it, e.g. اردو.</param>
    public async Task ChooseLanguageAsync(string cultureName, string nativeName)
    {
        await page.GetByTestId("culture-picker").Locator("button").First.ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(nativeName, new() { Exact = true }).ClickAsync();
        await Expect(Document).ToHaveAttributeAsync("lang", cultureName);
        await WaitUntilInteractiveAsync();
    }

    /// <summary>Opens the user menu by clicking the signed-in administrator's name in the app bar.</summary>
    public async Task OpenUserMenuAsync()
    {
        await page.GetByTestId("user-menu").GetByText(EndToEndFixture.Admin.Email).ClickAsync();
        await Expect(page.GetByTestId("sign-out")).ToBeVisibleAsync();
    }

    /// <summary>Signs out through the user menu and waits for the page that follows.</summary>
    public async Task SignOutAsync()
    {
        await OpenUserMenuAsync();
        var signedIn = page.Url;
        await page.GetByTestId("sign-out").ClickAsync();
        await page.WaitForURLAsync(url => url != signedIn);
    }
}
