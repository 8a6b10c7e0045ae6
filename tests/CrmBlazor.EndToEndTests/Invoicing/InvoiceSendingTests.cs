using System.Globalization;
using System.Text.RegularExpressions;
using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using CrmBlazor.Testing.Hosting;
using CrmBlazor.Testing.Mail;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Invoicing;

/// <summary>
/// An accountant sends an issued invoice by e-mail: the dialog shows the customer's address before
/// anything is sent, and the invoice then says what became of the message: on the shared end-to-end host,
/// which has no mail server, it waits in the outbox and the invoice says "Not sent … no mail server
/// configured", never "Sent", in English and in Urdu; on a host with a mail server, "Sent on …" once the
/// server has it, with the PDF attached. No accessibility violations either way.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class InvoiceSendingTests(EndToEndFixture app, ITestOutputHelper output)
{
    private const string CustomerAddress = "accounts@chennai-soft.example";

    [Fact]
    public async Task Accountant_SendingAnIssuedInvoice_ConfirmsTheRecipientAndSeesItMarkedSent()
    {
        var testName = nameof(Accountant_SendingAnIssuedInvoice_ConfirmsTheRecipientAndSeesItMarkedSent);
        await using var sent = await IssueAndSendAsync(app.Host, testName);
        var (browser, shell, invoice, invoiceId) = (sent.Browser, sent.Shell, sent.Invoice, sent.InvoiceId);
        var page = browser.Page;

        // Marked as not sent for want of a mail server, with the address; sending again is now an explicit choice.
        await Expect(invoice.SentState).ToContainTextAsync(new Regex("^Not sent to \u2068?" + Regex.Escape(CustomerAddress) + "\u2069?: no mail server configured"));
        await Expect(invoice.Send).ToHaveTextAsync("Send again");
        Assert.Equal("1", (await HostDatabase.ScalarAsync(app.Host,
            "SELECT COUNT(*) FROM crm_outbox_messages WHERE \"IdempotencyKey\" = @p0", $"invoicing:invoice-sent:{invoiceId}:1"))?.ToString());
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("invoicing-51-sent");

        // The same in Urdu, right to left.
        await shell.ChooseLanguageAsync("ur-PK", "اردو");
        await Expect(shell.Document).ToHaveAttributeAsync("dir", "rtl");
        await Expect(invoice.SentState).ToContainTextAsync(CustomerAddress);
        await Expect(invoice.SentState).ToContainTextAsync("کوئی میل سرور ترتیب نہیں دیا گیا");
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("invoicing-52-sent-ur");
        await invoice.OpenSendAsync();
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("invoicing-53-send-again-dialog-ur");
    }

    [Fact]
    public async Task Accountant_SendingAnIssuedInvoice_WithAMailServer_SeesItMarkedSentOnceTheServerHasIt()
    {
        // A host of its own with a mail server: the shared host has none, which the outbox's own tests need.
        using var smtp = new TestSmtpServer();
        smtp.Start();
        var work = Directory.CreateTempSubdirectory("crm-e2e-mail-").FullName;
        try
        {
            await using var host = await CrmHostProcess.StartAsync(EndToEndFixture.HostAssembly, new Dictionary<string, string?>
            {
                ["Crm:Admin:Email"] = EndToEndFixture.Admin.Email,
                ["Crm:Admin:Password"] = EndToEndFixture.Admin.Password,
                ["Plugins:Path"] = Path.Combine(AppContext.BaseDirectory, "e2e-plugins"),
                ["Plugins:fixture-alpha:Greeting"] = EndToEndFixture.Greeting,
                ["Mail:Smtp:Host"] = "127.0.0.1",
                ["Mail:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
                ["Mail:Smtp:Security"] = "None",
                ["Mail:From"] = "accounts@firm.example",
            }, Directory.CreateDirectory(Path.Combine(work, "data")).FullName);
            await using var sent = await IssueAndSendAsync(host, nameof(Accountant_SendingAnIssuedInvoice_WithAMailServer_SeesItMarkedSentOnceTheServerHasIt));

            // The page follows the message until the server has it, then says so with the address.
            await Expect(sent.Invoice.SentState).ToContainTextAsync(new Regex("^Sent on .+ to \u2068?" + Regex.Escape(CustomerAddress)));
            var message = Assert.Single(smtp.ReceivedBy(CustomerAddress));
            Assert.Contains(message.Attachments.OfType<MimeKit.MimePart>(), part => part.ContentType.MimeType == "application/pdf");
            await AxeCheck.AssertCleanAsync(sent.Browser.Page);
            await sent.Browser.ScreenshotAsync("invoicing-54-sent-by-the-server");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    // A manager logs billable time for a new customer; an accountant invoices it, issues the invoice, checks the
    // recipient in the send dialog and sends it. The accountant's browser stays open on the invoice.
    private async Task<SentInvoice> IssueAndSendAsync(CrmHostProcess host, string testName)
    {
        var manager = await HostUsers.CreateAsync(host, "Manager", "Meera Iyer");
        var accountant = await HostUsers.CreateAsync(host, "Accountant", "Nino Tsereteli");
        var customerName = "கோவை கணக்கியல் சேவைகள் " + Random.Shared.Next(100, 999);
        var projectName = "Tax filing " + Random.Shared.Next(10000, 99999);
        long customerId;
        await using (var managerBrowser = await app.OpenBrowserAsync(testName + "-manager", output, host))
        {
            (customerId, _) = await BillableTime.ArrangeAsync(managerBrowser, manager, customerName, projectName);
        }

        var browser = await app.OpenBrowserAsync(testName, output, host);
        try
        {
            var shell = await browser.SignInAsync(accountant);
            var page = browser.Page;
            var newInvoice = new NewInvoicePage(page);
            await newInvoice.OpenAsync(customerId);
            await Expect(newInvoice.Entries).ToHaveCountAsync(1);
            await newInvoice.CreateFromTimeAsync();
            var invoice = new InvoicePage(page);
            await invoice.ExpectDraftAsync();
            await invoice.IssueAsync();
            await Expect(invoice.SentState).ToHaveTextAsync("Not sent yet");
            var invoiceId = InvoiceId().Match(page.Url).Groups[1].Value;

            // The dialog names the recipient (the customer's address) before anything is sent.
            var recipient = await invoice.OpenSendAsync();
            await Expect(recipient).ToContainTextAsync(CustomerAddress);
            await AxeCheck.AssertCleanAsync(page);
            await browser.ScreenshotAsync("invoicing-50-send-dialog");
            await invoice.ConfirmSendAsync();
            return new SentInvoice(browser, shell, invoice, invoiceId);
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    private sealed record SentInvoice(BrowserSession Browser, Shell Shell, InvoicePage Invoice, string InvoiceId) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Browser.DisposeAsync();
    }

    [GeneratedRegex(@"/invoices/(\d+)")]
    private static partial Regex InvoiceId();
}
