using System.Globalization;
using System.Reflection;
using CrmBlazor.Host.Data;
using CrmBlazor.Plugins.Invoicing.IntegrationTests.Hosting;
using CrmBlazor.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CrmBlazor.Plugins.Invoicing.IntegrationTests.Runs;

/// <summary>
/// A monthly run started with "e-mail each invoice to the customer when it is issued": each of its drafts
/// is e-mailed with its PDF once an accountant issues it, exactly once however often the delivery runs,
/// and a customer without an address is told about before issuing and on its timeline after, not skipped
/// silently. A run started without the option sends nothing.
/// </summary>
public abstract class MonthlyRunSendOnIssueTests(InvoicingHostFixture fixture)
{
    // Months no other test bills, one per test: the choice is the month's run's.
    private static readonly DateOnly Sending = new(2024, 1, 1);
    private static readonly DateOnly NotSending = new(2024, 2, 1);
    private static readonly DateOnly Redelivered = new(2024, 4, 1);
    private static readonly DateOnly WithoutAddress = new(2024, 5, 1);
    private static readonly DateOnly Previewed = new(2024, 6, 1);

    private InvoicingPlugin Invoicing => fixture.Invoicing;

    [Fact]
    public async Task IssuingARunDraft_WhenTheRunWasStartedToSendOnIssue_EmailsItWithItsPdfToTheCustomer()
    {
        var email = NewAddress();
        var billing = await BilledInAsync(Sending, email);
        await Invoicing.RunJobAsync("Jobs.MonthlyInvoiceRunJob", new { Year = Sending.Year, Month = Sending.Month, SendOnIssue = true });
        var draftId = await DraftOfAsync(billing, Sending);

        var issued = await Invoicing.IssueAsync(billing.Accountant, draftId);

        Assert.True(issued.Saved);
        var received = await Eventually.ReturnsAsync($"a message to {email} arrived", () => Task.FromResult(fixture.Smtp.ReceivedBy(email)), m => m.Count > 0);
        var number = (await Invoicing.GetAsync(draftId)).Number!;
        Assert.Contains(number, Assert.Single(received).Subject, StringComparison.Ordinal);
        Assert.Equal(number + ".pdf", Assert.IsType<MimePart>(Assert.Single(received[0].Attachments)).FileName);
        var sending = Assert.Single(await Invoicing.SendingsAsync(draftId));
        Assert.Equal((1, email, billing.Accountant.User.Email), (sending.Position, sending.Email, sending.SentBy));
    }

    [Fact]
    public async Task IssuingARunDraft_WhenTheRunWasStartedWithoutTheOption_SendsNothing()
    {
        var email = NewAddress();
        var billing = await BilledInAsync(NotSending, email);
        await Invoicing.RunJobAsync("Jobs.MonthlyInvoiceRunJob", new { Year = NotSending.Year, Month = NotSending.Month, SendOnIssue = false });
        var draftId = await DraftOfAsync(billing, NotSending);

        await Invoicing.IssueAsync(billing.Accountant, draftId);

        await IssueHandledAsync(draftId);
        Assert.Empty(await Invoicing.SendingsAsync(draftId));
        Assert.Equal(0, await MessagesOfAsync(draftId));
        Assert.Empty(fixture.Smtp.ReceivedBy(email));
    }

    [Fact]
    public async Task SendingOnIssue_DeliveredAgainAfterItSent_SendsNothingMore()
    {
        var email = NewAddress();
        var billing = await BilledInAsync(Redelivered, email);
        await Invoicing.RunMonthAsync(Redelivered, sendOnIssue: true);
        var draftId = await DraftOfAsync(billing, Redelivered);
        await Invoicing.IssueAsync(billing.Accountant, draftId);
        await IssueHandledAsync(draftId);

        // What a retried or repeated delivery of the issue does (after a crash before it was marked done).
        var again = await SendOnIssueAsync(draftId);

        Assert.Equal("SentAlready", again);
        Assert.Single(await Invoicing.SendingsAsync(draftId));
        Assert.Equal(1, await MessagesOfAsync(draftId));
        await Eventually.HoldsAsync("the message arrived", () => Task.FromResult(fixture.Smtp.ReceivedBy(email).Count == 1));
        Assert.Single(fixture.Smtp.ReceivedBy(email));
    }

