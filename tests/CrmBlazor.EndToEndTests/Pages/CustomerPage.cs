using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Pages;

/// <summary>A customer's page: header, actions, and the timeline and contacts tabs.</summary>
/// <param name="page">The browser page.</param>
public sealed class CustomerPage(IPage page)
{
    /// <summary>The customer's name in the header.</summary>
    public ILocator Title => page.GetByTestId("customer-title");

    /// <summary>The header.</summary>
    public ILocator Header => page.GetByTestId("customer-header");

    /// <summary>The items of the timeline.</summary>
    public ILocator TimelineItems => page.GetByTestId("timeline-item");

    /// <summary>The names in the contacts table.</summary>
    public ILocator ContactNames => page.GetByTestId("contact-name");

    /// <summary>Waits until the page shows the customer and runs interactively.</summary>
    /// <param name="name">The customer's name.</param>
    public async Task ExpectShownAsync(string name)
    {
        await Expect(Title).ToHaveTextAsync(name);
        await new Shell(page).WaitUntilInteractiveAsync();
    }

    /// <summary>Opens the edit dialog.</summary>
    public async Task<CustomerDialog> EditAsync()
    {
        await page.GetByTestId("customer-edit").ClickAsync();
        var dialog = new CustomerDialog(page);
        await Expect(dialog.Name).ToBeVisibleAsync();
        return dialog;
    }

    /// <summary>Opens a tab by its title.</summary>
    /// <param name="title">The tab title, e.g. Contacts.</param>
    public Task OpenTabAsync(string title) => page.GetByRole(AriaRole.Tab, new() { Name = title }).ClickAsync();

    /// <summary>Logs an interaction of a channel through the dialog.</summary>
    /// <param name="channel">The channel as the dialog names it, e.g. "In-store visit".</param>
    /// <param name="subject">The subject.</param>
    public async Task LogInteractionAsync(string channel, string subject)
    {
        await page.GetByTestId("log-interaction").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog.Locator("input[data-testid=interaction-subject]")).ToBeVisibleAsync();
        await ChooseAsync(dialog, "Channel", channel);
        await dialog.Locator("input[data-testid=interaction-subject]").FillAsync(subject);
        await page.GetByTestId("interaction-save").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
    }

    /// <summary>Adds a contact through the contacts tab.</summary>
    public async Task AddContactAsync(string name, string email)
    {
        await page.GetByTestId("contact-new").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("input[data-testid=contact-name-input]").FillAsync(name);
        await dialog.Locator("input[data-testid=contact-email-input]").FillAsync(email);
        await page.GetByTestId("contact-save").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
    }

    /// <summary>Edits the first contact's name.</summary>
    public async Task RenameFirstContactAsync(string name)
    {
        await page.GetByTestId("contact-edit").First.ClickAsync();
        var field = page.Locator(".mud-dialog input[data-testid=contact-name-input]");
        await field.FillAsync(name);
        await page.GetByTestId("contact-save").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
    }

    /// <summary>Archives the first contact (it left the company).</summary>
    public Task ArchiveFirstContactAsync() => page.GetByTestId("contact-archive").First.ClickAsync();

    /// <summary>Archives or restores the customer through the "more" menu.</summary>
    public async Task ToggleArchivedAsync()
    {
        await page.GetByTestId("customer-more").Locator("button").First.ClickAsync();
        await page.GetByTestId("customer-archive").ClickAsync();
    }

    // A MudSelect opens a list in a popover; the choice is clicked there.
    private async Task ChooseAsync(ILocator scope, string label, string option)
    {
        await scope.Locator(".mud-select").Filter(new() { HasText = label }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(option, new() { Exact = true }).ClickAsync();
    }
}
