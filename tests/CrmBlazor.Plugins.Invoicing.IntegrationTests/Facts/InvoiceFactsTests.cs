using CrmBlazor.Plugins.Invoicing.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Invoicing;
using CrmBlazor.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Plugins.Invoicing.IntegrationTests.Facts;

/// <summary>
/// The facts other plugins read through the SDK (<see cref="IInvoiceFacts"/>): revenue per customer,
/// month and currency, and what each customer owes, on documents issued through the plugin and then
/// dated where the test needs them.
/// </summary>
public abstract class InvoiceFactsTests(InvoicingHostFixture fixture)
{
    private static readonly DateOnly January31 = new(2025, 1, 31);
    private static readonly DateOnly February1 = new(2025, 2, 1);
    private static readonly DateOnly February28 = new(2025, 2, 28);
    private static readonly DateOnly March1 = new(2025, 3, 1);

    private InvoicingPlugin Invoicing => fixture.Invoicing;

    [Fact]
    public async Task MonthlyRevenue_AcrossAMonthBorder_IsNetPerMonthLessCreditNotesWithoutCancelledInvoices()
    {
        var euro = await Billing.CreateAsync(fixture, "EUR");
        var rupee = await Billing.CreateAsync(fixture, "INR");
        await IssuedAsync(euro, January31, ("in-gst-intra", 100m));
        var february = await IssuedAsync(euro, February1, ("exempt", 150m), ("exempt", 50m));
        await CreditNoteAsync(euro, february, February28, lineIndex: 1);
        var cancelled = await IssuedAsync(euro, February1, ("exempt", 300m));
        await CreditNoteAsync(euro, cancelled, March1, lineIndex: null);
        await IssuedAsync(euro, March1, ("exempt", 999m));
        await Invoicing.DraftAsync(euro.Accountant, euro.CustomerId);
        await IssuedAsync(rupee, January31, ("exempt", 70m));

        var revenue = await FactsAsync(f => f.GetMonthlyRevenueAsync(new RevenueQuery(new DateOnly(2025, 1, 15), February28, [euro.CustomerId, rupee.CustomerId])));

        Assert.Equal(
            [
                new MonthlyRevenue(euro.CustomerId, new DateOnly(2025, 1, 1), "EUR", 100m, 1),
                new MonthlyRevenue(euro.CustomerId, new DateOnly(2025, 2, 1), "EUR", 150m, 1),
                new MonthlyRevenue(rupee.CustomerId, new DateOnly(2025, 1, 1), "INR", 70m, 1),
            ],
            revenue.OrderBy(r => r.CustomerId == euro.CustomerId ? 0 : 1).ThenBy(r => r.Month).Select(Rounded));
    }

    [Fact]
    public async Task MonthlyRevenue_OfEveryCustomer_StartsAtTheFirstMonthAsked()
    {
        var billing = await Billing.CreateAsync(fixture, "EUR");
        await IssuedAsync(billing, January31, ("exempt", 10m));
        await IssuedAsync(billing, February1, ("exempt", 20m));

        var revenue = await FactsAsync(f => f.GetMonthlyRevenueAsync(new RevenueQuery(February1, February28)));

        Assert.Equal([new MonthlyRevenue(billing.CustomerId, February1, "EUR", 20m, 1)], revenue.Where(r => r.CustomerId == billing.CustomerId).Select(Rounded));
    }

