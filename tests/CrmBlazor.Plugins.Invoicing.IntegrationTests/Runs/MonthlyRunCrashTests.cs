using CrmBlazor.Plugins.Invoicing.IntegrationTests.Hosting;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Invoicing.IntegrationTests.Runs;

/// <summary>
/// The monthly run dying between two of its steps (the draft made, its time marked billed, its lines
/// written, the next customer) and run again, as the job is after a restart: every customer with time
/// ends with exactly one run draft whose lines bill exactly its time, no time stays marked billed to a
/// draft that does not show it, and the run's counts are true. Each test bills a month of its own.
/// </summary>
public abstract class MonthlyRunCrashTests(InvoicingHostFixture fixture) : IDisposable
{
    private const int Customers = 5;

    private InvoicingPlugin Invoicing => fixture.Invoicing;

    [Theory]
    [InlineData(1, TimeSourceStep.BeforeCustomers, 1)]
    [InlineData(2, TimeSourceStep.BeforeMark, 3)]
    [InlineData(3, TimeSourceStep.AfterMark, 3)]
    [InlineData(4, TimeSourceStep.BeforeUnbilled, 4)]
    [InlineData(5, TimeSourceStep.AfterMark, Customers)]
    public async Task MonthlyRun_CrashedBetweenTwoStepsThenRunAgain_BillsEveryCustomersTimeOnceOnOneDraft(int month, TimeSourceStep step, int passing)
    {
        var period = new DateOnly(2025, month, 1);
        var customers = await CustomersWithTimeAsync(period);

        fixture.Faults.Arm(step, passing);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => Invoicing.RunMonthAsync(period));
        await Invoicing.RunMonthAsync(period);

        await AssertEachBilledOnceOnItsDraftAsync(period, customers);
    }

    [Fact]
    public async Task MonthlyRun_CrashedTwiceAtDifferentCustomers_FinishesOnTheThirdExecution()
    {
        var period = new DateOnly(2025, 6, 1);
        var customers = await CustomersWithTimeAsync(period);

        fixture.Faults.Arm(TimeSourceStep.AfterMark, 2);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => Invoicing.RunMonthAsync(period));
        fixture.Faults.Arm(TimeSourceStep.AfterMark, 2);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => Invoicing.RunMonthAsync(period));
        await Invoicing.RunMonthAsync(period);

        await AssertEachBilledOnceOnItsDraftAsync(period, customers);
    }

    [Fact]
    public async Task IssuingADraftLeftWithoutItsLinesByACrash_ShowsItsTimeFirstThenIssuesIt()
    {
        var period = new DateOnly(2025, 7, 1);
        var customers = await CustomersWithTimeAsync(period, count: 1);
        fixture.Faults.Arm(TimeSourceStep.AfterMark, 1);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => Invoicing.RunMonthAsync(period));
        var stranded = (await Invoicing.RunDraftsAsync(period)).Single().Id;
        Assert.Empty((await Invoicing.GetAsync(stranded)).Lines);

        var first = await Invoicing.IssueAsync(customers[0].Accountant, stranded);
        var shown = await Invoicing.GetAsync(stranded);
        var second = await Invoicing.IssueAsync(customers[0].Accountant, stranded);

        Assert.Equal("Conflict", first.Status);
        Assert.Equal(["The time this draft bills changed; check it and issue it again."], first.Messages);
        Assert.Equal(customers[0].EntryIds.Order(), shown.TimeEntryIds.Order());
        Assert.Equal(customers[0].Gross, shown.Gross);
        Assert.True(second.Saved, string.Join(" ", second.Messages));
        Assert.Equal("Issued", (await Invoicing.GetAsync(stranded)).Status);
    }

    [Fact]
    public async Task RunDraftLeftEmptyByACrash_WhoseTimeWasBilledElsewhere_IsRemovedAndNotCounted()
    {
        var period = new DateOnly(2025, 8, 1);
        var customers = await CustomersWithTimeAsync(period, count: 2);
        var billedByHand = customers[0];
        fixture.Faults.Arm(TimeSourceStep.BeforeMark, 1);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => Invoicing.RunMonthAsync(period));
        var manual = (await Invoicing.DraftFromTimeAsync(billedByHand.Accountant, billedByHand.Id, period, period.AddMonths(1).AddDays(-1))).SavedId;

        await Invoicing.RunMonthAsync(period);

        var drafts = await Invoicing.RunDraftsAsync(period);
        Assert.Equal([customers[1].Id], drafts.Select(d => d.CustomerId));
        Assert.Equal(billedByHand.EntryIds.Order(), (await Invoicing.GetAsync(manual)).TimeEntryIds.Order());
        Assert.Equal(("Completed", 2, 2, 1, 0, (string?)null), await Invoicing.RunProgressAsync(period));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // A crash armed but never reached must not meet the next test's work.
        fixture.Faults.Disarm();
        GC.SuppressFinalize(this);
    }

    /// <summary>Customers with a project and two billable entries each in the month, and a non-billable one that no invoice takes.</summary>
    private async Task<IReadOnlyList<Customer>> CustomersWithTimeAsync(DateOnly period, int count = Customers)
    {
        var first = await Billing.CreateAsync(fixture, "INR", hourlyRate: 1200m);
        var customers = new List<Customer>();
        for (var n = 0; n < count; n++)
        {
            var (customerId, projectId) = n == 0
                ? (first.CustomerId, first.ProjectId)
                : await AnotherCustomerAsync(first.Manager);
            var entries = new List<long>
            {
                await Invoicing.AddTimeAsync(projectId, first.Consultant.Id, period.AddDays(n), 60),
                await Invoicing.AddTimeAsync(projectId, first.Consultant.Id, period.AddDays(20), 30 + (15 * n)),
            };
            await Invoicing.AddTimeAsync(projectId, first.Consultant.Id, period.AddDays(21), 45, billable: false);
            customers.Add(new Customer(customerId, entries, 1200m * (90 + (15 * n)) / 60, first.Accountant));
        }

        return customers;
    }

    private async Task<(long CustomerId, long ProjectId)> AnotherCustomerAsync(Person manager)
    {
        var customer = await new CustomerBuilder().BilledIn("INR").SaveAsync(fixture.Host);
        return (customer.Id, await Invoicing.CreateProjectAsync(manager, customer.Id, 1200m));
    }

    private async Task AssertEachBilledOnceOnItsDraftAsync(DateOnly period, IReadOnlyList<Customer> customers)
    {
        var drafts = await Invoicing.RunDraftsAsync(period);
        Assert.Equal(customers.Select(c => c.Id).Order(), drafts.Select(d => d.CustomerId).Order());
        foreach (var customer in customers)
        {
            var draft = drafts.Single(d => d.CustomerId == customer.Id);
            var stored = await Invoicing.GetAsync(draft.Id);
            Assert.Equal(customer.EntryIds.Order(), stored.TimeEntryIds.Order());
            Assert.Equal(customer.Gross, stored.Gross);
            foreach (var entry in customer.EntryIds)
            {
                Assert.Equal(draft.Id, await Invoicing.BilledInvoiceOfAsync(entry));
            }
        }

        Assert.Equal(("Completed", customers.Count, customers.Count, customers.Count, 0, (string?)null), await Invoicing.RunProgressAsync(period));
    }

    private sealed record Customer(long Id, IReadOnlyList<long> EntryIds, decimal Gross, Person Accountant);

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteInvoicingHostFixture fixture) : MonthlyRunCrashTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresInvoicingHostFixture fixture) : MonthlyRunCrashTests(fixture);
}
