using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Infrastructure;

/// <summary>
/// Someone who works with the keyboard alone: moves with Tab and Shift+Tab, acts with Enter, Space and the
/// arrow keys, and types. Never clicks, hovers or moves a mouse, so a control that only a mouse can reach or
/// operate makes the test fail. Controls are found by their accessible name, as a screen reader announces
/// them (Playwright's ARIA snapshot of the focused element).
/// </summary>
/// <param name="page">The browser page.</param>
public sealed partial class KeyboardUser(IPage page)
{
    /// <summary>How many Tab presses a control may be away before it counts as unreachable.</summary>
    public const int MaxTabs = 80;

    /// <summary>The element that has the focus (its role and accessible name), or <see cref="Focused.Nothing"/>.</summary>
    public async Task<Focused> FocusedAsync()
    {
        // The focused element can be rendered anew between two looks at it (the page updates itself): look again.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await page.EvaluateAsync<bool>("() => !document.activeElement || document.activeElement === document.body || document.activeElement === document.documentElement"))
            {
                return Focused.Nothing;
            }

            string snapshot;
            try
            {
                snapshot = (await page.Locator(":focus").AriaSnapshotAsync(new() { Timeout = 1_000 })).Split('\n')[0];
            }
            catch (TimeoutException)
            {
                continue;
            }

            var match = AriaLine().Match(snapshot);
            if (!match.Success)
            {
                return new Focused("", snapshot);
            }

            var name = match.Groups["name"].Value.Replace("\\\"", "\"", StringComparison.Ordinal);
            return new Focused(match.Groups["role"].Value, match.Groups["quoted"].Success ? name.Replace("''", "'", StringComparison.Ordinal) : name);
        }

