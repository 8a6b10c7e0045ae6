using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Administration;

/// <summary>
/// The outbox (<c>/admin/outbox</c>) in the browser, on a host without a mail server: an invoice in Urdu waits
/// there as not sent; the administrator opens the outbox from the menu, is told that no mail server is
/// configured and what to set, finds the message by a word of its subject, reads it as the recipient would
/// (rendered in a sandboxed frame, right to left), downloads its PDF, and cancels it. Every step passes axe's
/// WCAG 2.2 AA rules in English and in Urdu.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class OutboxTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task MessageWaitingWithoutMailServer_AdministratorReadsItDownloadsItsAttachmentAndCancelsIt()
    {
        var word = "Inv" + Random.Shared.Next(100000, 999999);
        var queued = HostOutbox.UrduInvoice(word);
        var id = await HostOutbox.AddNotSentAsync(app.Host, queued);
        await using var browser = await app.OpenBrowserAsync(nameof(MessageWaitingWithoutMailServer_AdministratorReadsItDownloadsItsAttachmentAndCancelsIt), output);
        var page = browser.Page;
        var shell = await browser.SignInAsync(EndToEndFixture.Admin);

        await shell.OpenFromMenuAsync("Outbox");
        await Expect(page.GetByTestId("outbox-no-mail-server")).ToContainTextAsync("No mail server is configured");
        await Expect(page.GetByTestId("outbox-no-mail-server")).ToContainTextAsync("Mail:Smtp:Host");
        await page.Locator("input[data-testid=outbox-search]").FillAsync(word);
        var row = page.GetByTestId("outbox-row-subject");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToHaveTextAsync(queued.Subject);
        await Expect(page.GetByTestId("outbox-state")).ToHaveAttributeAsync("data-state", "NotSent");
        await Expect(page.GetByTestId("outbox-state-NotSent")).ToContainTextAsync("1");
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("outbox-en");

        await row.ClickAsync();
        await page.WaitForURLAsync($"**/admin/outbox/{id}");
        await Expect(page.GetByTestId("outbox-message-subject")).ToHaveTextAsync(queued.Subject);
        await Expect(page.GetByTestId("outbox-message-to")).ToContainTextAsync(queued.RecipientEmail);
        var frame = page.GetByTestId("outbox-body-html");
        await Expect(frame).ToHaveAttributeAsync("sandbox", "");
        Assert.Equal(queued.HtmlBody, await frame.GetAttributeAsync("srcdoc"));
        // The frame runs no script, so neither can Playwright in it: the message's document is checked as given to the
        // frame, and looked at in the screenshots.
        await Expect(page.GetByTestId("outbox-attempt")).ToContainTextAsync("Not sent: no mail server configured");
        var attachment = page.GetByTestId("outbox-attachment");
        await Expect(attachment).ToHaveTextAsync(queued.AttachmentName);
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("outbox-message-en");

        // The download, with the administrator's cookies: the PDF as queued, as an attachment under its Urdu name.
        await using (var download = await page.APIRequest.GetAsync(await attachment.GetAttributeAsync("href") ?? throw new InvalidOperationException("The attachment has no link.")))
        {
            Assert.Equal(200, download.Status);
            Assert.StartsWith("application/pdf", download.Headers["content-type"], StringComparison.Ordinal);
            Assert.StartsWith("attachment;", download.Headers["content-disposition"], StringComparison.Ordinal);
            Assert.Contains("filename*=UTF-8''", download.Headers["content-disposition"], StringComparison.Ordinal);
            Assert.Equal(queued.Attachment, await download.BodyAsync());
        }

        await page.GetByRole(AriaRole.Tab, new() { Name = "Plain text" }).ClickAsync();
        await Expect(page.GetByTestId("outbox-body-text")).ToContainTextAsync("Rs 1,25,000.00");

        await shell.ChooseLanguageAsync("ur-PK", "اردو");
        await Expect(page.GetByTestId("outbox-message-subject")).ToHaveTextAsync(queued.Subject);
        await page.GetByRole(AriaRole.Tab).First.ClickAsync();
        await Expect(page.GetByTestId("outbox-body-html")).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("outbox-message-ur");

        await page.GotoAsync($"/admin/outbox?q={word}");
        await shell.WaitUntilInteractiveAsync();
        await Expect(page.GetByTestId("outbox-row-subject")).ToHaveCountAsync(1);
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("outbox-ur");

        // Back in English, the message is cancelled after a confirmation; the page says so only once it is saved.
        await shell.ChooseLanguageAsync("en-GB", "English (UK)");
        await page.GotoAsync($"/admin/outbox/{id}");
        await shell.WaitUntilInteractiveAsync();
        await page.GetByTestId("outbox-cancel").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync("It will not be sent.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel the message" }).ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("The message is cancelled.");
        await Expect(page.GetByTestId("outbox-state")).ToHaveAttributeAsync("data-state", "Cancelled");
        await Expect(page.GetByTestId("outbox-cancel")).ToHaveCountAsync(0);
        Assert.Equal("Cancelled", await HostDatabase.TextAsync(app.Host, "SELECT \"State\" FROM crm_outbox_messages WHERE \"Id\" = @p0", id.ToString().ToUpperInvariant()));
    }
}
