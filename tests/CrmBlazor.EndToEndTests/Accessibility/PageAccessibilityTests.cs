using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using CrmBlazor.Sdk.Authorization;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Xunit.Sdk;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Accessibility;

/// <summary>
/// Every page of the core and of the projects, invoicing and resources plugins (<see cref="RoutablePages"/>), each tab
/// of those pages and their main dialogs pass axe's WCAG 2.2 AA rules, in a left-to-right and a right-to-left
/// language, for each role that may open them and for someone signed out. Each test collects the violations
/// of all its pages into one report. Other tests check the pages they visit as they go
/// (<see cref="BrowserSession.CheckShownPageAsync"/>); the last test here shows that a violation fails them.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PageAccessibilityTests(EndToEndFixture app, ITestOutputHelper output)
{
    /// <summary>Each role in each language.</summary>
    public static TheoryData<string, string> RolesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in CrmRoles.All)
        {
            foreach (var (culture, _) in RoutablePages.Languages)
            {
                data.Add(role, culture);
            }
        }

        return data;
    }

    /// <summary>Each language.</summary>
    public static TheoryData<string> Languages() => [.. RoutablePages.Languages.Select(language => language.CultureName)];

    [Theory]
    [MemberData(nameof(RolesAndLanguages))]
    public async Task EveryPageTheRoleMayOpen_WithEachTab_HasNoWcagViolations(string role, string cultureName)
    {
        var records = await SampleRecords.OnAsync(app, output);
        await using var browser = await OpenAsync($"pages-{role}-{cultureName}");
        var shell = await browser.SignInAsync(records.Users[role]);
        await ChooseLanguageAsync(shell, cultureName);

        var violations = new List<string>();
        var shown = 0;
        foreach (var page in RoutablePages.SignedIn(records).Where(page => page.Roles.Contains(role)))
        {
            await OpenAsync(browser.Page, page.Address);
            violations.AddRange(await AxeCheck.ViolationsAsync(browser.Page));

            // What the administrator sees, page by page, to look at (screenshots/a11y-*.png).
            if (role == CrmRoles.Admin)
            {
                await browser.ScreenshotAsync($"a11y-{cultureName}-{++shown:00}");
            }

            violations.AddRange(await TabViolationsAsync(browser.Page));
        }

        AxeCheck.AssertNone(violations);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task PublicPages_SignedOut_HaveNoWcagViolations(string cultureName)
    {
        await using var browser = await OpenAsync($"public-pages-{cultureName}");
        await browser.Page.GotoAsync($"/culture?name={cultureName}&returnUrl=/account/login");
        await Expect(browser.Page.Locator("html")).ToHaveAttributeAsync("lang", cultureName);

        var violations = new List<string>();
        foreach (var address in RoutablePages.Public)
        {
            await OpenAsync(browser.Page, address);
            violations.AddRange(await AxeCheck.ViolationsAsync(browser.Page));
        }

        AxeCheck.AssertNone(violations);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task MainDialogs_Opened_HaveNoWcagViolations(string cultureName)
    {
        var records = await SampleRecords.OnAsync(app, output);
        await using var browser = await OpenAsync($"dialogs-{cultureName}");
        var shell = await browser.SignInAsync(EndToEndFixture.Admin);
        await ChooseLanguageAsync(shell, cultureName);
        var page = browser.Page;

        var violations = new List<string>();
        foreach (var dialog in RoutablePages.Dialogs(records))
        {
            await OpenAsync(page, dialog.Address);
            await OpenDialogAsync(page, dialog.Opener);
            violations.AddRange((await AxeCheck.ViolationsAsync(page)).Select(violation => $"[{dialog.Opener}] {violation}"));
        }

        AxeCheck.AssertNone(violations);
    }

    [Fact]
    public async Task PageShownInATest_WithAWcagViolation_FailsThatTest()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(PageShownInATest_WithAWcagViolation_FailsThatTest), output);
        var shell = await browser.SignInAsync(EndToEndFixture.Admin);
        await browser.Page.GotoAsync("/customers");

        // A button without a name, as a careless change might leave one.
        await browser.Page.EvaluateAsync("() => document.body.append(document.createElement('button'))");

        var failure = await Assert.ThrowsAsync<FailException>(shell.WaitUntilInteractiveAsync);
        Assert.Contains("button-name (critical)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("/customers", failure.Message, StringComparison.Ordinal);
    }

    private async Task<BrowserSession> OpenAsync(string name)
    {
        var browser = await app.OpenBrowserAsync(name, output);

        // These tests collect the violations of all their pages into one report.
        browser.ChecksShownPages = false;
        return browser;
    }

    private static async Task ChooseLanguageAsync(Shell shell, string cultureName)
    {
        if (cultureName != "en-GB")
        {
            await shell.ChooseLanguageAsync(cultureName, RoutablePages.Languages.Single(language => language.CultureName == cultureName).NativeName);
        }
    }

    // Interactive pages (the shell's) are checked once their circuit runs; static ones (sign-in, not found) at once.
    private static async Task OpenAsync(IPage page, string address)
    {
        await page.GotoAsync(address);
        await page.WaitForFunctionAsync("() => document.querySelector('[data-interactive]')?.dataset.interactive !== 'false'");
    }

    // Each tab but the first (shown with the page) is chosen in turn and checked.
    private static async Task<IReadOnlyList<string>> TabViolationsAsync(IPage page)
    {
        var violations = new List<string>();
        var tabs = page.GetByRole(AriaRole.Tab);
        for (var tab = 1; tab < await tabs.CountAsync(); tab++)
        {
            await tabs.Nth(tab).ClickAsync();
            await Expect(tabs.Nth(tab)).ToHaveAttributeAsync("aria-selected", "true");
            violations.AddRange(await AxeCheck.ViolationsAsync(page));
        }

        return violations;
    }

    // The opening button is on the page or on one of its tabs.
    private static async Task OpenDialogAsync(IPage page, string opener)
    {
        var button = page.GetByTestId(opener).First;
        var tabs = page.GetByRole(AriaRole.Tab);
        for (var tab = 1; !await button.IsVisibleAsync() && tab < await tabs.CountAsync(); tab++)
        {
            await tabs.Nth(tab).ClickAsync();
            await Expect(tabs.Nth(tab)).ToHaveAttributeAsync("aria-selected", "true");
        }

        await button.ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToBeVisibleAsync();
    }
}