        // Still no ARIA snapshot (the browser window lost its focus?): say what the element is.
        return new Focused("", await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 120) ?? ''"));
    }

    /// <summary>
    /// Presses Tab (or Shift+Tab) until the focused element has the accessible name <paramref name="name"/>
    /// (and the role, if given); fails with every name visited on the way when it is not reached within
    /// <see cref="MaxTabs"/> presses.
    /// </summary>
    /// <param name="name">The accessible name, exactly (a required field's label ends in "*").</param>
    /// <param name="role">The ARIA role (button, link, textbox, combobox, tab...), or null for any.</param>
    /// <param name="backwards">Whether to go backwards with Shift+Tab.</param>
    public async Task TabToAsync(string name, string? role = null, bool backwards = false)
    {
        var visited = new List<string>();
        for (var press = 0; press < MaxTabs; press++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            var focused = await FocusedAsync();
            if (focused.Name == name && (role is null || focused.Role == role))
            {
                return;
            }

            visited.Add(focused.ToString());
        }

        Assert.Fail($"The keyboard did not reach {role ?? "a control"} \"{name}\" within {MaxTabs} presses of {(backwards ? "Shift+Tab" : "Tab")} on {page.Url}. " +
            $"Visited: {string.Join(" → ", visited)}");
    }

    /// <summary>Presses a key or a combination ("Enter", "Space", "ArrowDown", "Shift+Tab").</summary>
    /// <param name="key">The key.</param>
    public Task PressAsync(string key) => page.Keyboard.PressAsync(key);

    /// <summary>Types text into the focused field, key by key.</summary>
    /// <param name="text">The text.</param>
    public Task TypeAsync(string text) => page.Keyboard.TypeAsync(text);

    /// <summary>
    /// Chooses an option of the focused select (a combobox showing its value): opens it with Enter, moves with
    /// ArrowDown (ArrowUp when the option is above the one shown) until it shows <paramref name="option"/>, and takes it with Enter.
    /// </summary>
    /// <param name="option">The option's text.</param>
    public async Task ChooseAsync(string option)
    {
        var field = await FocusedFieldAsync();
        var list = page.Locator(".mud-popover-open .mud-list");
        await PressAsync("Enter");

        // As a person would, move and choose once the list is open and stands on an option (a key pressed before the
        // server has opened it reaches a closed select, and Enter before an option is marked takes none), and go on
        // once it has closed.
        await Expect(list).ToBeVisibleAsync();
        var marked = list.GetByRole(AriaRole.Option, new() { Selected = true });
        for (var wait = 0; wait < 50 && await marked.CountAsync() == 0; wait++)
        {
            await page.WaitForTimeoutAsync(100);
        }

        var shown = await ShownAsync(field);
        // Up or down, as a person who sees the list would: the option wanted may be above the one marked
        // (this month's run while the page offers last month's).
        var options = (await list.GetByRole(AriaRole.Option).AllInnerTextsAsync()).Select(o => o.Trim()).ToList();
        var key = options.IndexOf(option) is var wanted and >= 0 && options.IndexOf(shown) is var current and >= 0 && wanted < current ? "ArrowUp" : "ArrowDown";
        for (var step = 0; step < 40 && shown != option; step++)
        {
            // The highlighted option shows once the server has rendered it: one step at a time.
            var before = shown;
            await PressAsync(key);
            for (var wait = 0; wait < 30 && (shown = await ShownAsync(field)) == before; wait++)
            {
                await page.WaitForTimeoutAsync(100);
            }
        }

        await PressAsync("Enter");
        await ExpectShownAsync(field, option);
        await Expect(list).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Types into the focused autocomplete field and takes the first suggestion, which must be
    /// <paramref name="option"/>, with ArrowDown and Enter, once every suggestion contains the text typed.
    /// </summary>
    /// <param name="text">What to type.</param>
    /// <param name="option">The suggestion expected first.</param>
    public async Task PickAsync(string text, string option)
    {
        var field = await FocusedFieldAsync();
        await TypeAsync(text);

        // As a person would: wait until the suggestions are those of the whole text typed (the field may have
        // shown others on taking the focus, or for the first letters), then take the first.
        var suggestions = page.Locator(".mud-popover-open .mud-list-item");
        await Expect(suggestions.First).ToContainTextAsync(option);
        for (var wait = 0; wait < 100 && (await suggestions.AllInnerTextsAsync()).Any(s => !s.Contains(text, StringComparison.OrdinalIgnoreCase)); wait++)
        {
            await page.WaitForTimeoutAsync(100);
        }

        await Expect(suggestions.First).ToContainTextAsync(option);
        await PressAsync("ArrowDown");
        await PressAsync("Enter");
        await Expect(suggestions).ToHaveCountAsync(0);
        await ExpectShownAsync(field, option);
    }

    /// <summary>Asserts that the focused element has the accessible name (and role).</summary>
    /// <param name="name">The accessible name.</param>
    /// <param name="role">The role, or null for any.</param>
    public async Task ExpectFocusOnAsync(string name, string? role = null)
    {
        Focused focused = Focused.Nothing;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            focused = await FocusedAsync();
            if (focused.Name == name && (role is null || focused.Role == role))
            {
                return;
            }

            await page.WaitForTimeoutAsync(100);
        }

        Assert.Fail($"The focus is on {focused}, not on {role ?? "a control"} \"{name}\" ({page.Url}).");
    }

    // The focused field itself (an input, or the element a select shows its value in), held on to while its list is open.
    private async Task<IJSHandle> FocusedFieldAsync() => await page.EvaluateHandleAsync("() => document.activeElement");

    private static Task<string> ShownAsync(IJSHandle field) => field.EvaluateAsync<string>("e => (e.value ?? e.textContent).trim()");

    private async Task ExpectShownAsync(IJSHandle field, string text)
    {
        var shown = "";
        for (var attempt = 0; attempt < 100 && (shown = await ShownAsync(field)) != text; attempt++)
        {
            await page.WaitForTimeoutAsync(100);
        }

        Assert.True(shown == text, $"The field shows \"{shown}\", not \"{text}\" ({page.Url}).");
    }

    // "- button \"Save\"", "- 'button \"User menu: a@b\"': a@b", "- heading \"Customers\" [level=4]", "- table:".
    [GeneratedRegex("""^- (?<quoted>')?(?<role>[a-z]+)(?: "(?<name>(?:[^"\\]|\\.)*)")?""")]
    private static partial Regex AriaLine();
}

/// <summary>The focused element as assistive technology sees it.</summary>
/// <param name="Role">Its ARIA role.</param>
/// <param name="Name">Its accessible name.</param>
public sealed record Focused(string Role, string Name)
{
    /// <summary>No element has the focus (the document's body has it).</summary>
    public static readonly Focused Nothing = new("", "");

    /// <inheritdoc />
    public override string ToString() => this == Nothing ? "(nothing)" : $"{Role} \"{Name}\"";
}
