using CrmBlazor.EndToEndTests.Accessibility;
using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Upsell;

/// <summary>
/// A manager presses "Evaluate now" on the rules page and sees the run's figures and duration appear without a
/// reload, then opens the conversion per rule: the chart and the table of a rule with two
/// won (in EUR and in INR, shown apart), one lost and one open opportunity read 50 % and both values; the
/// chart's table toggle shows the same figures; in Urdu the page reads right to left, and in Georgian too it
/// shows its own words. Screenshots: upsell-60-rules-en.png, upsell-70-conversion-en.png,
/// upsell-80-conversion-ur.png, upsell-90-conversion-ka.png.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class UpsellConversionTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Manager_ReadsTheConversionOfEachRule_InEnglishUrduAndGeorgian()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var rule = $"e2e.retired-rule-{suffix}";
        var records = await SampleRecords.OnAsync(app, output);
        await AddAsync(records.CustomerId, rule, "Won", "Won", "1000.5", "EUR");
        await AddAsync(records.CustomerId, rule, "Won", "Won", "90000", "INR");
        await AddAsync(records.CustomerId, rule, "Lost", "Lost", "400", "EUR");
        await AddAsync(records.CustomerId, rule, "New", null, "300", "EUR");
        var manager = await HostUsers.CreateAsync(app.Host, "Manager", $"Farah Qureshi {suffix}");
        await using var session = await app.OpenBrowserAsync(nameof(Manager_ReadsTheConversionOfEachRule_InEnglishUrduAndGeorgian), output);
        var shell = await session.SignInAsync(manager);
        var page = session.Page;

        await page.GotoAsync("/upsell/rules");
        await shell.WaitUntilInteractiveAsync();
        await page.GetByTestId("upsell-evaluate-now").ClickAsync();
        // The page reads the runs again while the queued evaluation runs: its figures show without a reload.
        await Expect(page.GetByTestId("upsell-run").First.GetByTestId("upsell-run-duration")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d[\d.,]* s$"), new() { Timeout = 60_000 });
        await AxeCheck.AssertCleanAsync(page);
        await session.ScreenshotAsync("upsell-60-rules-en");
        await page.GetByTestId("upsell-conversion-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/upsell/conversion$"));
        await shell.WaitUntilInteractiveAsync();
        await page.Locator(".mud-select").Filter(new() { HasText = "Opened in" }).First.ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("All time", new() { Exact = true }).ClickAsync();

        var row = page.GetByTestId("upsell-conversion-row").And(page.Locator($"[data-rule='{rule}']"));
        await Expect(row).ToContainTextAsync("€1,000.50");
        await Expect(row).ToContainTextAsync("₹90,000.00");
        await Expect(row.GetByTestId("upsell-conversion-rate")).ToHaveTextAsync("50%");
        await Expect(page.GetByTestId("upsell-conversion-chart")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(page);
        await session.ScreenshotAsync("upsell-70-conversion-en");

        await shell.ChooseLanguageAsync("ur-PK", "اردو");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ہر اصول کی کامیابی کی شرح" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("upsell-conversion-row").And(page.Locator($"[data-rule='{rule}']"))).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(page);
        await session.ScreenshotAsync("upsell-80-conversion-ur");

        await shell.ChooseLanguageAsync("ka-GE", "ქართული");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "კონვერსია წესების მიხედვით" })).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(page);
        await session.ScreenshotAsync("upsell-90-conversion-ka");
    }

    /// <summary>Stores an opportunity of a rule no plugin offers, opened yesterday, as the evaluation and the pipeline leave them.</summary>
    private Task AddAsync(long customerId, string rule, string stage, string? closure, string value, string currency) => HostDatabase.ExecuteAsync(app.Host, """
        INSERT INTO upsell_opportunities ("CustomerId", "RuleId", "SituationKey", "Stage", "Score", "Evidence", "EstimatedValue", "Currency", "ValueSetByUser",
            "OpenedAt", "EvaluatedAt", "ClosedAt", "ClosedBecause", "RowVersion")
        VALUES (@p0, @p1, @p2, @p3, 80, '{}', @p4, @p5, 0, @p6, @p6, @p7, @p8, @p9)
        """,
        customerId, rule, "e2e:" + Guid.NewGuid().ToString("N"), stage, value, currency,
        DateTimeOffset.UtcNow.AddDays(-1).UtcTicks, closure is null ? DBNull.Value : DateTimeOffset.UtcNow.UtcTicks, (object?)closure ?? DBNull.Value,
        Guid.NewGuid().ToString().ToUpperInvariant());
}
