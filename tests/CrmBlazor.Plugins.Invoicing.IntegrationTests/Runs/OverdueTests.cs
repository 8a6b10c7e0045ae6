using CrmBlazor.Plugins.Invoicing.IntegrationTests.Hosting;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Invoicing.IntegrationTests.Runs;

/// <summary>
/// The nightly overdue job: invoices past their due date become overdue, with one reminder per level on the
/// customer's timeline, e-mailed once to the customer's address.
/// </summary>
public abstract class OverdueTests(InvoicingHostFixture fixture)
{
    private InvoicingPlugin Invoicing => fixture.Invoicing;

    [Fact]
    public async Task OverdueJob_RunTwice_MarksTheInvoiceOverdueAndRemindsOnce()
    {
        var billing = await Billing.CreateAsync(fixture, "INR");
        var id = await IssuedAsync(billing, 1000m);
        await MoveDueDateAsync(id, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-15));

        await Invoicing.RunJobAsync("Jobs.OverdueInvoicesJob");
        await Invoicing.RunJobAsync("Jobs.OverdueInvoicesJob");

        Assert.Equal("Overdue", (await Invoicing.GetAsync(id)).Status);
        var reminders = await fixture.Database.ColumnAsync<int>("SELECT \"Level\" FROM invoicing_reminders WHERE \"InvoiceId\" = @p0", id);
        Assert.Equal([2], reminders);
        var titles = await Eventually.ReturnsAsync("the reminder reached the timeline", () => RemindersOnTimelineAsync(billing.CustomerId), t => t.Count > 0);
        Assert.StartsWith("Reminder 2: invoice INV-", Assert.Single(titles), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverdueJob_RunTwice_EmailsTheReminderOnce()
    {
        var email = $"reminded-{Guid.NewGuid():N}@customer.example";
        var billing = await Billing.CreateAsync(fixture, "INR", email: email);
        var id = await IssuedAsync(billing, 1000m);
        var number = (await Invoicing.GetAsync(id)).Number;
        await MoveDueDateAsync(id, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2));

        await Invoicing.RunJobAsync("Jobs.OverdueInvoicesJob");
        await Invoicing.RunJobAsync("Jobs.OverdueInvoicesJob");

        var received = await Eventually.ReturnsAsync("the reminder arrived", () => Task.FromResult(fixture.Smtp.ReceivedBy(email)), m => m.Count > 0);
        Assert.Equal($"Reminder: invoice {number} is overdue", Assert.Single(received).Subject);
        Assert.Contains("1,000.00 INR", received[0].HtmlBody, StringComparison.Ordinal);
        Assert.Equal([1L], await fixture.Database.ColumnAsync<long>(
            "SELECT COUNT(*) FROM crm_outbox_messages WHERE \"IdempotencyKey\" = @p0", $"invoicing:payment-reminder:{id}:1"));
    }

    [Fact]
    public async Task OverdueJob_ForACustomerWithoutAnAddress_RecordsTheReminderWithoutMail()
    {
        var billing = await Billing.CreateAsync(fixture, "INR");
        var id = await IssuedAsync(billing, 1000m);
        await MoveDueDateAsync(id, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2));

        await Invoicing.RunJobAsync("Jobs.OverdueInvoicesJob");

        Assert.Equal([1], await fixture.Database.ColumnAsync<int>("SELECT \"Level\" FROM invoicing_reminders WHERE \"InvoiceId\" = @p0", id));
        Assert.Equal([0L], await fixture.Database.ColumnAsync<long>(
            "SELECT COUNT(*) FROM crm_outbox_messages WHERE \"IdempotencyKey\" LIKE @p0", $"invoicing:payment-reminder:{id}:%"));
    }

    [Fact]
    public async Task OverdueJob_LeavesPaidAndNotYetDueInvoicesAlone()
    {
        var billing = await Billing.CreateAsync(fixture, "INR");
        var paid = await IssuedAsync(billing, 500m);
        await Invoicing.PayAsync(billing.Accountant, paid, 500m);
        await MoveDueDateAsync(paid, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3));
        var notDue = await IssuedAsync(billing, 700m);

        await Invoicing.RunJobAsync("Jobs.OverdueInvoicesJob");

        Assert.Equal(("Paid", "Issued"), ((await Invoicing.GetAsync(paid)).Status, (await Invoicing.GetAsync(notDue)).Status));
    }

    private async Task<long> IssuedAsync(Billing billing, decimal amount)
    {
        var id = (await Invoicing.DraftAsync(billing.Accountant, billing.CustomerId)).SavedId;
        await Invoicing.AddLineAsync(billing.Accountant, id, "Fee", 1, amount);
        return (await Invoicing.IssueAsync(billing.Accountant, id)).SavedId;
    }

    // Time passing: the due date is moved back in the stored row, as if the invoice had been issued weeks ago
    // (an issued invoice itself never changes its due date).
    private Task MoveDueDateAsync(long invoiceId, DateOnly due) => fixture.Host.InScopeAsync(async services =>
    {
        var db = Invoicing.Context(services);
        var invoice = InvoicingPlugin.Rows(db, Invoicing.Type("Data.Invoice")).Single(i => (long)i.Id == invoiceId);
        db.Entry((object)invoice).Property("DueDate").CurrentValue = due;
        await db.SaveChangesAsync();
    });

    private async Task<List<string>> RemindersOnTimelineAsync(long customerId) =>
        [.. (await fixture.Database.ColumnAsync<string>("SELECT \"Title\" FROM crm_timeline_entries WHERE \"CustomerId\" = @p0", customerId)).Where(t => t.StartsWith("Reminder", StringComparison.Ordinal))];

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteInvoicingHostFixture fixture) : OverdueTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresInvoicingHostFixture fixture) : OverdueTests(fixture);
}
