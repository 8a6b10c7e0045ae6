using System.Globalization;
using System.Text.RegularExpressions;
using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Forms;

/// <summary>
/// 100,000 characters pasted into the long fields of a customer, a contact, an
/// interaction, a project and an invoice never end in "saved" with the database unchanged. Each field
/// stops at its validation's limit (the browser cuts the paste at maxlength), so the form saves
/// exactly what the field shows; a value a script sets beyond the limit is cut the same way before it
/// is sent; and the longest value with the costliest characters still reaches the server, which
/// refuses it with a message under the field instead of losing it with the connection.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class LongTextTests(EndToEndFixture app, ITestOutputHelper output)
{
    // No spaces (the services trim values), three scripts; pasted a little over 100,000 characters.
    private static readonly string Paste = string.Concat(Enumerable.Repeat("கலை-art-ಕಲೆ-ხელოვნება-", 4200));

    private IPage _page = default!;

    [Fact]
    public async Task HundredThousandCharacters_PastedIntoEachLongField_AreCutToTheFieldsLimitAndSavedAsShown()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(HundredThousandCharacters_PastedIntoEachLongField_AreCutToTheFieldsLimitAndSavedAsShown), output);
        var shell = await browser.SignInAsync(EndToEndFixture.Admin);
        _page = browser.Page;
        var name = "Long text " + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);

        // A customer: name, street and notes.
        await shell.OpenFromMenuAsync("Customers");
        var customers = new CustomersPage(_page);
        await customers.ExpectShownAsync();
        var dialog = await customers.OpenNewCustomerAsync();
        await dialog.Name.FillAsync(name);
        await dialog.SaveAsync();
        var customer = new CustomerPage(_page);
        await customer.ExpectShownAsync(name);
        var customerId = IdIn(_page.Url, "customers");

        await customer.EditAsync();
        var customerName = await PasteAsync("input[data-testid=customer-name]", 300);
        var street = await PasteAsync("textarea[data-testid=customer-street]", 300);
        var notes = await PasteAsync("textarea[data-testid=customer-notes]", 4000);
        await Expect(_page.Locator(".mud-dialog")).ToContainTextAsync("4000 / 4000");
        await browser.ScreenshotAsync("long-text-10-customer");
        await SaveDialogAsync("customer-save");
        Assert.Equal(customerName, await StoredAsync("SELECT \"Name\" FROM crm_customers WHERE \"Id\" = @p0", customerId));
        Assert.Equal(street, await StoredAsync("SELECT \"Street\" FROM crm_customer_addresses WHERE \"CustomerId\" = @p0", customerId));
        Assert.Equal(notes, await StoredAsync("SELECT \"Notes\" FROM crm_customers WHERE \"Id\" = @p0", customerId));

        // A script (or an extension) sets a value past the limit: it is cut before it is sent, as a paste is.
        await customer.EditAsync();
        var set = await SetByScriptAsync("input[data-testid=customer-name]", "ಕ" + Paste);
        Assert.Equal(300, set.Length);
        await SaveDialogAsync("customer-save");
        Assert.Equal(set, await StoredAsync("SELECT \"Name\" FROM crm_customers WHERE \"Id\" = @p0", customerId));

        // A contact: name and role.
        await customer.OpenTabAsync("Contacts");
        await _page.GetByTestId("contact-new").ClickAsync();
        var contactName = await PasteAsync("input[data-testid=contact-name-input]", 200);
        var role = await PasteAsync("input[data-testid=contact-role-input]", 100);
        await SaveDialogAsync("contact-save");
        Assert.Equal(role, await StoredAsync("SELECT \"Role\" FROM crm_contacts WHERE \"CustomerId\" = @p0 AND \"Name\" = @p1", customerId, contactName));

        // An interaction: the longest field (8,000) filled with the costliest characters still reaches
        // the server, which refuses it under the field; nothing is saved. Then 100,000 pasted characters.
        await _page.GetByTestId("log-interaction").ClickAsync();
        await SetByScriptAsync("textarea[data-testid=interaction-body]", new string('\u0001', 8000));
        var subject = await PasteAsync("input[data-testid=interaction-subject]", 300);
        await _page.GetByTestId("interaction-save").ClickAsync();
        await Expect(_page.Locator(".mud-dialog")).ToContainTextAsync("Remove the invisible control or text-direction character at position 1.");
        await browser.ScreenshotAsync("long-text-20-interaction-refused");
        Assert.Equal(0L, await HostDatabase.ScalarAsync(app.Host, "SELECT COUNT(*) FROM crm_interactions WHERE \"CustomerId\" = @p0", customerId));
        var body = await PasteAsync("textarea[data-testid=interaction-body]", 8000);
        var outcome = await PasteAsync("input[data-testid=interaction-outcome]", 1000);
        await SaveDialogAsync("interaction-save");
        Assert.Equal(body, await StoredAsync("SELECT \"Body\" FROM crm_interactions WHERE \"CustomerId\" = @p0 AND \"Subject\" = @p1", customerId, subject));
        Assert.Equal(outcome, await StoredAsync("SELECT \"Outcome\" FROM crm_interactions WHERE \"CustomerId\" = @p0", customerId));

        // A project: name and description.
        await new ProjectEditPage(_page).OpenNewAsync(customerId);
        var projectName = await PasteAsync("input[data-testid=projects-edit-name]", 200);
        var description = await PasteAsync("textarea[data-testid=projects-edit-description]", 4000);
        await _page.GetByTestId("projects-edit-save").ClickAsync();
        await Expect(_page).ToHaveURLAsync(Address("projects"));
        var projectId = IdIn(_page.Url, "projects");
        Assert.Equal(projectName, await StoredAsync("SELECT \"Name\" FROM projects_projects WHERE \"Id\" = @p0", projectId));
        Assert.Equal(description, await StoredAsync("SELECT \"Description\" FROM projects_projects WHERE \"Id\" = @p0", projectId));

        // An invoice: the draft's notes and a fee's description.
        await new NewInvoicePage(_page).OpenAsync(customerId);
        await _page.GetByTestId("invoicing-new-empty").ClickAsync();
        var invoice = new InvoicePage(_page);
        await invoice.ExpectDraftAsync();
        var invoiceId = IdIn(_page.Url, "invoices");
        var invoiceNotes = await PasteAsync("textarea[data-testid=invoicing-notes]", 2000);
        await _page.GetByTestId("invoicing-save").ClickAsync();
        await Expect(_page.GetByTestId("invoicing-unsaved")).ToHaveCountAsync(0);
        Assert.Equal(invoiceNotes, await StoredAsync("SELECT \"Notes\" FROM invoicing_invoices WHERE \"Id\" = @p0", invoiceId));
        await _page.GetByTestId("invoicing-add-fee").ClickAsync();
        var fee = await PasteAsync("textarea[data-testid=invoicing-line-description]", 1000);
        await _page.Locator(".mud-dialog input[data-testid=invoicing-line-price]").FillAsync("10");
        await SaveDialogAsync("invoicing-line-save");
        Assert.Equal(fee, await StoredAsync("SELECT \"Description\" FROM invoicing_lines WHERE \"InvoiceId\" = @p0", invoiceId));
    }

    /// <summary>Pastes <see cref="Paste"/> into a field of the page (as Chromium pastes: cut at maxlength) and returns what the field then shows.</summary>
    private async Task<string> PasteAsync(string selector, int limit)
    {
        var field = _page.Locator(selector);
        await Expect(field).ToHaveAttributeAsync("maxlength", limit.ToString(CultureInfo.InvariantCulture));
        await field.FocusAsync();
        await field.PressAsync("Control+A");
        await _page.Keyboard.InsertTextAsync(Paste);
        await field.BlurAsync();
        var shown = await field.InputValueAsync();
        Assert.InRange(shown.Length, limit - 2, limit);
        return shown;
    }

    /// <summary>Sets a field's value from a script, past any maxlength, and fires the events a paste fires; returns what the field then shows.</summary>
    private async Task<string> SetByScriptAsync(string selector, string value)
    {
        var field = _page.Locator(selector);
        await field.EvaluateAsync("(field, value) => { field.value = value; field.dispatchEvent(new Event('input', { bubbles: true })); field.dispatchEvent(new Event('change', { bubbles: true })); }", value);
        return await field.InputValueAsync();
    }

    /// <summary>Saves a dialog and waits until it closes: the page's "saved".</summary>
    private async Task SaveDialogAsync(string saveButton)
    {
        await _page.GetByTestId(saveButton).ClickAsync();
        await Expect(_page.Locator(".mud-dialog")).ToHaveCountAsync(0);
    }

    private Task<string?> StoredAsync(string sql, params object[] parameters) => HostDatabase.TextAsync(app.Host, sql, parameters);

    private static long IdIn(string url, string segment) =>
        long.Parse(Regex.Match(url, $"/{segment}/(\\d+)").Groups[1].Value, CultureInfo.InvariantCulture);

    private static Regex Address(string segment) => new($"/{segment}/\\d+$");
}
