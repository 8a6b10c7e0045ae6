using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Accessibility;

/// <summary>
/// The keyboard alone: the skip link, the focus ring, dialogs that keep and give back the focus, page titles
/// and landmarks, every control reached by Tab (<see cref="KeyboardUser.TabToAsync"/>).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class KeyboardOnlyTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task SkipLink_FirstTabStopOfAPage_IsShownAndMovesTheFocusToTheMainContent()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(SkipLink_FirstTabStopOfAPage_IsShownAndMovesTheFocusToTheMainContent), output);
        await browser.SignInAsync(EndToEndFixture.Admin);
        var page = browser.Page;
        var user = new KeyboardUser(page);
        await page.GotoAsync("/customers");
        await new Shell(page).WaitUntilInteractiveAsync();

        await user.PressAsync("Tab");
        await user.ExpectFocusOnAsync("Skip to main content", "link");
        await Expect(page.GetByTestId("skip-link")).ToBeInViewportAsync();
        await user.PressAsync("Enter");

        Assert.Equal("main-content", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await user.PressAsync("Tab");
        await user.ExpectFocusOnAsync("Import", "link");
    }

    [Fact]
    public async Task FocusRing_OnControlsReachedByTab_IsASolidOutlineOfAtLeastTwoPixelsWhiteOnTheAppBar()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(FocusRing_OnControlsReachedByTab_IsASolidOutlineOfAtLeastTwoPixelsWhiteOnTheAppBar), output);
        await browser.SignInAsync(EndToEndFixture.Admin);
        var page = browser.Page;
        var user = new KeyboardUser(page);
        await page.GotoAsync("/customers");
        await new Shell(page).WaitUntilInteractiveAsync();

        var rings = new Dictionary<string, string>();
        foreach (var (name, role) in new[] { ("Menu", "button"), ("Customers", "link"), ("New customer", "button"), ("Show archived customers", "switch") })
        {
            await user.TabToAsync(name, role);
            rings[name] = await page.EvaluateAsync<string>("""
                () => {
                    // The ring is on the element or, for fields and switches that hide their input, on what is shown around it.
                    let element = document.activeElement;
                    while (element && getComputedStyle(element).outlineStyle !== 'solid') element = element.parentElement;
                    if (!element) return 'none';
                    const style = getComputedStyle(element);
                    return `${style.outlineStyle} ${parseFloat(style.outlineWidth) >= 2 ? 'wide' : 'thin'} ${style.outlineColor}`;
                }
                """);
        }

        Assert.Equal("solid wide rgb(255, 255, 255)", rings["Menu"]);
        Assert.Equal("solid wide rgb(42, 92, 168)", rings["Customers"]);
        Assert.Equal("solid wide rgb(42, 92, 168)", rings["New customer"]);
        Assert.Equal("solid wide rgb(42, 92, 168)", rings["Show archived customers"]);
    }

    [Fact]
    public async Task Dialog_OpenedFromTheKeyboard_TakesTheFocusKeepsTabInsideAndGivesTheFocusBackOnEscape()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(Dialog_OpenedFromTheKeyboard_TakesTheFocusKeepsTabInsideAndGivesTheFocusBackOnEscape), output);
        await browser.SignInAsync(EndToEndFixture.Admin);
        var page = browser.Page;
        var user = new KeyboardUser(page);
        await page.GotoAsync("/customers");
        await new Shell(page).WaitUntilInteractiveAsync();

        await user.TabToAsync("New customer", "button");
        await user.PressAsync("Enter");
        await user.ExpectFocusOnAsync("Company", "radio");

        // Round the dialog twice with Tab: the focus never leaves it.
        for (var press = 0; press < 40; press++)
        {
            await user.PressAsync("Tab");
            Assert.True(await page.EvaluateAsync<bool>("() => !!document.activeElement.closest('.mud-dialog')"),
                $"Tab {press + 1} took the focus out of the dialog, to {await user.FocusedAsync()}.");
        }

        await user.PressAsync("Escape");
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await user.ExpectFocusOnAsync("New customer", "button");
    }

    [Fact]
    public async Task Pages_OpenedFromTheMenu_HaveLandmarksATitleNamingThemAndTheFocusOnTheirHeading()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(Pages_OpenedFromTheMenu_HaveLandmarksATitleNamingThemAndTheFocusOnTheirHeading), output);
        await browser.SignInAsync(EndToEndFixture.Admin);
        var page = browser.Page;
        var user = new KeyboardUser(page);

        await Expect(page.GetByRole(AriaRole.Banner)).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Main)).ToHaveCountAsync(1);

        foreach (var (link, heading, title) in new[]
        {
            ("Customers", "Customers", "Customers · CrmBlazor"),
            ("Segments", "Segments", "Segments · CrmBlazor"),
            ("Projects", "Projects", "Projects · CrmBlazor"),
            ("Invoices", "Invoices", "Invoices · CrmBlazor"),
            ("Audit log", "Audit log", "Audit log · CrmBlazor"),
        })
        {
            await user.TabToAsync(link, "link", backwards: true);
            await user.PressAsync("Enter");
            await user.ExpectFocusOnAsync(heading, "heading");
            await Expect(page).ToHaveTitleAsync(title);
        }

    }

    [Fact]
    public async Task RefusedPage_ForSomeoneWithoutThePermission_IsTitledAccessDenied()
    {
        var staff = await HostUsers.CreateAsync(app.Host, "Staff", "Ravi Shankar");
        await using var browser = await app.OpenBrowserAsync(nameof(RefusedPage_ForSomeoneWithoutThePermission_IsTitledAccessDenied), output);
        await browser.SignInAsync(staff);
        var page = browser.Page;

        // Inside the app (a link, an address typed into no new page): the router shows the refusal in place of
        // the page. A page loaded anew is sent to the sign-in pipeline's own access-denied page instead.
        await page.EvaluateAsync("() => Blazor.navigateTo('/admin/audit')");

        await Expect(page.GetByTestId("access-refused")).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync("Access denied · CrmBlazor");
    }
}
