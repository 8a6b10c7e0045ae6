using CrmBlazor.Plugins.Invoicing.IntegrationTests.Hosting;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Invoicing.IntegrationTests.Dashboard;

/// <summary>
/// The dashboard widget's figures: per currency (each test bills in a currency of its own that no
/// other test uses: the host is shared), what was invoiced and paid this month, credit notes
/// subtracting, and what is still open.
/// </summary>
public abstract class InvoicedAndPaidTests(InvoicingHostFixture fixture)
{
    private InvoicingPlugin Invoicing => fixture.Invoicing;

    [Fact]
    public async Task InvoicedAndPaid_AfterAPartPaymentAndAFullCredit_ShowsTheMonthNetOfTheCreditAndWhatIsOpen()
    {
        var billing = await Billing.CreateAsync(fixture, "KWD");
        var paidInPart = await IssuedFeeInvoiceAsync(billing, 100m);
        await Invoicing.PayAsync(billing.Accountant, paidInPart, 40m);
        var credited = await IssuedFeeInvoiceAsync(billing, 50m);
        var creditNote = (await Invoicing.CreditAsync(billing.Accountant, credited)).SavedId;
        await Invoicing.IssueAsync(billing.Accountant, creditNote);

        var figures = await Invoicing.AsAsync(billing.Accountant, async services =>
        {
            dynamic widget = Invoicing.Service(services, "Features.Dashboard.InvoicedAndPaid");
            IEnumerable<dynamic> all = await widget.LastMonthsAsync(6, CancellationToken.None);
            dynamic kwd = all.Single(f => (string)f.Currency == "KWD");
            dynamic thisMonth = ((IEnumerable<dynamic>)kwd.Months).Last();
            return (Count: ((IEnumerable<dynamic>)kwd.Months).Count(), Invoiced: (decimal)thisMonth.Invoiced, Paid: (decimal)thisMonth.Paid, Open: (decimal)kwd.Open, Overdue: (decimal)kwd.Overdue);
        });

        Assert.Equal((6, 100m, 40m, 60m, 0m), figures);
    }

    [Fact]
    public async Task InvoicedAndPaid_ForSomeoneWhoMayNotSeeInvoices_IsEmpty()
    {
        var billing = await Billing.CreateAsync(fixture, "OMR");
        await IssuedFeeInvoiceAsync(billing, 10m);
        var outsider = await fixture.Host.CreateUserAsync(role: null);

        var count = await fixture.Host.AsUserAsync(outsider, async services =>
        {
            dynamic widget = Invoicing.Service(services, "Features.Dashboard.InvoicedAndPaid");
            IEnumerable<dynamic> all = await widget.LastMonthsAsync(6, CancellationToken.None);
            return all.Count();
        });

        Assert.Equal(0, count);
    }

    private async Task<long> IssuedFeeInvoiceAsync(Billing billing, decimal amount)
    {
        var id = (await Invoicing.DraftAsync(billing.Accountant, billing.CustomerId)).SavedId;
        await Invoicing.AddLineAsync(billing.Accountant, id, "Fee", 1, amount);
        return (await Invoicing.IssueAsync(billing.Accountant, id)).SavedId;
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteInvoicingHostFixture fixture) : InvoicedAndPaidTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresInvoicingHostFixture fixture) : InvoicedAndPaidTests(fixture);
}