    [Fact]
    public async Task Balances_OfCustomersInTwoCurrencies_AreWhatIsOwedAndOverdueAndTheLastInvoiceDate()
    {
        var euro = await Billing.CreateAsync(fixture, "EUR");
        var rupee = await Billing.CreateAsync(fixture, "INR");
        var idle = await Billing.CreateAsync(fixture, "EUR");
        var partlyPaid = await IssuedAsync(euro, January31, ("exempt", 1000m));
        await Invoicing.PayAsync(euro.Accountant, partlyPaid, 400m);
        var overdue = await IssuedAsync(euro, February1, ("in-gst-intra", 500m));
        await MakeOverdueAsync(overdue);
        var paid = await IssuedAsync(euro, February28, ("exempt", 300m));
        await Invoicing.PayAsync(euro.Accountant, paid, 300m);
        var cancelled = await IssuedAsync(euro, March1, ("exempt", 200m));
        await CreditNoteAsync(euro, cancelled, March1, lineIndex: null);
        await IssuedAsync(rupee, January31, ("exempt", 80m));

        var balances = await FactsAsync(f => f.GetBalancesAsync([euro.CustomerId, rupee.CustomerId, idle.CustomerId]));

        Assert.Equal(
            [
                new CustomerBalance(euro.CustomerId, "EUR", 600m + 590m, 590m, February28),
                new CustomerBalance(rupee.CustomerId, "INR", 80m, 0m, January31),
            ],
            balances.OrderBy(b => b.CustomerId == euro.CustomerId ? 0 : 1).Select(b => b with { Outstanding = decimal.Round(b.Outstanding, 2), Overdue = decimal.Round(b.Overdue, 2) }));
        Assert.Empty(await FactsAsync(f => f.GetBalancesAsync([])));
    }

    private static MonthlyRevenue Rounded(MonthlyRevenue revenue) => revenue with { Net = decimal.Round(revenue.Net, 2) };

    private Task<T> FactsAsync<T>(Func<IInvoiceFacts, Task<T>> read) =>
        fixture.Host.InScopeAsync(services => read(services.GetRequiredService<IInvoiceFacts>()));

    private async Task<long> IssuedAsync(Billing billing, DateOnly issued, params (string TaxProfile, decimal Amount)[] fees)
    {
        var id = (await Invoicing.DraftAsync(billing.Accountant, billing.CustomerId)).SavedId;
        foreach (var (taxProfile, amount) in fees)
        {
            await Invoicing.AddLineAsync(billing.Accountant, id, "Fee", 1, amount, taxProfile: taxProfile);
        }

        await Invoicing.IssueAsync(billing.Accountant, id);
        await RedateAsync(id, issued);
        return id;
    }

    private async Task CreditNoteAsync(Billing billing, long invoiceId, DateOnly issued, int? lineIndex)
    {
        IReadOnlyCollection<long>? lines = lineIndex is { } index ? [(await Invoicing.GetAsync(invoiceId)).Lines[index].Id] : null;
        var creditNote = (await Invoicing.CreditAsync(billing.Accountant, invoiceId, lines)).SavedId;
        await Invoicing.IssueAsync(billing.Accountant, creditNote);
        await RedateAsync(creditNote, issued);
    }

    // Documents are issued today; the facts group by the issue date, which the test sets where it needs it.
    private Task RedateAsync(long invoiceId, DateOnly issued) => fixture.Host.InScopeAsync(async services =>
    {
        var db = Invoicing.Context(services);
        var invoice = InvoicingPlugin.Rows(db, Invoicing.Type("Data.Invoice")).Single(i => (long)i.Id == invoiceId);
        db.Entry((object)invoice).Property("IssueDate").CurrentValue = issued;
        db.Entry((object)invoice).Property("Date").CurrentValue = issued;
        await db.SaveChangesAsync();
    });

    private Task MakeOverdueAsync(long invoiceId) => fixture.Host.InScopeAsync(async services =>
    {
        var db = Invoicing.Context(services);
        var invoice = InvoicingPlugin.Rows(db, Invoicing.Type("Data.Invoice")).Single(i => (long)i.Id == invoiceId);
        db.Entry((object)invoice).Property("Status").CurrentValue = InvoiceStatus.Overdue;
        await db.SaveChangesAsync();
    });

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteInvoicingHostFixture fixture) : InvoiceFactsTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresInvoicingHostFixture fixture) : InvoiceFactsTests(fixture);
}
