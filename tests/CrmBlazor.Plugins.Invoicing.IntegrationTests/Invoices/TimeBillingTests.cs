using System.Globalization;
using CrmBlazor.Plugins.Invoicing.IntegrationTests.Hosting;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Invoicing.IntegrationTests.Invoices;

/// <summary>Time on invoices: marked billed when put on a draft, never on two invoices, released by credit notes and deleted drafts.</summary>
public abstract class TimeBillingTests(InvoicingHostFixture fixture)
{
    private static readonly DateOnly From = new(2026, 9, 1);
    private static readonly DateOnly To = new(2026, 9, 30);

    private InvoicingPlugin Invoicing => fixture.Invoicing;

    [Fact]
    public async Task DraftFromTime_MarksTheTimeBilledByTheDraft()
    {
        var billing = await Billing.CreateAsync(fixture);
        var first = await Invoicing.AddTimeAsync(billing.ProjectId, billing.Consultant.Id, new(2026, 9, 7), 60);
        var second = await Invoicing.AddTimeAsync(billing.ProjectId, billing.Consultant.Id, new(2026, 9, 8), 90);

        var id = (await Invoicing.DraftFromTimeAsync(billing.Accountant, billing.CustomerId, From, To)).SavedId;

        Assert.Equal([id, id], [await Invoicing.BilledInvoiceOfAsync(first), await Invoicing.BilledInvoiceOfAsync(second)]);
        Assert.Equal([first, second], (await Invoicing.GetAsync(id)).TimeEntryIds.Order());
    }

    [Fact]
    public async Task IssuingTheDraft_GivesItsTimeTheInvoiceNumber()
    {
        // The draft marks its time without a number; once issued, the projects plugin shows the
        // number next to the entries (and in the message refusing to change them), not the draft's id.
        var billing = await Billing.CreateAsync(fixture);
        var entry = await Invoicing.AddTimeAsync(billing.ProjectId, billing.Consultant.Id, new(2026, 9, 9), 120);
        var id = (await Invoicing.DraftFromTimeAsync(billing.Accountant, billing.CustomerId, From, To)).SavedId;
        Assert.Null(await Invoicing.BilledNumberOfAsync(entry));

        await Invoicing.IssueAsync(billing.Accountant, id);
        var number = (await Invoicing.GetAsync(id)).Number;

        Assert.NotNull(number);
        Assert.Equal(number, await Eventually.ReturnsAsync(
            "the time was given the invoice's number", () => Invoicing.BilledNumberOfAsync(entry), n => n is not null));
        Assert.Equal(id, await Invoicing.BilledInvoiceOfAsync(entry));
    }

    [Fact]
    public async Task BilledTime_CannotBeInvoicedAgain()
    {
        var billing = await Billing.CreateAsync(fixture);
        var entry = await Invoicing.AddTimeAsync(billing.ProjectId, billing.Consultant.Id, new(2026, 9, 7), 60);
        var id = (await Invoicing.DraftFromTimeAsync(billing.Accountant, billing.CustomerId, From, To)).SavedId;
        await Invoicing.IssueAsync(billing.Accountant, id);

        var again = await Invoicing.DraftFromTimeAsync(billing.Accountant, billing.CustomerId, From, To);
        var chosen = await Invoicing.DraftFromTimeAsync(billing.Accountant, billing.CustomerId, From, To, entryIds: [entry]);
        var added = await Invoicing.AddTimeToDraftAsync(billing.Accountant, (await Invoicing.DraftAsync(billing.Accountant, billing.CustomerId)).SavedId, [entry]);

        Assert.Equal(("Invalid", "There is no unbilled billable time for this customer in this period."), (again.Status, Assert.Single(again.Messages)));
        Assert.Equal("Invalid", chosen.Status);
        Assert.Equal("Invalid", added.Status);
        Assert.Contains("already billed", Assert.Single(added.Messages), StringComparison.Ordinal);
        Assert.Equal(id, await Invoicing.BilledInvoiceOfAsync(entry));
    }

