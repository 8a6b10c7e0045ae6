using CrmBlazor.Plugins.Invoicing.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Invoicing;

namespace CrmBlazor.Plugins.Invoicing.IntegrationTests.Invoices;

/// <summary>The invoice list's query: filters by state, customer and period, a page of rows, and totals of everything matching per currency.</summary>
public abstract class InvoiceListTests(InvoicingHostFixture fixture)
{
    private InvoicingPlugin Invoicing => fixture.Invoicing;

    [Fact]
    public async Task List_OfACustomer_TotalsEveryMatchingDocumentWithCreditNotesSubtracted()
    {
        var billing = await Billing.CreateAsync(fixture, "INR");
        var paid = await IssuedAsync(billing, 1000m);
        await Invoicing.PayAsync(billing.Accountant, paid, 1000m);
        var credited = await IssuedAsync(billing, 500m);
        var credit = (await Invoicing.CreditAsync(billing.Accountant, credited)).SavedId;
        await Invoicing.IssueAsync(billing.Accountant, credit);
        var open = await IssuedAsync(billing, 300m);
        await Invoicing.DraftAsync(billing.Accountant, billing.CustomerId);

        var page = await ListAsync(billing, customerId: billing.CustomerId, pageSize: 2);

        Assert.Equal(5, page.TotalCount);
        Assert.Equal(2, page.Rows.Count);
        Assert.Equal(("INR", 5, 1300m, 300m), page.Totals.Single());
        Assert.Contains(open, (await ListAsync(billing, customerId: billing.CustomerId, status: "Issued")).Rows);
    }

    [Fact]
    public async Task List_ByState_ShowsOnlyThatState()
    {
        var billing = await Billing.CreateAsync(fixture, "EUR");
        var paid = await IssuedAsync(billing, 100m);
        await Invoicing.PayAsync(billing.Accountant, paid, 100m);
        await IssuedAsync(billing, 200m);

        var page = await ListAsync(billing, customerId: billing.CustomerId, status: "Paid");

        Assert.Equal([paid], page.Rows);
    }

    [Fact]
    public async Task DraftWithTaxInclusivePrices_SplitsTheGrossIntoNetAndTax()
    {
        var billing = await Billing.CreateAsync(fixture, "INR");
        var id = (await Invoicing.DraftAsync(billing.Accountant, billing.CustomerId)).SavedId;
        await Invoicing.UpdateHeaderAsync(billing.Accountant, id, "in-gst-intra", pricesIncludeTax: true);
        await Invoicing.AddLineAsync(billing.Accountant, id, "Workshop", 1, 118m);

        var draft = await Invoicing.GetAsync(id);

        Assert.Equal((100.00m, 18.00m, 118.00m), (draft.Net, draft.Tax, draft.Gross));
    }

    private async Task<long> IssuedAsync(Billing billing, decimal amount)
    {
        var id = (await Invoicing.DraftAsync(billing.Accountant, billing.CustomerId)).SavedId;
        await Invoicing.AddLineAsync(billing.Accountant, id, "Fee", 1, amount);
        return (await Invoicing.IssueAsync(billing.Accountant, id)).SavedId;
    }

    private Task<(int TotalCount, List<long> Rows, List<(string, int, decimal, decimal)> Totals)> ListAsync(Billing billing, long? customerId = null, string? status = null, int pageSize = 50) =>
        Invoicing.AsAsync(billing.Accountant, async services =>
        {
            var statusType = typeof(InvoiceStatus);
            var queryType = Invoicing.Type("Features.Invoices.InvoiceListQuery");
            var statusValue = status is null ? null : Enum.Parse(statusType, status);
            var query = Activator.CreateInstance(queryType, statusValue, customerId, null, null, null, 0, pageSize)!;
            dynamic queries = Invoicing.Service(services, "Features.Invoices.InvoiceQueries");
            dynamic page = await queries.ListAsync((dynamic)query, CancellationToken.None);
            var rows = new List<long>();
            foreach (var item in page.Items)
            {
                rows.Add((long)item.Id);
            }

            var totals = new List<(string, int, decimal, decimal)>();
            foreach (var total in page.Totals)
            {
                totals.Add(((string)total.Currency, (int)total.Count, (decimal)total.Gross, (decimal)total.Outstanding));
            }

            return ((int)page.TotalCount, rows, totals);
        });

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteInvoicingHostFixture fixture) : InvoiceListTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresInvoicingHostFixture fixture) : InvoiceListTests(fixture);
}
