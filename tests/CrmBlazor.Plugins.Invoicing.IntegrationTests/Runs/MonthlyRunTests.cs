using CrmBlazor.Plugins.Invoicing.IntegrationTests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Invoicing.IntegrationTests.Runs;

/// <summary>The monthly invoice run through the host's job scheduler: a draft per customer with unbilled time, never twice, with progress.</summary>
public abstract class MonthlyRunTests(InvoicingHostFixture fixture)
{
    // A month no other test logs time in, so the run sees only this test's customers.
    private static readonly DateOnly July = new(2026, 7, 1);

    private InvoicingPlugin Invoicing => fixture.Invoicing;

    [Fact]
    public async Task MonthlyRun_RunTwice_MakesOneDraftPerCustomerWithUnbilledTime()
    {
        var first = await Billing.CreateAsync(fixture, "INR");
        var second = await Billing.CreateAsync(fixture, "EUR", hourlyRate: 90m);
        var idle = await Billing.CreateAsync(fixture, "INR");
        await Invoicing.AddTimeAsync(first.ProjectId, first.Consultant.Id, new(2026, 7, 6), 120);
        await Invoicing.AddTimeAsync(first.ProjectId, first.Consultant.Id, new(2026, 7, 7), 60);
        await Invoicing.AddTimeAsync(second.ProjectId, second.Consultant.Id, new(2026, 7, 31), 30);
        await Invoicing.AddTimeAsync(idle.ProjectId, idle.Consultant.Id, new(2026, 7, 8), 60, billable: false);

        await Invoicing.RunJobAsync("Jobs.MonthlyInvoiceRunJob", new { Year = 2026, Month = 7 });
        await Invoicing.RunJobAsync("Jobs.MonthlyInvoiceRunJob", new { Year = 2026, Month = 7 });

        var drafts = await RunDraftsAsync();
        Assert.Equal([first.CustomerId, second.CustomerId], drafts.Select(d => d.CustomerId).Order());
        Assert.Equal(4500.00m, (await Invoicing.GetAsync(drafts.Single(d => d.CustomerId == first.CustomerId).Id)).Gross);
        Assert.Equal(45.00m, (await Invoicing.GetAsync(drafts.Single(d => d.CustomerId == second.CustomerId).Id)).Gross);
        Assert.Empty(await Invoicing.UnbilledAsync(first.CustomerId, July, July.AddMonths(1).AddDays(-1)));
    }

    [Fact]
    public async Task MonthlyRun_RecordsItsProgressForTheUi()
    {
        var billing = await Billing.CreateAsync(fixture, "INR");
        await Invoicing.AddTimeAsync(billing.ProjectId, billing.Consultant.Id, new(2026, 6, 10), 60);

        await Invoicing.RunJobAsync("Jobs.MonthlyInvoiceRunJob", new { Year = 2026, Month = 6 });

        var progress = await Invoicing.AsAsync(billing.Accountant, async services =>
        {
            dynamic runs = Invoicing.Service(services, "Features.Runs.InvoiceRunService");
            dynamic run = await runs.GetAsync(new DateOnly(2026, 6, 1), CancellationToken.None);
            return ((string)run.Status.ToString(), (int)run.Total, (int)run.Done, (int)run.Drafted, (int)run.Percent);
        });
        Assert.Equal(("Completed", 1, 1, 1, 100), progress);
    }

    private Task<List<(long Id, long CustomerId)>> RunDraftsAsync() => fixture.Host.InScopeAsync(services =>
    {
        var db = Invoicing.Context(services);
        return Task.FromResult(InvoicingPlugin.Rows(db, Invoicing.Type("Data.Invoice"))
            .Where(i => (DateOnly?)i.RunPeriod == July)
            .Select(i => ((long)i.Id, (long)i.CustomerId))
            .ToList());
    });

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteInvoicingHostFixture fixture) : MonthlyRunTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresInvoicingHostFixture fixture) : MonthlyRunTests(fixture);
}
