using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Segments;

/// <summary>
/// A segment built in the browser: its live count follows the rule as it is typed, and after saving
/// and refreshing from the list its members are the customers the rule describes.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SegmentBuilderTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task NewSegment_RuleOnAKannadaWord_CountsLiveAndHoldsThatCustomerAfterARefresh()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(NewSegment_RuleOnAKannadaWord_CountsLiveAndHoldsThatCustomerAfterARefresh), output);
        var shell = await browser.SignInAsync(EndToEndFixture.Admin);
        var page = browser.Page;

        // A word unique to this run, so no other test's customer matches the rule.
        var word = "ರೇಷ್ಮೆ" + Random.Shared.Next(100, 999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var customerName = "ಮೈಸೂರು " + word + " ಮಳಿಗೆ";
        var segmentName = "Silk " + word;

        await shell.OpenFromMenuAsync("Customers");
        var customers = new CustomersPage(page);
        await customers.ExpectShownAsync();
        var dialog = await customers.OpenNewCustomerAsync();
        await dialog.FillAsync(customerName, "office@mysuru-silk.example", "+91 82123 45678", "silk", "ಮೈಸೂರು", "IN");
        await dialog.SaveAsync();
        await new CustomerPage(page).ExpectShownAsync(customerName);

        await shell.OpenFromMenuAsync("Segments");
        var segments = new SegmentsPage(page);
        await segments.ExpectShownAsync();
        var editor = await segments.NewSegmentAsync();
        await editor.Name.FillAsync(segmentName);
        await editor.AddTextRuleAsync("Name", "contains", word);

        await Expect(editor.Count).ToHaveTextAsync("1");
        await browser.ScreenshotAsync("segment-live-count");

        await editor.SaveAsync();
        await shell.OpenFromMenuAsync("Segments");
        await segments.ExpectShownAsync();
        await segments.RefreshNowAsync(segmentName);
        await Expect(segments.Row(segmentName).GetByTestId("segment-row-members")).ToHaveTextAsync("1");

        await segments.Row(segmentName).GetByTestId("segment-row-members").ClickAsync();
        await customers.ExpectShownAsync();
        await Expect(customers.RowNames).ToHaveTextAsync([customerName]);
    }
}