    [Fact]
    public async Task CreditNoteForTheWholeInvoice_CancelsItAndReleasesItsTimeForANewInvoice()
    {
        var billing = await Billing.CreateAsync(fixture);
        var entry = await Invoicing.AddTimeAsync(billing.ProjectId, billing.Consultant.Id, new(2026, 9, 7), 120);
        var invoice = (await Invoicing.DraftFromTimeAsync(billing.Accountant, billing.CustomerId, From, To)).SavedId;
        await Invoicing.IssueAsync(billing.Accountant, invoice);

        var credit = (await Invoicing.CreditAsync(billing.Accountant, invoice)).SavedId;
        var issued = await Invoicing.IssueAsync(billing.Accountant, credit);

        Assert.True(issued.Saved, string.Join(" ", issued.Messages));
        var creditNote = await Invoicing.GetAsync(credit);
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"CN-{DateTime.UtcNow.Year}-"), creditNote.Number, StringComparison.Ordinal);
        Assert.Equal(("Cancelled", 3000.00m), ((await Invoicing.GetAsync(invoice)).Status, (await Invoicing.GetAsync(invoice)).Credited));
        Assert.Null(await Invoicing.BilledInvoiceOfAsync(entry));
        var again = (await Invoicing.DraftFromTimeAsync(billing.Accountant, billing.CustomerId, From, To)).SavedId;
        Assert.Equal([entry], (await Invoicing.GetAsync(again)).TimeEntryIds);
    }

    [Fact]
    public async Task PartialCreditNote_ReleasesOnlyTheCreditedLinesTime()
    {
        var billing = await Billing.CreateAsync(fixture, hourlyRate: 1000m);
        var monday = await Invoicing.AddTimeAsync(billing.ProjectId, billing.Consultant.Id, new(2026, 9, 7), 60);
        var tuesday = await Invoicing.AddTimeAsync(billing.ProjectId, billing.Consultant.Id, new(2026, 9, 8), 120);
        var invoice = (await Invoicing.DraftFromTimeAsync(billing.Accountant, billing.CustomerId, From, To, grouping: "Day")).SavedId;
        await Invoicing.IssueAsync(billing.Accountant, invoice);
        var mondayLine = (await Invoicing.GetAsync(invoice)).Lines.Single(l => l.Description.StartsWith("2026-09-07", StringComparison.Ordinal));

        var credit = (await Invoicing.CreditAsync(billing.Accountant, invoice, [mondayLine.Id])).SavedId;
        await Invoicing.IssueAsync(billing.Accountant, credit);

        Assert.Equal((null, (long?)invoice), (await Invoicing.BilledInvoiceOfAsync(monday), await Invoicing.BilledInvoiceOfAsync(tuesday)));
        var credited = await Invoicing.GetAsync(invoice);
        Assert.Equal(("Issued", 1000.00m, 3000.00m), (credited.Status, credited.Credited, credited.Gross));
    }

    [Fact]
    public async Task CreditingTheSameLineTwice_IsRefused()
    {
        var billing = await Billing.CreateAsync(fixture);
        await Invoicing.AddTimeAsync(billing.ProjectId, billing.Consultant.Id, new(2026, 9, 7), 60);
        var invoice = (await Invoicing.DraftFromTimeAsync(billing.Accountant, billing.CustomerId, From, To)).SavedId;
        await Invoicing.IssueAsync(billing.Accountant, invoice);
        await Invoicing.CreditAsync(billing.Accountant, invoice);

        var twice = await Invoicing.CreditAsync(billing.Accountant, invoice);

        Assert.Equal("Invalid", twice.Status);
        Assert.Contains("already on another credit note", Assert.Single(twice.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletingADraft_ReleasesItsTime()
    {
        var billing = await Billing.CreateAsync(fixture);
        var entry = await Invoicing.AddTimeAsync(billing.ProjectId, billing.Consultant.Id, new(2026, 9, 7), 60);
        var draft = (await Invoicing.DraftFromTimeAsync(billing.Accountant, billing.CustomerId, From, To)).SavedId;

        var deleted = await Invoicing.DeleteAsync(billing.Accountant, draft);

        Assert.True(deleted.Saved);
        Assert.Null(await Invoicing.BilledInvoiceOfAsync(entry));
    }

    [Fact]
    public async Task RemovingATimeLine_ReleasesItsEntriesAndKeepsTheOthers()
    {
        var billing = await Billing.CreateAsync(fixture);
        var monday = await Invoicing.AddTimeAsync(billing.ProjectId, billing.Consultant.Id, new(2026, 9, 7), 60);
        var tuesday = await Invoicing.AddTimeAsync(billing.ProjectId, billing.Consultant.Id, new(2026, 9, 8), 60);
        var draft = (await Invoicing.DraftFromTimeAsync(billing.Accountant, billing.CustomerId, From, To, grouping: "Day")).SavedId;
        var mondayLine = (await Invoicing.GetAsync(draft)).Lines[0];

        await Invoicing.RemoveLineAsync(billing.Accountant, draft, mondayLine.Id);

        Assert.Equal((null, (long?)draft), (await Invoicing.BilledInvoiceOfAsync(monday), await Invoicing.BilledInvoiceOfAsync(tuesday)));
        Assert.Equal([tuesday], (await Invoicing.GetAsync(draft)).TimeEntryIds);
    }

    [Fact]
    public async Task ChangingATimeLine_TakesItsDescriptionAndTaxProfileButKeepsItsAmount()
    {
        var billing = await Billing.CreateAsync(fixture, hourlyRate: 1000m);
        await Invoicing.AddTimeAsync(billing.ProjectId, billing.Consultant.Id, new(2026, 9, 7), 90);
        var draft = (await Invoicing.DraftFromTimeAsync(billing.Accountant, billing.CustomerId, From, To)).SavedId;
        var line = (await Invoicing.GetAsync(draft)).Lines.Single();

        var outcome = await Invoicing.UpdateLineAsync(billing.Accountant, draft, line.Id, "Design review", quantity: 99, unitPrice: 1m, taxProfile: "in-gst-inter");

        Assert.True(outcome.Saved, string.Join(" ", outcome.Messages));
        var changed = (await Invoicing.GetAsync(draft)).Lines.Single();
        Assert.Equal(("Design review", 1500.00m, "in-gst-inter"), (changed.Description, changed.Amount, changed.TaxProfile));
        Assert.Equal(1770.00m, (await Invoicing.GetAsync(draft)).Gross);
    }

    [Fact]
    public async Task ChangingTheGrouping_RegroupsTheSameTime()
    {
        var billing = await Billing.CreateAsync(fixture, hourlyRate: 1000m);
        await Invoicing.AddTimeAsync(billing.ProjectId, billing.Consultant.Id, new(2026, 9, 7), 60);
        await Invoicing.AddTimeAsync(billing.ProjectId, billing.Consultant.Id, new(2026, 9, 8), 30);
        var draft = (await Invoicing.DraftFromTimeAsync(billing.Accountant, billing.CustomerId, From, To, grouping: "Task")).SavedId;

        await Invoicing.UpdateHeaderAsync(billing.Accountant, draft, "exempt", pricesIncludeTax: false, grouping: "Day");

        var regrouped = await Invoicing.GetAsync(draft);
        Assert.Equal([1000.00m, 500.00m], regrouped.Lines.Select(l => l.Amount));
        Assert.Equal(1500.00m, regrouped.Gross);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteInvoicingHostFixture fixture) : TimeBillingTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresInvoicingHostFixture fixture) : TimeBillingTests(fixture);
}
