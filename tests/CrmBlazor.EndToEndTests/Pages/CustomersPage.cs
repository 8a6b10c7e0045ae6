using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Pages;

/// <summary>The customer list (/customers): search, filters, the grid and the "new customer" dialog.</summary>
/// <param name="page">The browser page.</param>
public sealed class CustomersPage(IPage page)
{
    /// <summary>The search box.</summary>
    public ILocator Search => page.Locator("input[data-testid=customer-search]");

    /// <summary>The names in the grid's rows.</summary>
    public ILocator RowNames => page.GetByTestId("customer-row-name");

    /// <summary>Waits until the list is shown.</summary>
    public async Task ExpectShownAsync() => await Expect(page.GetByTestId("customer-grid")).ToBeVisibleAsync();

    /// <summary>Types into the search box and waits for the grid to show <paramref name="expected"/>.</summary>
    /// <param name="text">What to type.</param>
    /// <param name="expected">A name that must appear.</param>
    public async Task SearchAsync(string text, string expected)
    {
        await Search.FillAsync(text);
        await WaitForSearchAsync(text);
        await Expect(RowNames.Filter(new() { HasText = expected })).ToHaveCountAsync(1);
    }

    /// <summary>Types into the search box and waits until the grid shows no customer.</summary>
    /// <param name="text">What to type.</param>
    public async Task SearchFindingNothingAsync(string text)
    {
        await Search.FillAsync(text);
        await WaitForSearchAsync(text);
        await Expect(page.GetByTestId("customer-none")).ToBeVisibleAsync();
    }

    // The list searches a moment after the last keystroke and then puts the search into the address;
    // until then the grid still shows the previous rows, which a click could hit while they reload.
    private async Task WaitForSearchAsync(string text) =>
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("[?&]q=" + System.Text.RegularExpressions.Regex.Escape(Uri.EscapeDataString(text))));

    /// <summary>Opens the dialog for a new customer.</summary>
    public async Task<CustomerDialog> OpenNewCustomerAsync()
    {
        await page.GetByTestId("customer-new").ClickAsync();
        var dialog = new CustomerDialog(page);
        await Expect(dialog.Name).ToBeVisibleAsync();
        return dialog;
    }
}

/// <summary>The customer dialog (new or edit).</summary>
/// <param name="page">The browser page.</param>
public sealed class CustomerDialog(IPage page)
{
    /// <summary>The name field.</summary>
    public ILocator Name => page.Locator(".mud-dialog input[data-testid=customer-name]");

    /// <summary>Fills the main fields.</summary>
    public async Task FillAsync(string name, string email, string phone, string tags, string city, string country)
    {
        await Name.FillAsync(name);
        await page.Locator(".mud-dialog input[data-testid=customer-email]").FillAsync(email);
        await page.Locator(".mud-dialog input[data-testid=customer-phone]").FillAsync(phone);
        await page.Locator(".mud-dialog input[data-testid=customer-tags]").FillAsync(tags);
        await page.Locator(".mud-dialog input[data-testid=customer-city]").FillAsync(city);
        await page.Locator(".mud-dialog input[data-testid=customer-country]").FillAsync(country);
    }

    /// <summary>Sets the currency the customer is billed in.</summary>
    /// <param name="currency">The ISO 4217 code, e.g. INR.</param>
    public Task SetCurrencyAsync(string currency) => page.Locator(".mud-dialog input[data-testid=customer-currency]").FillAsync(currency);

    /// <summary>Sets the industry.</summary>
    /// <param name="industry">The industry.</param>
    public async Task SetIndustryAsync(string industry)
    {
        var field = page.Locator(".mud-dialog input[data-testid=customer-industry]");
        await field.FillAsync(industry);
        await field.PressAsync("Tab");
    }

    /// <summary>Saves and waits for the dialog to close.</summary>
    public async Task SaveAsync()
    {
        await page.GetByTestId("customer-save").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
    }

    /// <summary>Saves and expects the dialog to stay open with an error.</summary>
    /// <param name="message">Text the error must contain.</param>
    public async Task SaveExpectingErrorAsync(string message)
    {
        await page.GetByTestId("customer-save").ClickAsync();
        await Expect(page.Locator(".mud-dialog").GetByText(message)).ToBeVisibleAsync();
    }
}
