using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Customers;

/// <summary>
/// The core of the CRM in a browser: a customer with a Tamil name is created, found again by a word of
/// its name, edited, given contacts, an interaction of every channel, archived and restored.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class CustomerLifecycleTests(EndToEndFixture app, ITestOutputHelper output)
{
    private static readonly string[] Channels = ["Call", "E-mail", "Meeting", "Note", "Complaint", "Inquiry", "Web form", "In-store visit"];

    [Fact]
    public async Task TamilCustomer_CreatedEditedAndWorkedWith_IsFoundByAWordOfItsNameThroughout()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(TamilCustomer_CreatedEditedAndWorkedWith_IsFoundByAWordOfItsNameThroughout), output);
        var shell = await browser.SignInAsync(EndToEndFixture.Admin);
        var page = browser.Page;

        // A word unique to this run, so the search cannot be satisfied by another test's customer.
        var word = "கலைக்கூடம்" + Random.Shared.Next(100, 999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var name = "தஞ்சாவூர் " + word;

        await shell.OpenFromMenuAsync("Customers");
        var customers = new CustomersPage(page);
        await customers.ExpectShownAsync();
        var dialog = await customers.OpenNewCustomerAsync();
        await dialog.FillAsync(string.Empty, "office@thanjavur.example", "+91 94534 11201", "retainer, முன்னுரிமை", "தஞ்சாவூர்", "IN");
        await dialog.SaveExpectingErrorAsync("Enter the customer's name.");
        await dialog.Name.FillAsync(name);
        await dialog.SaveAsync();

        var customer = new CustomerPage(page);
        await customer.ExpectShownAsync(name);
        await browser.ScreenshotAsync("10-customer-created");

        // Found again by a prefix of one word of the name, in Tamil.
        await shell.OpenFromMenuAsync("Customers");
        await customers.SearchAsync(word[..5], name);
        await customers.RowNames.Filter(new() { HasText = name }).ClickAsync();
        await customer.ExpectShownAsync(name);

        var edit = await customer.EditAsync();
        await edit.SetIndustryAsync("Retail");
        await edit.SaveAsync();
        await Expect(customer.Header.GetByText("Retail", new() { Exact = true })).ToBeVisibleAsync();

        await customer.OpenTabAsync("Contacts");
        await customer.AddContactAsync("லக்ஷ்மி நாராயணன்", "lakshmi@thanjavur.example");
        await customer.AddContactAsync("அருண் குமார்", "arun@thanjavur.example");
        await Expect(customer.ContactNames).ToHaveCountAsync(2);
        await customer.RenameFirstContactAsync("லக்ஷ்மி நாராயணன் (உரிமையாளர்)");
        await Expect(customer.ContactNames.Filter(new() { HasText = "(உரிமையாளர்)" })).ToHaveCountAsync(1);
        await customer.ArchiveFirstContactAsync();
        await Expect(customer.ContactNames).ToHaveCountAsync(1);

        // A contact's name finds the company too.
        await shell.OpenFromMenuAsync("Customers");
        await customers.SearchAsync("அருண்", name);
        await customers.RowNames.Filter(new() { HasText = name }).ClickAsync();
        await customer.ExpectShownAsync(name);

        foreach (var channel in Channels)
        {
            await customer.LogInteractionAsync(channel, $"{channel}: ஒப்பந்த புதுப்பிப்பு");
        }

        await customer.OpenTabAsync("Timeline");
        await Expect(customer.TimelineItems).ToHaveCountAsync(Channels.Length);
        foreach (var channel in Channels)
        {
            await Expect(customer.TimelineItems.Filter(new() { HasText = $"{channel}: ஒப்பந்த புதுப்பிப்பு" })).ToHaveCountAsync(1);
        }

        await browser.ScreenshotAsync("11-customer-timeline");

        await customer.ToggleArchivedAsync();
        await Expect(page.GetByTestId("customer-archived")).ToBeVisibleAsync();
        await shell.OpenFromMenuAsync("Customers");
        await customers.SearchFindingNothingAsync(word);
        await page.GetByText("Show archived customers").ClickAsync();
        await Expect(customers.RowNames.Filter(new() { HasText = name })).ToHaveCountAsync(1);
    }
}
