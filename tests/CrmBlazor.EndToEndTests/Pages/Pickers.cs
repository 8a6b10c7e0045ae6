using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Pages;

/// <summary>
/// The UI kit's pickers as a user works them: autocompletes that search on the server (<see cref="ChooseAsync"/>)
/// and selects that list their options (<see cref="SelectAsync"/>: MudSelect, <c>UserPicker</c>).
/// </summary>
public static class Pickers
{
    /// <summary>Opens a select, clicks the option whose text is exactly <paramref name="option"/>, and waits until the list is closed.</summary>
    /// <param name="page">The page.</param>
    /// <param name="select">The select (its first match is opened), e.g. found by its test id or its label.</param>
    /// <param name="option">The option's text.</param>
    public static async Task SelectAsync(IPage page, ILocator select, string option)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(select);
        await select.First.ClickAsync();
        var options = page.Locator(".mud-popover-open .mud-list-item");
        await options.GetByText(option, new() { Exact = true }).ClickAsync();
        await Expect(options).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Types into a picker, chooses the option that shows <paramref name="option"/>, and waits until the
    /// field shows the choice and the list is closed.
    /// </summary>
    /// <param name="page">The page.</param>
    /// <param name="input">The picker's input.</param>
    /// <param name="typed">What to type.</param>
    /// <param name="option">The text of the option to choose; the field shows it afterwards.</param>
    public static async Task ChooseAsync(IPage page, ILocator input, string typed, string option)
    {
        await Expect(input).ToBeEditableAsync();
        await input.ClickAsync();
        await input.FillAsync(typed);
        var options = page.Locator(".mud-popover-open .mud-list-item");
        await options.Filter(new() { HasText = option }).First.ClickAsync();
        await Expect(input).ToHaveValueAsync(option);

        // On a busy machine a search started by the typing can answer after the choice and open the
        // list again (MudAutocomplete shows late results); choosing the same option again closes it.
        for (var attempt = 0; attempt < 3 && await options.CountAsync() > 0; attempt++)
        {
            await options.Filter(new() { HasText = option }).First.ClickAsync();
            await page.WaitForTimeoutAsync(300);
        }

        await Expect(options).ToHaveCountAsync(0);
        await Expect(input).ToHaveValueAsync(option);
    }
}
