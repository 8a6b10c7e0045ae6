using System.Globalization;
using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Upsell;

/// <summary>
/// Issue 18, done-when 3: an account manager in the Staff role (not a manager) has two customers whose projects
/// burn their budgets; a manager presses "Evaluate now"; the account manager finds both new opportunities in the
/// dashboard widget, opens the first, reads why (with the numbers) and moves it contacted, proposal, won by
/// buttons; dismisses the second with a reason and a snooze day; the evaluation runs again and the dismissed one
/// does not come back while snoozed (neither on the board's open columns nor in the widget); the customer tab
/// shows the won and the dismissed one. Axe on every page; English and Urdu. Screenshots: upsell-s10-widget-en,
/// upsell-s20-opportunity-en, upsell-s30-tab-en, upsell-s40-widget-ur, upsell-s50-tab-ur, upsell-s60-opportunity-ur.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class UpsellSurfacesTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task StaffAccountManager_FindsNewOpportunitiesInTheWidget_WinsOne_DismissesOneThatStaysAwayWhileSnoozed()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (wonCustomer, wonProject) = ($"Madurai Textiles {suffix}", $"Catalogue site {suffix}");
        var (snoozedCustomer, snoozedProject) = ($"Tbilisi Wines {suffix}", $"Cellar booking {suffix}");
        var manager = await HostUsers.CreateAsync(app.Host, "Manager", $"Meena Iyer {suffix}");
        var staff = await HostUsers.CreateAsync(app.Host, "Staff", $"Nino Beridze {suffix}");

        // A manager sets up both customers with burnt projects; the staff member becomes their account manager.
        long wonCustomerId, snoozedCustomerId;
        await using (var arranging = await app.OpenBrowserAsync(nameof(StaffAccountManager_FindsNewOpportunitiesInTheWidget_WinsOne_DismissesOneThatStaysAwayWhileSnoozed) + "-arrange-1", output))
        {
            (wonCustomerId, _) = await BillableTime.ArrangeAsync(arranging, manager, wonCustomer, wonProject, budgetHours: "8");
        }

        await using (var arranging = await app.OpenBrowserAsync(nameof(StaffAccountManager_FindsNewOpportunitiesInTheWidget_WinsOne_DismissesOneThatStaysAwayWhileSnoozed) + "-arrange-2", output))
        {
            (snoozedCustomerId, _) = await BillableTime.ArrangeAsync(arranging, manager, snoozedCustomer, snoozedProject, budgetHours: "7.5");
        }

        await HostDatabase.ExecuteAsync(app.Host,
            "UPDATE crm_customers SET \"OwnerUserId\" = (SELECT \"Id\" FROM crm_users WHERE \"NormalizedEmail\" = @p0) WHERE \"Id\" IN (@p1, @p2)",
            staff.Email.ToUpperInvariant(), wonCustomerId, snoozedCustomerId);

        await using var managing = await app.OpenBrowserAsync(nameof(StaffAccountManager_FindsNewOpportunitiesInTheWidget_WinsOne_DismissesOneThatStaysAwayWhileSnoozed) + "-manager", output);
        var managerShell = await managing.SignInAsync(manager);
        await EvaluateNowAsync(managing.Page, managerShell);
        await OpenOpportunitiesAsync(wonCustomerId, snoozedCustomerId);

        // The account manager's dashboard: both, the fully burnt one first.
        await using var session = await app.OpenBrowserAsync(nameof(StaffAccountManager_FindsNewOpportunitiesInTheWidget_WinsOne_DismissesOneThatStaysAwayWhileSnoozed), output);
        var shell = await session.SignInAsync(staff);
        var page = session.Page;
        await page.GotoAsync("/");
        await shell.WaitUntilInteractiveAsync();
        var widget = page.GetByTestId("upsell-widget");
        await Expect(widget.GetByTestId("upsell-widget-count")).ToHaveTextAsync("New opportunities for you: 2");
        await Expect(widget.GetByTestId("upsell-widget-open")).ToHaveTextAsync([snoozedCustomer, wonCustomer]);
        await AxeCheck.AssertCleanAsync(page);
        await widget.ScrollIntoViewIfNeededAsync();
        await session.ScreenshotAsync("upsell-s10-widget-en");

        // Why, then contacted, proposal, won.
        var reason = $"Budget 8 h, 7.5 h logged (93 %) on {wonProject}; threshold 90 %";
        await Expect(widget.GetByTestId("upsell-widget-row").Filter(new() { HasText = wonCustomer }).GetByTestId("upsell-widget-reason")).ToHaveTextAsync(reason);
        await widget.GetByRole(AriaRole.Link, new() { Name = wonCustomer }).ClickAsync();
        await Expect(page.GetByTestId("upsell-opportunity-reason")).ToHaveTextAsync(reason);
        await shell.WaitUntilInteractiveAsync();
        await AxeCheck.AssertCleanAsync(page);
        await session.ScreenshotAsync("upsell-s20-opportunity-en");
        foreach (var (stage, shown) in new[] { ("Contacted", "Contacted"), ("Proposal", "Proposal"), ("Won", "Won") })
        {
            await page.GetByTestId("upsell-opportunity-move-" + stage).ClickAsync();
            await Expect(page.GetByTestId("upsell-opportunity-stage")).ToHaveTextAsync(shown);
        }

        await Expect(page.GetByTestId("upsell-opportunity-closed")).ToContainTextAsync("Won by a user");

        // The other one: dismissed with a reason until a month from now.
        await page.GotoAsync("/");
        await shell.WaitUntilInteractiveAsync();
        await Expect(widget.GetByTestId("upsell-widget-count")).ToHaveTextAsync("New opportunities for you: 1");
        await widget.GetByRole(AriaRole.Link, new() { Name = snoozedCustomer }).ClickAsync();
        await Expect(page.GetByTestId("upsell-opportunity-reason")).ToContainTextAsync(snoozedProject);
        await shell.WaitUntilInteractiveAsync();
        var until = DateTime.Today.AddDays(30);
        await page.GetByLabel("Reason").FillAsync("They buy after the harvest");
        var snooze = page.GetByLabel("Snooze until (empty: for good)");
        await snooze.FillAsync(until.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await snooze.PressAsync("Tab");
        await page.GetByTestId("upsell-dismiss").ClickAsync();
        await Expect(page.GetByTestId("upsell-opportunity-stage")).ToHaveTextAsync("Dismissed");
        Assert.Equal(until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), await HostDatabase.TextAsync(app.Host,
            "SELECT \"SnoozedUntil\" FROM upsell_opportunities WHERE \"CustomerId\" = @p0", snoozedCustomerId));

        // The evaluation runs again; the snoozed situation stays away.
        var runs = await FinishedRunsAsync();
        await EvaluateNowAsync(managing.Page, managerShell);
        for (var attempt = 0; attempt < 60 && await FinishedRunsAsync() == runs; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        Assert.True(await FinishedRunsAsync() > runs, "The second evaluation did not finish within a minute.");
        Assert.Equal(1L, await HostDatabase.ScalarAsync(app.Host, "SELECT COUNT(*) FROM upsell_opportunities WHERE \"CustomerId\" = @p0", snoozedCustomerId));
        await page.GotoAsync("/upsell");
        await shell.WaitUntilInteractiveAsync();
        foreach (var open in new[] { "New", "Contacted", "Proposal" })
        {
            await Expect(page.GetByTestId("upsell-column-" + open).GetByTestId("upsell-card").Filter(new() { HasText = snoozedCustomer })).ToHaveCountAsync(0);
        }

        await Expect(page.GetByTestId("upsell-column-Dismissed").GetByTestId("upsell-card").Filter(new() { HasText = snoozedCustomer })).ToHaveCountAsync(1);
        await page.GotoAsync("/");
        await shell.WaitUntilInteractiveAsync();
        await Expect(widget.GetByTestId("upsell-widget-none")).ToHaveTextAsync("You have no new opportunities.");

        // The customer tabs tell what became of them.
        await page.GotoAsync($"/customers/{wonCustomerId}");
        var customerPage = new CustomerPage(page);
        await customerPage.ExpectShownAsync(wonCustomer);
        await shell.WaitUntilInteractiveAsync();
        await customerPage.OpenTabAsync("Opportunities");
        var tab = page.GetByTestId("upsell-customer-tab");
        await Expect(tab.GetByTestId("upsell-customer-closed-row")).ToContainTextAsync("Won by a user");
        await Expect(tab.GetByTestId("upsell-customer-no-open")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(page);
        await page.GotoAsync($"/customers/{snoozedCustomerId}");
        await customerPage.ExpectShownAsync(snoozedCustomer);
        await shell.WaitUntilInteractiveAsync();
        await customerPage.OpenTabAsync("Opportunities");
        await Expect(tab.GetByTestId("upsell-customer-closed-row")).ToContainTextAsync("Dismissed by a user: They buy after the harvest");
        await AxeCheck.AssertCleanAsync(page);
        await session.ScreenshotAsync("upsell-s30-tab-en");

        // In Urdu, right to left.
        await shell.ChooseLanguageAsync("ur-PK", "اردو");
        await page.GotoAsync("/");
        await shell.WaitUntilInteractiveAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(widget.GetByTestId("upsell-widget-none")).ToHaveTextAsync("آپ کے لیے کوئی نیا موقع نہیں۔");
        await AxeCheck.AssertCleanAsync(page);
        await widget.ScrollIntoViewIfNeededAsync();
        await session.ScreenshotAsync("upsell-s40-widget-ur");
        await page.GotoAsync($"/customers/{wonCustomerId}");
        await customerPage.ExpectShownAsync(wonCustomer);
        await shell.WaitUntilInteractiveAsync();
        await customerPage.OpenTabAsync("مواقع");
        await Expect(tab.GetByTestId("upsell-customer-closed-row")).ToContainTextAsync("صارف نے جیتا");
        await AxeCheck.AssertCleanAsync(page);
        await session.ScreenshotAsync("upsell-s50-tab-ur");
        await tab.GetByTestId("upsell-customer-closed-row").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByTestId("upsell-opportunity-reason")).ToContainTextAsync(wonProject);
        await shell.WaitUntilInteractiveAsync();
        await AxeCheck.AssertCleanAsync(page);
        await session.ScreenshotAsync("upsell-s60-opportunity-ur");
    }

    private static async Task EvaluateNowAsync(IPage page, Shell shell)
    {
        await page.GotoAsync("/upsell/rules");
        await shell.WaitUntilInteractiveAsync();
        await page.GetByTestId("upsell-evaluate-now").ClickAsync();
        await Expect(page.GetByTestId("upsell-evaluation-queued")).ToBeVisibleAsync();
    }

    private async Task OpenOpportunitiesAsync(params long[] customerIds)
    {
        foreach (var customerId in customerIds)
        {
            for (var attempt = 0; attempt < 60 && Convert.ToInt64(await HostDatabase.ScalarAsync(app.Host,
                "SELECT COUNT(*) FROM upsell_opportunities WHERE \"CustomerId\" = @p0 AND \"ClosedAt\" IS NULL", customerId), CultureInfo.InvariantCulture) == 0; attempt++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    private async Task<long> FinishedRunsAsync() =>
        Convert.ToInt64(await HostDatabase.ScalarAsync(app.Host, "SELECT COUNT(*) FROM upsell_evaluation_runs WHERE \"FinishedAt\" IS NOT NULL"), CultureInfo.InvariantCulture);
}
