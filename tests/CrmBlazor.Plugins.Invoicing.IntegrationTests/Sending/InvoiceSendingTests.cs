using System.Net;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Plugins.Invoicing.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Mail;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CrmBlazor.Plugins.Invoicing.IntegrationTests.Sending;

/// <summary>
/// An accountant sends an issued invoice or credit note by e-mail: it reaches the customer's address at a
/// real SMTP server with exactly the PDF the invoice keeps for that sending, the sending is recorded, and a
/// second click never sends it twice.
/// </summary>
public abstract class InvoiceSendingTests(InvoicingHostFixture fixture)
{
    private InvoicingPlugin Invoicing => fixture.Invoicing;

    private TestSmtpServer Smtp => fixture.Smtp;

    [Fact]
    public async Task Send_AnIssuedInvoice_AttachesTheInvoicesPdfByteForByteAndKeepsIt()
    {
        var email = NewAddress();
        var billing = await Billing.CreateAsync(fixture, "INR", email: email);
        var id = await IssuedAsync(billing, 1180m);
        var number = (await Invoicing.GetAsync(id)).Number!;

        Assert.True((await Invoicing.SendAsync(billing.Accountant, id)).Saved);

        var received = await ReceivedAsync(email);
        var attachment = Assert.IsType<MimePart>(Assert.Single(received.Attachments));
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        Assert.Equal(number + ".pdf", attachment.FileName);
        using var client = await fixture.Host.SignInAsync(billing.Accountant.User);
        using var kept = await client.GetAsync($"/invoicing/invoices/{id}/sent/1.pdf");
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal(await kept.Content.ReadAsByteArrayAsync(), Content(attachment));
        Assert.Equal(await client.GetByteArrayAsync($"/invoicing/invoices/{id}.pdf"), Content(attachment));
        Assert.Contains(number, await PdfText.ExtractAsync(Content(attachment)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_AnIssuedInvoice_ArrivesAsTransactionalMailWithoutUnsubscribeHeaders()
    {
        var email = NewAddress();
        var billing = await Billing.CreateAsync(fixture, "INR", email: email);
        var id = await IssuedAsync(billing, 1180m);
        var number = (await Invoicing.GetAsync(id)).Number!;

        await Invoicing.SendAsync(billing.Accountant, id);

        var received = await ReceivedAsync(email);
        Assert.Equal(InvoicingHostFixture.From, received.From.Mailboxes.Single().Address);
        Assert.Contains(number, received.Subject, StringComparison.Ordinal);
        Assert.Contains("1,180.00 INR", received.HtmlBody, StringComparison.Ordinal);
        Assert.False(received.Headers.Contains("List-Unsubscribe"));
        Assert.False(received.Headers.Contains("List-Unsubscribe-Post"));
    }

    [Fact]
    public async Task Send_ToATamilSpeakingCustomer_ArrivesWithTheTamilSubjectIntact()
    {
        var email = NewAddress();
        var billing = await Billing.CreateAsync(fixture, "INR", email: email);
        await SpeaksAsync(billing.CustomerId, "ta");
        var id = await IssuedAsync(billing, 1180m);
        var number = (await Invoicing.GetAsync(id)).Number!;

        await Invoicing.SendAsync(billing.Accountant, id);

        var received = await ReceivedAsync(email);
        Assert.Equal($"CrmBlazor அனுப்பும் விலைப்பட்டியல் {number}", received.Subject);
        Assert.Contains("இத்துடன் இணைக்கப்பட்டுள்ளது", received.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ToAnUrduSpeakingCustomer_ArrivesWithTheUrduBodyIntactAndRightToLeft()
    {
        var email = NewAddress();
        var billing = await Billing.CreateAsync(fixture, "INR", email: email);
        await SpeaksAsync(billing.CustomerId, "ur");
        var id = await IssuedAsync(billing, 1180m);
        var number = (await Invoicing.GetAsync(id)).Number!;

        await Invoicing.SendAsync(billing.Accountant, id);

        var received = await ReceivedAsync(email);
        Assert.Equal($"CrmBlazor کی جانب سے انوائس {number}", received.Subject);
        Assert.StartsWith("<div dir=\"rtl\" lang=\"ur\">", received.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"کی ہماری انوائس {number} منسلک ہے۔ واجب الادا رقم: 1,180.00 INR", received.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_AnIssuedInvoice_RecordsWhenToWhomAndByWhomAndAuditsIt()
    {
        var email = NewAddress();
        var billing = await Billing.CreateAsync(fixture, "INR", email: email);
        var id = await IssuedAsync(billing, 500m);

        await Invoicing.SendAsync(billing.Accountant, id);

        var sending = Assert.Single(await Invoicing.SendingsAsync(id));
        Assert.Equal((1, email, (long?)null), (sending.Position, sending.Email, sending.ContactId));
        Assert.Equal(billing.Accountant.User.Email, sending.SentBy);
        var audited = await fixture.Database.ColumnAsync<string>(
            "SELECT \"ActorId\" FROM crm_audit_entries WHERE \"Owner\" = 'invoicing' AND \"Entity\" = 'InvoiceSending'");
        Assert.Contains(billing.Accountant.Id, audited);
    }

    [Fact]
    public async Task Send_ClickedTwiceWithWhatTheUserSaw_SendsOnceAndRefusesTheSecond()
    {
        var email = NewAddress();
        var billing = await Billing.CreateAsync(fixture, "INR", email: email);
        var id = await IssuedAsync(billing, 500m);

        var first = await Invoicing.SendAsync(billing.Accountant, id, sentBefore: 0);
        var second = await Invoicing.SendAsync(billing.Accountant, id, sentBefore: 0);

        Assert.Equal(("Saved", "Invalid"), (first.Status, second.Status));
        Assert.Contains("This document was sent meanwhile; check whether it should be sent again.", second.Messages);
        Assert.Equal(1, await MessagesKeyedAsync($"invoicing:invoice-sent:{id}:%"));
        Assert.Single(await Invoicing.SendingsAsync(id));
    }

    [Fact]
    public async Task SendAgain_AfterTheFirstSending_DeliversASecondMessage()
    {
        var email = NewAddress();
        var billing = await Billing.CreateAsync(fixture, "INR", email: email);
        var id = await IssuedAsync(billing, 500m);

        await Invoicing.SendAsync(billing.Accountant, id, sentBefore: 0);
        var again = await Invoicing.SendAsync(billing.Accountant, id, sentBefore: 1);

        Assert.True(again.Saved);
        await Eventually.HoldsAsync("both messages arrived", () => Task.FromResult(Smtp.ReceivedBy(email).Count == 2));
        Assert.Equal([1, 2], (await Invoicing.SendingsAsync(id)).Select(s => s.Position));
    }

    [Fact]
    public async Task Send_ToACustomerWithoutAnAddress_GoesToThePrimaryContact()
    {
        var billing = await Billing.CreateAsync(fixture, "INR");
        var contactEmail = NewAddress();
        var contactId = await AddContactAsync(billing.CustomerId, "Meera Krishnan", contactEmail, primary: true);
        var id = await IssuedAsync(billing, 500m);

        Assert.True((await Invoicing.SendAsync(billing.Accountant, id)).Saved);

        var received = await ReceivedAsync(contactEmail);
        Assert.Equal("Meera Krishnan", received.To.Mailboxes.Single().Name);
        Assert.Equal(contactId, Assert.Single(await Invoicing.SendingsAsync(id)).ContactId);
    }

    [Fact]
    public async Task Send_WhenNeitherTheCustomerNorItsPrimaryContactHasAnAddress_IsRefusedWithWhatToDo()
    {
        var billing = await Billing.CreateAsync(fixture, "INR");
        await AddContactAsync(billing.CustomerId, "Not the primary", NewAddress(), primary: false);
        var id = await IssuedAsync(billing, 500m);

        var outcome = await Invoicing.SendAsync(billing.Accountant, id);

        Assert.Equal("Invalid", outcome.Status);
        Assert.Contains("Neither the customer nor its primary contact has an e-mail address. Add one on the customer's page, then send again.", outcome.Messages);
        Assert.Empty(await Invoicing.SendingsAsync(id));
    }

    [Fact]
    public async Task Send_ADraft_IsRefused()
    {
        var billing = await Billing.CreateAsync(fixture, "INR", email: NewAddress());
        var id = (await Invoicing.DraftAsync(billing.Accountant, billing.CustomerId)).SavedId;
        await Invoicing.AddLineAsync(billing.Accountant, id, "Fee", 1, 100m);

        var outcome = await Invoicing.SendAsync(billing.Accountant, id);

        Assert.Equal("Invalid", outcome.Status);
        Assert.Contains("Only issued documents can be sent.", outcome.Messages);
    }

    [Fact]
    public async Task Send_ByStaffWithoutThePermissionToIssue_IsForbidden()
    {
        var billing = await Billing.CreateAsync(fixture, "INR", email: NewAddress());
        var id = await IssuedAsync(billing, 500m);

        var outcome = await Invoicing.SendAsync(billing.Consultant, id);

        Assert.Equal("Forbidden", outcome.Status);
        Assert.Empty(await Invoicing.SendingsAsync(id));
    }

    [Fact]
    public async Task Send_ACreditNote_UsesTheCreditNoteMessageAndNamesTheInvoiceItCorrects()
    {
        var email = NewAddress();
        var billing = await Billing.CreateAsync(fixture, "INR", email: email);
        var invoiceId = await IssuedAsync(billing, 500m);
        var invoiceNumber = (await Invoicing.GetAsync(invoiceId)).Number!;
        var creditId = (await Invoicing.CreditAsync(billing.Accountant, invoiceId)).SavedId;
        creditId = (await Invoicing.IssueAsync(billing.Accountant, creditId)).SavedId;
        var creditNumber = (await Invoicing.GetAsync(creditId)).Number!;

        Assert.True((await Invoicing.SendAsync(billing.Accountant, creditId)).Saved);

        var received = await ReceivedAsync(email);
        Assert.Equal($"Credit note {creditNumber} from CrmBlazor", received.Subject);
        Assert.Contains(invoiceNumber, received.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(creditNumber + ".pdf", Assert.IsType<MimePart>(Assert.Single(received.Attachments)).FileName);
    }

    [Fact]
    public async Task SentPdf_OfAnotherDocumentsSending_IsNotFound()
    {
        var billing = await Billing.CreateAsync(fixture, "INR", email: NewAddress());
        var id = await IssuedAsync(billing, 500m);
        using var client = await fixture.Host.SignInAsync(billing.Accountant.User);

        using var response = await client.GetAsync($"/invoicing/invoices/{id}/sent/1.pdf");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string NewAddress() => $"billing-{Guid.NewGuid():N}@customer.example";

    private static byte[] Content(MimePart part)
    {
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content);
        return content.ToArray();
    }

    private async Task<long> IssuedAsync(Billing billing, decimal amount)
    {
        var id = (await Invoicing.DraftAsync(billing.Accountant, billing.CustomerId)).SavedId;
        await Invoicing.AddLineAsync(billing.Accountant, id, "Fee", 1, amount);
        return (await Invoicing.IssueAsync(billing.Accountant, id)).SavedId;
    }

    private Task<long> AddContactAsync(long customerId, string name, string email, bool primary) => fixture.Host.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<CrmDbContext>();
        var contact = new Contact { CustomerId = customerId, Name = name, Email = email, IsPrimary = primary, CreatedAt = DateTimeOffset.UtcNow };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        return contact.Id;
    });

    private Task SpeaksAsync(long customerId, string language) => fixture.Host.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<CrmDbContext>();
        var customer = await db.Customers.FindAsync(customerId);
        customer!.Language = language;
        await db.SaveChangesAsync();
    });

    private async Task<long> MessagesKeyedAsync(string pattern) =>
        (await fixture.Database.ColumnAsync<long>("SELECT COUNT(*) FROM crm_outbox_messages WHERE \"IdempotencyKey\" LIKE @p0", pattern)).Single();

    private async Task<MimeMessage> ReceivedAsync(string to) =>
        (await Eventually.ReturnsAsync(
            $"a message to {to} arrived",
            () => Task.FromResult(Smtp.ReceivedBy(to) is [var first, ..] ? first : null),
            m => m is not null))!;

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteInvoicingHostFixture fixture) : InvoiceSendingTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresInvoicingHostFixture fixture) : InvoiceSendingTests(fixture);
}
