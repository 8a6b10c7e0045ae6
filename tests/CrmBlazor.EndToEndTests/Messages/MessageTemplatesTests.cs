using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using CrmBlazor.Sdk.Authorization;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Messages;

/// <summary>
/// The message templates (<c>/messages</c>) in the browser: an account manager gives a contact Gujarati as
/// their language, makes a campaign template, writes it in English (a merge field put in with Insert) and in
/// Gujarati, is refused a syntax error with its line and column, and previews the Gujarati version with the
/// real customer; in Urdu the page and an Urdu preview read right to left. Every step passes axe's WCAG 2.2
/// AA rules in English and in Urdu.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class MessageTemplatesTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task AccountManager_WritesACampaignTemplateInEnglishAndGujarati_AndPreviewsItWithARealCustomer()
    {
        var word = "Msg" + Random.Shared.Next(100000, 999999);
        var manager = await HostUsers.CreateAsync(app.Host, CrmRoles.Manager, "Arjun Mehta");
        await using var browser = await app.OpenBrowserAsync(nameof(AccountManager_WritesACampaignTemplateInEnglishAndGujarati_AndPreviewsItWithARealCustomer), output);
        var page = browser.Page;
        var shell = await browser.SignInAsync(manager);

        // A customer with a contact who reads Gujarati, chosen in the contact dialog.
        await shell.OpenFromMenuAsync("Customers");
        var dialog = await new CustomersPage(page).OpenNewCustomerAsync();
        await dialog.FillAsync("Patel Exports " + word, "accounts@patel.example", "+91 79 2656 0000", "exporter", "Ahmedabad", "IN");
        await dialog.SaveAsync();
        var customer = new CustomerPage(page);
        await customer.ExpectShownAsync("Patel Exports " + word);
        await customer.OpenTabAsync("Contacts");
        await page.GetByTestId("contact-new").ClickAsync();
        var contactDialog = page.Locator(".mud-dialog");
        await contactDialog.Locator("input[data-testid=contact-name-input]").FillAsync("કિરણ પટેલ");
        await contactDialog.Locator("input[data-testid=contact-email-input]").FillAsync("kiran@patel.example");
        await contactDialog.GetByTestId("contact-language").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("ગુજરાતી", new() { Exact = true }).ClickAsync();
        await page.GetByTestId("contact-save").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        Assert.Equal("gu", await HostDatabase.TextAsync(app.Host, "SELECT \"Language\" FROM crm_contacts WHERE \"Email\" = 'kiran@patel.example' ORDER BY \"Id\" DESC LIMIT 1"));

        // A campaign template, written in English with a field put in by Insert.
        await shell.OpenFromMenuAsync("Messages");
        await Expect(page.GetByTestId("messages-choose")).ToBeVisibleAsync();
        await page.Locator("input[data-testid=messages-new-campaign-title]").FillAsync("Diwali " + word);
        await page.GetByTestId("messages-new-campaign-create").ClickAsync();
        await Expect(page.GetByTestId("messages-editor-title")).ToHaveTextAsync("Diwali " + word);
        var english = page.Locator(".mud-tabs-panels > div").Nth(0);
        await english.Locator("input[data-testid=messages-subject]").FillAsync("Season's greetings from ");
        await english.Locator("input[data-testid=messages-subject]").PressAsync("End");
        await english.GetByRole(AriaRole.Button, new() { Name = "Insert Firm's name" }).ClickAsync();
        await Expect(english.Locator("input[data-testid=messages-subject]")).ToHaveValueAsync("Season's greetings from {{ firm.name }}");
        await english.Locator("textarea[data-testid=messages-html]").FillAsync("<p>Dear {{ recipient.name }},</p>\n<p>Happy Diwali from all of us.</p>");
        await english.GetByTestId("messages-save").ClickAsync();
        await Expect(english.GetByText("The wording is saved.")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("messages-10-editor-en");

        // Gujarati: a mistake is refused with its place, then the wording saved and previewed for the customer.
        await page.GetByRole(AriaRole.Tab, new() { Name = "ગુજરાતી" }).ClickAsync();
        var gujarati = page.Locator(".mud-tabs-panels > div").Nth(3);
        await gujarati.Locator("input[data-testid=messages-subject]").FillAsync("દિવાળીની શુભકામનાઓ");
        await gujarati.Locator("textarea[data-testid=messages-html]").FillAsync("<p>પ્રિય {{ recipient.name }},</p>\n<p>{{ invoice.number }}</p>");
        await gujarati.GetByTestId("messages-save").ClickAsync();
        await Expect(gujarati.GetByText("Line 2, column 7: invoice.number is not a merge field of this template.")).ToBeVisibleAsync();
        await gujarati.Locator("textarea[data-testid=messages-html]").FillAsync("<p>પ્રિય {{ recipient.name }},</p>\n<p>આપને દિવાળીની શુભકામનાઓ.</p>");
        await gujarati.GetByTestId("messages-save").ClickAsync();
        await Expect(gujarati.GetByText("The wording is saved.")).ToBeVisibleAsync();
        await Pickers.ChooseAsync(page, gujarati.Locator("input[data-testid=messages-preview-customer]"), word, "Patel Exports " + word);
        await gujarati.GetByTestId("messages-preview").ClickAsync();
        await Expect(gujarati.GetByTestId("messages-preview-subject")).ToHaveTextAsync("દિવાળીની શુભકામનાઓ");
        var frame = gujarati.GetByTestId("messages-preview-html");
        await Expect(frame).ToHaveAttributeAsync("sandbox", "");
        Assert.Contains("પ્રિય Patel Exports " + word, await frame.GetAttributeAsync("srcdoc"), StringComparison.Ordinal);
        await Expect(gujarati.GetByTestId("messages-preview-text")).ToContainTextAsync("આપને દિવાળીની શુભકામનાઓ.");
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("messages-20-preview-gu");
        Assert.Equal("દિવાળીની શુભકામનાઓ", await HostDatabase.TextAsync(app.Host,
            "SELECT v.\"Subject\" FROM crm_message_template_versions v JOIN crm_campaign_templates t ON t.\"Key\" = v.\"TemplateKey\" WHERE t.\"Title\" = @p0 AND v.\"Language\" = 'gu'", "Diwali " + word));

        // In Urdu: the page reads right to left, and so does an Urdu preview.
        await shell.ChooseLanguageAsync("ur-PK", "اردو");
        await Expect(page.GetByTestId("messages-editor-title")).ToHaveTextAsync("Diwali " + word);
        await page.GetByRole(AriaRole.Tab, new() { Name = "اردو" }).ClickAsync();
        var urdu = page.Locator(".mud-tabs-panels > div").Nth(4);
        await urdu.Locator("input[data-testid=messages-subject]").FillAsync("دیوالی مبارک");
        await urdu.Locator("textarea[data-testid=messages-html]").FillAsync("<p>محترم {{ recipient.name }}،</p>\n<p>آپ کو دیوالی مبارک ہو۔</p>");
        await urdu.GetByTestId("messages-preview").ClickAsync();
        await Expect(urdu.GetByTestId("messages-preview-subject")).ToHaveTextAsync("دیوالی مبارک");
        Assert.StartsWith("<div dir=\"rtl\" lang=\"ur\">", await urdu.GetByTestId("messages-preview-html").GetAttributeAsync("srcdoc"), StringComparison.Ordinal);
        await Expect(urdu.GetByTestId("messages-preview-text")).ToHaveAttributeAsync("dir", "rtl");
        await AxeCheck.AssertCleanAsync(page);
        // A full-page capture leaves a frame below the first screen blank: the frame itself is captured too.
        await urdu.GetByTestId("messages-preview-html").ScrollIntoViewIfNeededAsync();
        await urdu.GetByTestId("messages-preview-html").ScreenshotAsync(new() { Path = Path.Combine(EndToEndFixture.ArtifactsDirectory, "messages-31-preview-ur-frame.png") });
        await browser.ScreenshotAsync("messages-30-preview-ur");

        await page.GetByRole(AriaRole.Tab).First.ClickAsync();
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("messages-40-editor-ur");
        await shell.ChooseLanguageAsync("en-GB", "English (UK)");
    }
}
