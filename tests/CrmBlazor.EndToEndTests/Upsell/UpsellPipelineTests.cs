using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Upsell;

/// <summary>
/// An account manager's project reaches 7.5 of its 8 budget hours; "Evaluate now" runs the upsell evaluation
/// job; the pipeline shows the customer's new opportunity with the budget-burn rule's reason; the account
/// manager opens it, reads why and moves it to won, by buttons and menus only; in Urdu the page reads right
/// to left. Screenshots: upsell-10-pipeline-en.png, upsell-20-opportunity-en.png, upsell-30-won-en.png,
/// upsell-40-won-ur.png, upsell-50-pipeline-ur.png.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class UpsellPipelineTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task AccountManager_OpensTheNewOpportunityFromThePipeline_ReadsWhy_AndWinsIt()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var customerName = $"Coimbatore Looms {suffix}";
        var projectName = $"Website relaunch {suffix}";
        var manager = await HostUsers.CreateAsync(app.Host, "Manager", $"Lakshmi Narayan {suffix}");
        await using var session = await app.OpenBrowserAsync(nameof(AccountManager_OpensTheNewOpportunityFromThePipeline_ReadsWhy_AndWinsIt), output);
        await BillableTime.ArrangeAsync(session, manager, customerName, projectName, budgetHours: "8");
        var page = session.Page;
        var shell = new Shell(page);

        await page.GotoAsync("/upsell/rules");
        await shell.WaitUntilInteractiveAsync();
        await page.GetByTestId("upsell-evaluate-now").ClickAsync();
        await Expect(page.GetByTestId("upsell-evaluation-queued")).ToBeVisibleAsync();

        var card = page.GetByTestId("upsell-card").Filter(new() { HasText = customerName });
        for (var attempt = 0; attempt < 60 && await card.CountAsync() == 0; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            await page.GotoAsync("/upsell");
            await shell.WaitUntilInteractiveAsync();
        }

        var reason = $"Budget 8 h, 7.5 h logged (93 %) on {projectName}; threshold 90 %";
        await Expect(page.GetByTestId("upsell-column-New").GetByTestId("upsell-card").Filter(new() { HasText = customerName })).ToHaveCountAsync(1);
        await Expect(card.GetByTestId("upsell-card-reason")).ToHaveTextAsync(reason);
        await AxeCheck.AssertCleanAsync(page);
        await session.ScreenshotAsync("upsell-10-pipeline-en");

        await card.GetByTestId("upsell-card-open").ClickAsync();
        await Expect(page.GetByTestId("upsell-opportunity-reason")).ToHaveTextAsync(reason);
        await Expect(page.GetByTestId("upsell-opportunity-evidence").GetByRole(AriaRole.Link, new() { Name = projectName })).ToBeVisibleAsync();
        await shell.WaitUntilInteractiveAsync();
        await AxeCheck.AssertCleanAsync(page);
        await session.ScreenshotAsync("upsell-20-opportunity-en");

        await page.GetByTestId("upsell-opportunity-move-Contacted").ClickAsync();
        await Expect(page.GetByTestId("upsell-opportunity-stage")).ToHaveTextAsync("Contacted");
        await page.GetByTestId("upsell-opportunity-move-Won").ClickAsync();
        await Expect(page.GetByTestId("upsell-opportunity-stage")).ToHaveTextAsync("Won");
        await Expect(page.GetByTestId("upsell-opportunity-closed")).ToContainTextAsync("Won by a user");
        await AxeCheck.AssertCleanAsync(page);
        await session.ScreenshotAsync("upsell-30-won-en");

        await shell.ChooseLanguageAsync("ur-PK", "اردو");
        await page.ReloadAsync();
        await Expect(page.GetByTestId("upsell-opportunity-stage")).ToHaveTextAsync("جیت لیا");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await session.ScreenshotAsync("upsell-40-won-ur");
        await page.GotoAsync("/upsell");
        await shell.WaitUntilInteractiveAsync();
        await Expect(page.GetByTestId("upsell-column-Won").GetByTestId("upsell-card").Filter(new() { HasText = customerName })).ToHaveCountAsync(1);
        await AxeCheck.AssertCleanAsync(page);
        await session.ScreenshotAsync("upsell-50-pipeline-ur");
    }
}
