using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Customers;

/// <summary>
/// Importing customers from the browser: a file with bad rows shows each row's errors and cannot be
/// imported; the corrected file imports, and the link afterwards lists the imported customers.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class CustomerImportTests(EndToEndFixture app, ITestOutputHelper output)
{
    private const string Header = "Name;Type;Currency;Country;E-mail;Contact name;Contact e-mail;Main contact";

    [Fact]
    public async Task ImportPage_FileWithBadRowsThenCorrectedFile_ShowsErrorsThenImportsAll()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(ImportPage_FileWithBadRowsThenCorrectedFile_ShowsErrorsThenImportsAll), output);
        await browser.SignInAsync(EndToEndFixture.Admin);
        var run = Guid.NewGuid().ToString("N")[..8];
        var name = $"சென்னை மென்பொருள் {run}";
        await browser.Page.GotoAsync("/customers");
        await browser.Page.GetByTestId("customer-import").ClickAsync();
        var import = new ImportCustomersPage(browser.Page);
        await import.ExpectShownAsync();

        await import.UploadAsync("with-errors.csv", string.Join("\r\n",
            Header,
            $"{name};Company;INR;IN;office@chennai.example;அருண் குமார்;arun@chennai.example;yes",
            $"თბილისის ვაჭრობა {run};Partner;GEL;GE;nino(at)example.ge;;;",
            $"کراچی ٹریڈرز {run};Company;RUPEES;PK;;اسد علی;;maybe") + "\r\n");

        await Expect(import.Invalid).ToBeVisibleAsync();
        await Expect(import.ErrorRows).ToHaveTextAsync(["3", "3", "4", "4"]);
        await Expect(import.ErrorMessages.Nth(0)).ToHaveTextAsync("Write Company or Person as the type, not \"Partner\".");
        await Expect(import.Start).ToBeDisabledAsync();
        await browser.ScreenshotAsync("import-errors");

        await import.UploadAsync("corrected.csv", string.Join("\r\n",
            Header,
            $"{name};Company;INR;IN;office@chennai.example;அருண் குமார்;arun@chennai.example;yes",
            $"თბილისის ვაჭრობა {run};Person;GEL;GE;nino@example.ge;;;",
            $"کراچی ٹریڈرز {run};Company;PKR;PK;;اسد علی;;yes") + "\r\n");
        await Expect(import.Valid).ToBeVisibleAsync();
        await import.Start.ClickAsync();

        await Expect(import.Done).ToContainTextAsync("Imported 3 customers with 2 contacts.");
        await import.ShowImported.ClickAsync();
        await Expect(browser.Page.GetByTestId("customer-row-name")).ToHaveCountAsync(3);
        await Expect(browser.Page.GetByTestId("customer-row-name").Filter(new() { HasText = name })).ToHaveCountAsync(1);
    }
}
