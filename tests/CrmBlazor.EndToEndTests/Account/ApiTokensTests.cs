using CrmBlazor.EndToEndTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Account;

/// <summary>
/// API tokens on the account page in the browser: a user creates a token with one permission, sees it
/// once with the warning and the copy button, calls the API with it, and revokes it after confirming;
/// the API refuses it from then on. The page passes axe's WCAG 2.2 AA rules with the token shown and
/// after the revocation.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ApiTokensTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task User_CreatesATokenSeesItOnceAndRevokesIt()
    {
        var user = await HostUsers.CreateAsync(app.Host, "Staff", "Anaya Rao");
        await using var browser = await app.OpenBrowserAsync(nameof(User_CreatesATokenSeesItOnceAndRevokesIt), output);
        var page = browser.Page;
        var shell = await browser.SignInAsync(user);

        await page.GotoAsync("/account");
        await shell.WaitUntilInteractiveAsync();
        await page.Locator("input[data-testid=api-token-name]").FillAsync("Phone system");
        await page.GetByLabel("View customers", new() { Exact = true }).CheckAsync();
        await page.GetByTestId("api-token-create").ClickAsync();

        var secretField = page.Locator("input[data-testid=api-token-secret]");
        await Expect(secretField).ToBeVisibleAsync();
        var secret = await secretField.InputValueAsync();
        Assert.StartsWith("crm_", secret, StringComparison.Ordinal);
        await Expect(page.GetByTestId("api-token-created")).ToContainTextAsync("it is shown only once");
        await Expect(page.GetByTestId("api-token-copy")).ToBeVisibleAsync();
        var row = page.GetByTestId("api-token-row").Filter(new() { HasText = "Phone system" });
        await Expect(row).ToContainTextAsync("View customers");
        await Expect(row).ToContainTextAsync(secret[..16]);
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("account-api-token-created");

        Assert.Equal(200, await CallMeAsync(page, secret));

        // Shown once: gone when dismissed and after a reload.
        await page.GetByTestId("api-token-done").ClickAsync();
        await Expect(secretField).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await shell.WaitUntilInteractiveAsync();
        await Expect(row).ToBeVisibleAsync();
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);

        await row.GetByTestId("api-token-revoke").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();
        await Expect(row.GetByTestId("api-token-revoked")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("api-token-status")).ToContainTextAsync("The token Phone system is revoked.");
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("account-api-token-revoked");

        Assert.Equal(401, await CallMeAsync(page, secret));
    }

    // Through the browser's own request context: its cookie goes along and must not matter.
    private static async Task<int> CallMeAsync(IPage page, string token)
    {
        var response = await page.Context.APIRequest.GetAsync("/api/v1/me", new() { Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token } });
        try
        {
            return response.Status;
        }
        finally
        {
            await response.DisposeAsync();
        }
    }
}
