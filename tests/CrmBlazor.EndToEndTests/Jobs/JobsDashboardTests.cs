using CrmBlazor.EndToEndTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Jobs;

/// <summary>
/// The Hangfire dashboard at <c>/jobs</c> works under the CRM's strict Content-Security-Policy (no
/// inline scripts): its pages open, its scripts draw the graphs and drive the job lists, and the
/// browser refuses nothing (a refused script or connection shows up as a console error).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class JobsDashboardTests(EndToEndFixture app, ITestOutputHelper output)
{
    private static readonly string[] Pages = ["/jobs", "/jobs/jobs/enqueued", "/jobs/jobs/succeeded", "/jobs/jobs/failed", "/jobs/retries", "/jobs/recurring", "/jobs/servers"];

    [Fact]
    public async Task JobsDashboard_OpenedAndUsedByTheAdministrator_RaisesNoBrowserErrors()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(JobsDashboard_OpenedAndUsedByTheAdministrator_RaisesNoBrowserErrors), output);
        await browser.SignInAsync(EndToEndFixture.Admin);
        var page = browser.Page;

        foreach (var path in Pages)
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("h1.page-header")).ToBeVisibleAsync();
        }

        // The overview's graphs are drawn by the dashboard's scripts.
        await page.GotoAsync("/jobs");
        await Expect(page.Locator("canvas")).ToHaveCountAsync(2);
        await browser.ScreenshotAsync("jobs-dashboard");

        // Choosing a recurring job enables "Trigger now" (script), which posts the command (script).
        await page.GotoAsync("/jobs/recurring");
        var trigger = page.Locator("button.js-jobs-list-command").First;
        await Expect(trigger).ToBeDisabledAsync();
        await page.Locator("input.js-jobs-list-checkbox").First.CheckAsync();
        await Expect(trigger).ToBeEnabledAsync();
        var posted = page.WaitForResponseAsync(r => r.Url.Contains("/jobs/recurring/trigger", StringComparison.Ordinal));
        await trigger.ClickAsync();
        Assert.True((await posted).Ok);

        Assert.Empty(browser.BrowserErrors);
    }
}
