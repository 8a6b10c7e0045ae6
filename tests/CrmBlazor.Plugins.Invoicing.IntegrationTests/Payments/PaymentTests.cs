using CrmBlazor.Plugins.Invoicing.IntegrationTests.Hosting;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Invoicing.IntegrationTests.Payments;

/// <summary>Payments move an issued invoice to partly paid and paid; only accountants record them; nothing beyond what is owed.</summary>
public abstract class PaymentTests(InvoicingHostFixture fixture)
{
    private InvoicingPlugin Invoicing => fixture.Invoicing;

    [Fact]
    public async Task PartialThenFinalPayment_MakesTheInvoicePartlyPaidThenPaid()
    {
        var billing = await Billing.CreateAsync(fixture, "JPY");
        var id = await IssuedAsync(billing, 10000m);

        await Invoicing.PayAsync(billing.Accountant, id, 4000m);
        var partly = await Invoicing.GetAsync(id);
        await Invoicing.PayAsync(billing.Accountant, id, 6000m);
        var paid = await Invoicing.GetAsync(id);

        Assert.Equal(("PartlyPaid", 4000m), (partly.Status, partly.Paid));
        Assert.Equal(("Paid", 10000m), (paid.Status, paid.Paid));
    }

    [Fact]
    public async Task Payment_IsOnTheCustomersTimeline()
    {
        var billing = await Billing.CreateAsync(fixture, "INR");
        var id = await IssuedAsync(billing, 1000m);
        var number = (await Invoicing.GetAsync(id)).Number;

        await Invoicing.PayAsync(billing.Accountant, id, 250.50m);

        await Eventually.HoldsAsync("the payment reached the timeline", async () =>
            (await fixture.Database.ColumnAsync<string>("SELECT \"Title\" FROM crm_timeline_entries WHERE \"CustomerId\" = @p0", billing.CustomerId))
                .Contains($"Payment of 250.50 INR received for invoice {number}"));
    }

    [Fact]
    public async Task PaymentAboveWhatIsOwed_IsRefused()
    {
        var billing = await Billing.CreateAsync(fixture, "INR");
        var id = await IssuedAsync(billing, 1000m);

        var outcome = await Invoicing.PayAsync(billing.Accountant, id, 1000.01m);

        Assert.Equal(("Invalid", "The payment is more than what is owed: ₹1,000.00."), (outcome.Status, Assert.Single(outcome.Messages)));
    }

    [Fact]
    public async Task PaymentWithMoreDecimalsThanTheCurrencyHas_IsRefused()
    {
        var billing = await Billing.CreateAsync(fixture, "JPY");
        var id = await IssuedAsync(billing, 1000m);

        var outcome = await Invoicing.PayAsync(billing.Accountant, id, 10.5m);

        Assert.Equal(("Invalid", "JPY amounts have at most 0 decimals."), (outcome.Status, Assert.Single(outcome.Messages)));
    }

    [Fact]
    public async Task Staff_MayNotRecordPayments()
    {
        var billing = await Billing.CreateAsync(fixture, "INR");
        var id = await IssuedAsync(billing, 1000m);

        var outcome = await Invoicing.PayAsync(billing.Consultant, id, 100m);

        Assert.Equal("Forbidden", outcome.Status);
        Assert.Equal(0m, (await Invoicing.GetAsync(id)).Paid);
    }

    [Fact]
    public async Task CreditNoteAfterFullPayment_ShowsWhatIsOwedToTheCustomer()
    {
        // Paid in full, then a line credited: the firm owes the customer that line, which the invoice
        // says instead of "nothing open".
        var billing = await Billing.CreateAsync(fixture, "INR");
        var id = (await Invoicing.DraftAsync(billing.Accountant, billing.CustomerId)).SavedId;
        await Invoicing.AddLineAsync(billing.Accountant, id, "Design", 1, 700m);
        await Invoicing.AddLineAsync(billing.Accountant, id, "Hosting", 1, 300m);
        await Invoicing.IssueAsync(billing.Accountant, id);
        await Invoicing.PayAsync(billing.Accountant, id, 1000m);
        var hosting = (await Invoicing.GetAsync(id)).Lines.Single(l => l.Description == "Hosting").Id;

        var credit = (await Invoicing.CreditAsync(billing.Accountant, id, [hosting])).SavedId;
        (await Invoicing.IssueAsync(billing.Accountant, credit)).SavedId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var invoice = await Invoicing.GetAsync(id);

        Assert.Equal((1000m, 300m, 0m, 300m), (invoice.Paid, invoice.Credited, invoice.Outstanding, invoice.Overpaid));
    }

    private async Task<long> IssuedAsync(Billing billing, decimal amount)
    {
        var id = (await Invoicing.DraftAsync(billing.Accountant, billing.CustomerId)).SavedId;
        await Invoicing.AddLineAsync(billing.Accountant, id, "Fee", 1, amount);
        var issued = await Invoicing.IssueAsync(billing.Accountant, id);
        return issued.SavedId;
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteInvoicingHostFixture fixture) : PaymentTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresInvoicingHostFixture fixture) : PaymentTests(fixture);
}
