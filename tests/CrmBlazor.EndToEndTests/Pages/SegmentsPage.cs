using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Pages;

/// <summary>The segment list (/segments): names, member counts, last refresh and "Refresh now".</summary>
/// <param name="page">The browser page.</param>
public sealed class SegmentsPage(IPage page)
{
    /// <summary>Waits until the list is shown.</summary>
    public async Task ExpectShownAsync() => await Expect(page.GetByTestId("segment-table")).ToBeVisibleAsync();

    /// <summary>The row of a segment.</summary>
    /// <param name="name">The segment's name.</param>
    public ILocator Row(string name) => page.Locator("tr").Filter(new() { Has = page.GetByTestId("segment-row-name").GetByText(name, new() { Exact = true }) });

    /// <summary>Opens the editor for a new segment.</summary>
    public async Task<SegmentEditorPage> NewSegmentAsync()
    {
        await page.GetByTestId("segment-new").ClickAsync();
        var editor = new SegmentEditorPage(page);
        await Expect(editor.Name).ToBeVisibleAsync();
        return editor;
    }

    /// <summary>Refreshes a segment now and waits until its run has finished (the page says so).</summary>
    /// <param name="name">The segment's name.</param>
    public async Task RefreshNowAsync(string name)
    {
        await Row(name).GetByTestId("segment-row-refresh").ClickAsync();
        await Expect(page.Locator(".mud-snackbar").GetByText($"\"{name}\" refreshed.", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(Row(name).GetByTestId("segment-row-refreshed")).ToBeVisibleAsync();
    }
}

/// <summary>The segment editor (/segments/new, /segments/{id}): name, rules and the live count.</summary>
/// <param name="page">The browser page.</param>
public sealed class SegmentEditorPage(IPage page)
{
    /// <summary>The name field.</summary>
    public ILocator Name => page.Locator("input[data-testid=segment-name]");

    /// <summary>The live count's number, shown once the rules are counted.</summary>
    public ILocator Count => page.Locator("[data-testid=segment-live-count][data-state=Counted] [data-testid=segment-live-count-value]");

    /// <summary>The rule rows.</summary>
    public ILocator Rules => page.GetByTestId("segment-rule");

    /// <summary>Adds a rule on a field, with a comparison and a text value.</summary>
    /// <param name="field">The field's title as shown.</param>
    /// <param name="comparison">The comparison as shown.</param>
    /// <param name="value">The value, typed.</param>
    public async Task AddTextRuleAsync(string field, string comparison, string value)
    {
        await page.GetByTestId("segment-rule-add").ClickAsync();
        var rule = Rules.Last;
        await ChooseAsync(rule.GetByTestId("segment-rule-field"), field);
        await ChooseAsync(rule.GetByTestId("segment-rule-operator"), comparison);
        await rule.Locator("input[data-testid=segment-rule-value]").FillAsync(value);
    }

    /// <summary>Saves and waits for the saved segment's address.</summary>
    public async Task SaveAsync()
    {
        await page.GetByTestId("segment-save").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/segments/[0-9]+$"));
    }

    private async Task ChooseAsync(ILocator select, string option)
    {
        await select.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(option, new() { Exact = true }).ClickAsync();
    }
}