    [Fact]
    public async Task IssuingARunDraft_ForACustomerWithoutAnAddress_IsIssuedAndSaidOnItsTimeline()
    {
        var billing = await BilledInAsync(WithoutAddress, email: null);
        await Invoicing.RunMonthAsync(WithoutAddress, sendOnIssue: true);
        var draftId = await DraftOfAsync(billing, WithoutAddress);
        var draftPage = await PageAsync(billing, draftId);

        var issued = await Invoicing.IssueAsync(billing.Accountant, draftId);

        Assert.True(issued.Saved);
        Assert.StartsWith("Its monthly run e-mails its invoices, but neither the customer nor its primary contact has an e-mail address", draftPage.TextOf("invoicing-send-on-issue"), StringComparison.Ordinal);
        var number = (await Invoicing.GetAsync(draftId)).Number!;
        var entry = await Eventually.ReturnsAsync("the timeline says it was not e-mailed", () => TimelineTitleAsync(billing.CustomerId, $"invoicing.invoice:{draftId}:not-emailed"), t => t is not null);
        Assert.Equal($"Invoice {number} not e-mailed: neither the customer nor its primary contact has an e-mail address", entry);
        Assert.Empty(await Invoicing.SendingsAsync(draftId));
    }

    [Fact]
    public async Task DraftPage_OfARunThatSendsOnIssue_SaysWhereIssuingSendsIt()
    {
        var email = NewAddress();
        var billing = await BilledInAsync(Previewed, email);
        await Invoicing.RunMonthAsync(Previewed, sendOnIssue: true);
        var draftId = await DraftOfAsync(billing, Previewed);

        var page = await PageAsync(billing, draftId);

        Assert.Equal($"Its monthly run e-mails its invoices: issuing it sends it to \u2068{email}\u2069.", page.TextOf("invoicing-send-on-issue"));
    }

    private static string NewAddress() => $"billing-{Guid.NewGuid():N}@customer.example";

    private async Task<Billing> BilledInAsync(DateOnly month, string? email)
    {
        var billing = await Billing.CreateAsync(fixture, "INR", email: email);
        await Invoicing.AddTimeAsync(billing.ProjectId, billing.Consultant.Id, month.AddDays(9), 90);
        return billing;
    }

    private async Task<long> DraftOfAsync(Billing billing, DateOnly month) =>
        (await Invoicing.RunDraftsAsync(month)).Single(d => d.CustomerId == billing.CustomerId).Id;

    private async Task<HtmlPage> PageAsync(Billing billing, long id)
    {
        using var client = await fixture.Host.SignInAsync(billing.Accountant.User);
        using var response = await client.GetAsync($"/invoices/{id}");
        return await HtmlPage.ReadAsync(response);
    }

    // Every handler of the document's issue ran (the event is marked done once they all succeeded).
    private Task IssueHandledAsync(long invoiceId) => Eventually.HoldsAsync("the issue's handlers ran", () => fixture.Host.InScopeAsync(services =>
        services.GetRequiredService<CrmDbContext>().DomainEvents.AnyAsync(e =>
            e.Name == "invoicing.invoice-issued" && e.Payload.Contains($"\"invoiceId\":{invoiceId.ToString(CultureInfo.InvariantCulture)},") && e.CompletedAt != null)));

    private Task<string> SendOnIssueAsync(long invoiceId) => fixture.Host.InScopeAsync(async services =>
    {
        var sender = Invoicing.Service(services, "Features.Sending.InvoiceSendService");
        var method = sender.GetType().GetMethod("SendIssuedRunInvoiceAsync", BindingFlags.Instance | BindingFlags.NonPublic)!;
        var task = (Task)method.Invoke(sender, [invoiceId, CancellationToken.None])!;
        await task;
        return (string)task.GetType().GetProperty("Result")!.GetValue(task)!.ToString()!;
    });

    private async Task<int> MessagesOfAsync(long invoiceId) =>
        (int)(await fixture.Database.ColumnAsync<long>(
            "SELECT COUNT(*) FROM crm_outbox_messages WHERE \"IdempotencyKey\" LIKE @p0", $"invoicing:invoice-sent:{invoiceId}:%")).Single();

    private Task<string?> TimelineTitleAsync(long customerId, string key) => fixture.Host.InScopeAsync(services =>
        services.GetRequiredService<CrmDbContext>().TimelineEntries.Where(e => e.CustomerId == customerId && e.Key == key).Select(e => e.Title).FirstOrDefaultAsync());

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteInvoicingHostFixture fixture) : MonthlyRunSendOnIssueTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresInvoicingHostFixture fixture) : MonthlyRunSendOnIssueTests(fixture);
}
