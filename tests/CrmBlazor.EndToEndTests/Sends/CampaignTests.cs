using System.Text.RegularExpressions;
using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using CrmBlazor.Sdk.Authorization;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Sends;

/// <summary>
/// A campaign from the first word to the customer's timeline, in the browser, by an account manager (not an
/// administrator): a customer of its own industry with a Gujarati contact and an English one who agreed to
/// e-mails and a third who did not; a segment of that industry; a new campaign template written on
/// <c>/messages</c> in English and Gujarati with the recipient's name as a merge field; from the template
/// straight to the sends page, which counts who receives it, lists who is left out and why, and previews the
/// Gujarati version as the Gujarati contact receives it, with her name; the send, its progress followed to
/// the end; the message on the customer's timeline and its link to the message. Then the Gujarati contact
/// unsubscribes on the public page. Each page passes axe's WCAG 2.2 AA rules in English and Urdu.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class CampaignTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task AccountManager_WritesATemplateInEnglishAndGujarati_SendsItToASegment_AndFindsItOnTheTimeline()
    {
        var word = "Sari" + Random.Shared.Next(100000, 999999);
        var hetal = $"hetal.{word}@customers.example";
        var manager = await HostUsers.CreateAsync(app.Host, CrmRoles.Manager, "Priya Raman");
        await using var browser = await app.OpenBrowserAsync(nameof(AccountManager_WritesATemplateInEnglishAndGujarati_SendsItToASegment_AndFindsItOnTheTimeline), output);
        var page = browser.Page;
        var shell = await browser.SignInAsync(manager);

        // A company of its own industry: a Gujarati contact and an English one whose consent the manager
        // records, and one without consent.
        await shell.OpenFromMenuAsync("Customers");
        var dialog = await new CustomersPage(page).OpenNewCustomerAsync();
        await dialog.Name.FillAsync("Ambalal Textiles " + word);
        await dialog.SetIndustryAsync(word);
        await dialog.SaveAsync();
        await new CustomerPage(page).ExpectShownAsync("Ambalal Textiles " + word);
        var customerUrl = page.Url;
        await new CustomerPage(page).OpenTabAsync("Contacts");
        await AddContactAsync(browser, "હેતલ શાહ", hetal, gujarati: true, consent: "Signed up at the Ahmedabad fair");
        await AddContactAsync(browser, "Daniel Mistry", $"daniel.{word}@customers.example", gujarati: false, consent: "Asked for the newsletter by e-mail");
        await AddContactAsync(browser, "Mehul Desai", $"mehul.{word}@customers.example", gujarati: false, consent: null);

        await shell.OpenFromMenuAsync("Segments");
        var editor = await new SegmentsPage(page).NewSegmentAsync();
        await editor.Name.FillAsync("Fair visitors " + word);
        await editor.AddTextRuleAsync("Industry", "is", word);
        await editor.SaveAsync();

        // A new campaign template, in English and in Gujarati, the recipient's name a merge field.
        await shell.OpenFromMenuAsync("Messages");
        await page.Locator("input[data-testid=messages-new-campaign-title]").FillAsync("Diwali " + word);
        await page.GetByTestId("messages-new-campaign-create").ClickAsync();
        await Expect(page.GetByTestId("messages-editor-title")).ToHaveTextAsync("Diwali " + word);
        var english = page.Locator(".mud-tabs-panels > div").Nth(0);
        await english.Locator("input[data-testid=messages-subject]").FillAsync("Diwali greetings, {{ recipient.name }}");
        await english.Locator("textarea[data-testid=messages-html]").FillAsync("<p>Dear {{ recipient.name }},</p>\n<p>Happy Diwali from all of us at {{ firm.name }}.</p>");
        await english.GetByTestId("messages-save").ClickAsync();
        await Expect(english.GetByText("The wording is saved.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "ગુજરાતી" }).ClickAsync();
        var gujarati = page.Locator(".mud-tabs-panels > div").Nth(3);
        await gujarati.Locator("input[data-testid=messages-subject]").FillAsync("{{ recipient.name }} માટે દિવાળીની શુભકામનાઓ");
        await gujarati.Locator("textarea[data-testid=messages-html]").FillAsync("<p>પ્રિય {{ recipient.name }},</p>\n<p>આપને દિવાળીની શુભકામનાઓ.</p>");
        await gujarati.GetByTestId("messages-save").ClickAsync();
        await Expect(gujarati.GetByText("The wording is saved.")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("campaign-template-gu");

        // From the template to the sends page, the template chosen: who receives it, who is left out and
        // why, and the Gujarati version as the Gujarati contact receives it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Send to a segment" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/messages/sends\\?template="));
        var sendsUrl = page.Url;
        await new Shell(page).WaitUntilInteractiveAsync();
        await Expect(page.GetByTestId("send-template")).ToContainTextAsync("Diwali " + word);
        await ChooseAsync(page, "send-segment", "Fair visitors " + word);
        await Expect(page.GetByTestId("send-preview-count")).ToContainTextAsync("2 will receive it; 1 left out.");
        var leftOut = page.GetByTestId("send-leftout-table");
        await Expect(leftOut).ToContainTextAsync("Mehul Desai");
        await Expect(leftOut).ToContainTextAsync("No consent recorded");
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "English (1)" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "ગુજરાતી (1)" }).ClickAsync();
        await Expect(page.GetByTestId("send-preview-subject")).ToHaveTextAsync("હેતલ શાહ માટે દિવાળીની શુભકામનાઓ");
        Assert.Contains("પ્રિય હેતલ શાહ,", await page.GetByTestId("send-preview-body").GetAttributeAsync("srcdoc"), StringComparison.Ordinal);
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("campaign-preview-en");

        // The send, followed to the end.
        await page.GetByTestId("send-start").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/messages/sends/[0-9]+$"));
        var sendUrl = page.Url;
        await Expect(page.GetByTestId("send-progress")).ToHaveAttributeAsync("aria-valuetext", "2 of 2 messages queued.");
        await Expect(page.GetByTestId("send-progress-text")).ToHaveTextAsync("2 of 2 messages queued.");
        await Expect(page.GetByTestId("send-completed")).ToContainTextAsync("every message is queued.");
        await Expect(page.GetByTestId("send-leftout-table")).ToContainTextAsync("Mehul Desai");
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("campaign-progress-en");

        // The message on the customer's timeline, and the message itself.
        await page.GotoAsync(customerUrl);
        await shell.WaitUntilInteractiveAsync();
        var entry = page.Locator("[data-testid=timeline-item][data-kind='crm.message-sent']").Filter(new() { HasText = "હેતલ શાહ" });
        await Expect(entry).ToContainTextAsync("હેતલ શાહ માટે દિવાળીની શુભકામનાઓ");
        await Expect(page.Locator("[data-testid=timeline-item][data-kind='crm.message-sent']").Filter(new() { HasText = "Daniel Mistry" }))
            .ToContainTextAsync("Diwali greetings, Daniel Mistry");
        await entry.GetByRole(AriaRole.Link, new() { Name = "હેતલ શાહ માટે દિવાળીની શુભકામનાઓ" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/messages/sent/[0-9]+$"));
        await Expect(page.GetByTestId("sent-message-headers")).ToContainTextAsync(hetal);
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("campaign-message-en");

        await shell.ChooseLanguageAsync("ur-PK", "اردو");
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("campaign-message-ur");
        await page.GotoAsync(sendUrl);
        await shell.WaitUntilInteractiveAsync();
        await Expect(page.GetByTestId("send-completed")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("campaign-progress-ur");
        await page.GotoAsync(sendsUrl);
        await shell.WaitUntilInteractiveAsync();
        await ChooseAsync(page, "send-segment", "Fair visitors " + word);
        await page.GetByRole(AriaRole.Tab, new() { Name = "ગુજરાતી (1)" }).ClickAsync();
        await Expect(page.GetByTestId("send-preview-subject")).ToHaveTextAsync("હેતલ શાહ માટે દિવાળીની શુભકામનાઓ");
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("campaign-preview-ur");

        // The contact's unsubscribe link, as the outbox keeps it, on the public page without signing in.
        var headers = await HostDatabase.TextAsync(app.Host, "SELECT \"Headers\" FROM crm_outbox_messages WHERE \"Recipients\" LIKE @p0", $"%hetal.{word}@%")
            ?? throw new InvalidOperationException("The campaign message is not in the outbox.");
        var token = Regex.Match(headers, "/unsubscribe/([A-Za-z0-9_-]+)").Groups[1].Value;
        await using var visitor = await app.OpenBrowserAsync(nameof(AccountManager_WritesATemplateInEnglishAndGujarati_SendsItToASegment_AndFindsItOnTheTimeline) + "-visitor", output);
        await visitor.Page.GotoAsync("/unsubscribe/" + token);
        await Expect(visitor.Page.GetByTestId("unsubscribe-confirm")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(visitor.Page);
        await visitor.ScreenshotAsync("unsubscribe-en");
        await visitor.Page.GetByTestId("unsubscribe-confirm").ClickAsync();
        await Expect(visitor.Page.GetByTestId("unsubscribe-done")).ToContainTextAsync(hetal);
        await visitor.Page.GetByRole(AriaRole.Link, new() { Name = "اردو" }).ClickAsync();
        await Expect(visitor.Page.Locator("html")).ToHaveAttributeAsync("lang", "ur-PK");
        await Expect(visitor.Page.GetByTestId("unsubscribe-done")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(visitor.Page);
        await visitor.ScreenshotAsync("unsubscribe-ur");
        Assert.NotNull(await HostDatabase.ScalarAsync(app.Host, "SELECT \"EmailOptedOutAt\" FROM crm_contacts WHERE \"Email\" = @p0", hetal));
    }

    /// <summary>Adds a contact in the contact dialog: Gujarati or the default language, with the consent's source or none.</summary>
    private static async Task AddContactAsync(BrowserSession browser, string name, string email, bool gujarati, string? consent)
    {
        var page = browser.Page;
        await page.GetByTestId("contact-new").ClickAsync();
        var contact = page.Locator(".mud-dialog");
        // The dialog puts the cursor into the name once it has opened: typing before that would lose
        // the next field's text to the name.
        var nameInput = contact.Locator("input[data-testid=contact-name-input]");
        await Expect(nameInput).ToBeFocusedAsync();
        await nameInput.FillAsync(name);
        await contact.Locator("input[data-testid=contact-email-input]").FillAsync(email);
        if (gujarati)
        {
            await contact.GetByTestId("contact-language").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").GetByText("ગુજરાતી", new() { Exact = true }).ClickAsync();
        }

        if (consent is not null)
        {
            await contact.GetByTestId("email-consent-given").ClickAsync();
            await contact.Locator("input[data-testid=email-consent-source]").FillAsync(consent);
            if (gujarati)
            {
                await AxeCheck.AssertCleanAsync(page);
                await browser.ScreenshotAsync("contact-consent-en");
            }
        }

        await page.GetByTestId("contact-save").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
    }

    private static async Task ChooseAsync(IPage page, string select, string option)
    {
        await page.GetByTestId(select).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(option, new() { Exact = false }).First.ClickAsync();
    }
}
