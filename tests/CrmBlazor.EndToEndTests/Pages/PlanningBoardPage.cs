using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Pages;

/// <summary>The planning board of the resources plugin (/resources/board).</summary>
/// <param name="page">The browser page.</param>
public sealed class PlanningBoardPage(IPage page)
{
    /// <summary>The grid.</summary>
    public ILocator Grid => page.GetByTestId("resources-board-grid");

    /// <summary>The people's rows.</summary>
    public ILocator Rows => page.GetByTestId("resources-board-row");

    /// <summary>The week headers, in document order (the first week first).</summary>
    public ILocator WeekHeaders => page.GetByTestId("resources-board-week");

    /// <summary>A person's week cells, the first week first.</summary>
    /// <param name="personName">The person's name.</param>
    public ILocator Cells(string personName) => Rows.Filter(new() { HasText = personName }).GetByTestId("resources-board-cell");

    /// <summary>The allocation dialog opened from the board.</summary>
    public ILocator Dialog => page.Locator(".mud-dialog");

    /// <summary>Waits until the board shows its grid.</summary>
    public async Task ExpectShownAsync()
    {
        await Expect(page.GetByTestId("resources-board-title")).ToBeVisibleAsync();
        await Expect(Grid).ToBeVisibleAsync();
    }
}
