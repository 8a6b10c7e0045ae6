using CrmBlazor.Plugins.Projects.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Plugins.Projects.IntegrationTests.Billing;

/// <summary>
/// The billable-time contract invoicing will use (<see cref="IBillableTimeSource"/>): unbilled
/// billable time of a customer and period with the rate that applies (a person's own rate beats the
/// project's), entries locked once billed, and editable and billable again once released.
/// </summary>
public abstract class BillableTimeSourceTests(ProjectsHostFixture fixture)
{
    private static readonly DateOnly Monday = new(2026, 3, 2);
    private static readonly DateOnly March1 = new(2026, 3, 1);
    private static readonly DateOnly March31 = new(2026, 3, 31);

    [Fact]
    public async Task GetUnbilled_TwoPeopleOneWithAnOwnRate_GivesEachTheRateThatApplies()
    {
        var team = await TeamAsync();
        await fixture.Projects.SetPersonRateAsync(team.Manager, team.Project, team.Senior.Id, 150m);
        await LogAsync(team.Consultant, new Cell(team.Project, Monday, 90));
        await LogAsync(team.Senior, new Cell(team.Project, Monday, 120));

        var entries = await UnbilledAsync(team);

        Assert.Equal(
            [(team.Consultant.Id, 90, 100m, RateSource.Project, 150.00m), (team.Senior.Id, 120, 150m, RateSource.Person, 300.00m)],
            entries.OrderBy(e => e.Minutes).Select(e => (e.UserId, e.Minutes, e.HourlyRate!.Value, e.RateSource, e.Amount!.Value)));
        Assert.All(entries, e => Assert.Equal(("EUR", BillingMode.TimeAndMaterials, team.Project), (e.Currency, e.BillingMode, e.ProjectId)));
    }

    [Fact]
    public async Task GetUnbilled_CarriesWhatInvoicesGroupBy_TaskPersonAndDay()
    {
        var team = await TeamAsync();
        var design = await fixture.Projects.AddTaskAsync(team.Manager, team.Project, "வடிவமைப்பு");
        await LogAsync(team.Consultant, new Cell(team.Project, Monday.AddDays(1), 60, design));

        var entry = Assert.Single(await UnbilledAsync(team));

        Assert.Equal((design, "வடிவமைப்பு", Monday.AddDays(1)), (entry.TaskId, entry.TaskName, entry.Date));
        Assert.Equal(team.Consultant.User.Email, entry.PersonName);
        Assert.Equal(1m, entry.Hours);
    }

    [Fact]
    public async Task GetUnbilled_LeavesOutNonBillableTimeTimeOutsideThePeriodAndOtherCustomers()
    {
        var team = await TeamAsync();
        var other = await TeamAsync();
        await LogAsync(team.Consultant, new Cell(team.Project, Monday, 60), new Cell(team.Project, Monday.AddDays(1), 30, Billable: false));
        await LogAsync(team.Consultant, new Cell(team.Project, new DateOnly(2026, 2, 23), 45));
        await LogAsync(other.Consultant, new Cell(other.Project, Monday, 240));

        var entries = await UnbilledAsync(team);

        Assert.Equal([60], entries.Select(e => e.Minutes));
    }

    [Fact]
    public async Task MarkBilled_Entries_AreNoLongerUnbilledAndAreListedOnTheInvoice()
    {
        var team = await TeamAsync();
        await LogAsync(team.Consultant, new Cell(team.Project, Monday, 60), new Cell(team.Project, Monday.AddDays(1), 120));
        var entries = await UnbilledAsync(team);

        var outcome = await BillAsync(new BillingReference(9001, team.CustomerId, "2026-0042"), entries.Select(e => e.EntryId));

        Assert.Equal((true, 2), (outcome.Succeeded, outcome.Marked));
        Assert.Empty(await UnbilledAsync(team));
        Assert.Equal(entries.Select(e => e.EntryId).Order(), (await Source(s => s.GetBilledAsync(9001))).Select(e => e.EntryId).Order());
    }

    [Fact]
    public async Task MarkBilled_AgainBySameInvoice_SucceedsWithoutChangingAnything()
    {
        var team = await TeamAsync();
        await LogAsync(team.Consultant, new Cell(team.Project, Monday, 60));
        var ids = (await UnbilledAsync(team)).Select(e => e.EntryId).ToList();
        await BillAsync(new BillingReference(9002, team.CustomerId, "2026-0043"), ids);

        var again = await BillAsync(new BillingReference(9002, team.CustomerId, "2026-0043"), ids);

        Assert.Equal((true, 0), (again.Succeeded, again.Marked));
    }

    [Fact]
    public async Task MarkBilled_EntryBilledByAnotherInvoice_IsRefusedAndNothingIsMarked()
    {
        var team = await TeamAsync();
        await LogAsync(team.Consultant, new Cell(team.Project, Monday, 60), new Cell(team.Project, Monday.AddDays(1), 60));
        var entries = await UnbilledAsync(team);
        await BillAsync(new BillingReference(9003, team.CustomerId, "2026-0044"), [entries[0].EntryId]);

        var outcome = await BillAsync(new BillingReference(9004, team.CustomerId, "2026-0045"), entries.Select(e => e.EntryId));

        Assert.False(outcome.Succeeded);
        Assert.Equal($"Time entry {entries[0].EntryId} was already billed by invoice 2026-0044.", Assert.Single(outcome.Refusals).Reason);
        Assert.Equal([entries[1].EntryId], (await UnbilledAsync(team)).Select(e => e.EntryId));
    }

    [Fact]
    public async Task MarkBilled_NonBillableOrOtherCustomersEntry_IsRefusedWithItsReason()
    {
        var team = await TeamAsync();
        var other = await TeamAsync();
        await LogAsync(team.Consultant, new Cell(team.Project, Monday, 60, Billable: false));
        await LogAsync(other.Consultant, new Cell(other.Project, Monday, 60));
        var nonBillable = (await fixture.Projects.EntriesAsync(team.Project)).Single().Id;
        var othersEntry = (await fixture.Projects.EntriesAsync(other.Project)).Single().Id;

        var outcome = await BillAsync(new BillingReference(9005, team.CustomerId, null), [nonBillable, othersEntry]);

        Assert.Equal(
            [$"Time entry {nonBillable} is not billable.", $"Time entry {othersEntry} belongs to another customer."],
            outcome.Refusals.Select(r => r.Reason));
        Assert.All(await fixture.Projects.EntriesAsync(other.Project), e => Assert.Null(e.BilledInvoiceId));
    }

    [Fact]
    public async Task BilledEntry_CannotBeChangedOrRemovedInTheDayViewOrTheWeekGrid()
    {
        var team = await TeamAsync();
        await LogAsync(team.Consultant, new Cell(team.Project, Monday, 60));
        var entry = (await fixture.Projects.EntriesAsync(team.Project)).Single();
        await BillAsync(new BillingReference(9006, team.CustomerId, "2026-0046"), [entry.Id]);
        entry = (await fixture.Projects.EntriesAsync(team.Project)).Single();

        var edited = await fixture.Projects.SaveEntryAsync(team.Consultant, team.Consultant.Id, team.Project, Monday, 30, existing: entry);
        var removed = await fixture.Projects.DeleteEntryAsync(team.Consultant, entry);
        var typed = await fixture.Projects.SaveWeekAsync(team.Consultant, team.Consultant.Id, Monday, new Cell(team.Project, Monday, 30));

        const string Locked = "This time was billed on invoice 2026-0046 and can no longer be changed.";
        Assert.Equal(("Invalid", Locked), (edited.Status, Assert.Single(edited.Messages)));
        Assert.Equal(("Invalid", Locked), (removed.Status, Assert.Single(removed.Messages)));
        Assert.Equal(Locked, Assert.Single(typed.Rejected).Message);
        Assert.Equal(60, (await fixture.Projects.EntriesAsync(team.Project)).Single().Minutes);
    }

    [Fact]
    public async Task MarkBilled_AgainWithTheNumberOnceIssued_NamesTheNumberInsteadOfTheDraft()
    {
        var team = await TeamAsync();
        await LogAsync(team.Consultant, new Cell(team.Project, Monday, 60));
        var entry = (await fixture.Projects.EntriesAsync(team.Project)).Single();
        await BillAsync(new BillingReference(9010, team.CustomerId, null), [entry.Id]);

        var issued = await BillAsync(new BillingReference(9010, team.CustomerId, "2026-0050"), [entry.Id]);
        entry = (await fixture.Projects.EntriesAsync(team.Project)).Single();
        var edited = await fixture.Projects.SaveEntryAsync(team.Consultant, team.Consultant.Id, team.Project, Monday, 30, existing: entry);

        Assert.Equal((true, 0), (issued.Succeeded, issued.Marked));
        Assert.Equal("This time was billed on invoice 2026-0050 and can no longer be changed.", Assert.Single(edited.Messages));
    }

    [Fact]
    public async Task NumberBilled_OnceIssued_NamesTheNumberOnTheEntriesTheDraftBilled()
    {
        var team = await TeamAsync();
        await LogAsync(team.Consultant, new Cell(team.Project, Monday, 60), new Cell(team.Project, Monday.AddDays(1), 90));
        var ids = (await UnbilledAsync(team)).Select(e => e.EntryId).ToList();
        await BillAsync(new BillingReference(9011, team.CustomerId, null), ids);

        var numbered = await Source(s => s.NumberBilledAsync(9011, "2026-0051"));
        var entry = (await fixture.Projects.EntriesAsync(team.Project)).First();
        var edited = await fixture.Projects.SaveEntryAsync(team.Consultant, team.Consultant.Id, team.Project, Monday, 30, existing: entry);

        Assert.Equal(2, numbered);
        Assert.Equal("This time was billed on invoice 2026-0051 and can no longer be changed.", Assert.Single(edited.Messages));
        Assert.Equal(0, await Source(s => s.NumberBilledAsync(9011, "2026-0051")));
    }

    [Fact]
    public async Task NumberBilled_AfterACreditNoteReleasedTheTime_LeavesItReleasedAndBillable()
    {
        // The issued invoice's event can be delivered after a credit note cancelled the invoice.
        var team = await TeamAsync();
        await LogAsync(team.Consultant, new Cell(team.Project, Monday, 60));
        var ids = (await UnbilledAsync(team)).Select(e => e.EntryId).ToList();
        await BillAsync(new BillingReference(9012, team.CustomerId, null), ids);
        await Source(s => s.ReleaseAsync(9012));

        var numbered = await Source(s => s.NumberBilledAsync(9012, "2026-0052"));

        Assert.Equal(0, numbered);
        Assert.Equal(ids, (await UnbilledAsync(team)).Select(e => e.EntryId));
        Assert.Empty(await Source(s => s.GetBilledAsync(9012)));
    }

    [Fact]
    public async Task Release_ByACreditNote_MakesEntriesEditableAndBillableAgain()
    {
        var team = await TeamAsync();
        await LogAsync(team.Consultant, new Cell(team.Project, Monday, 60), new Cell(team.Project, Monday.AddDays(1), 90));
        var ids = (await UnbilledAsync(team)).Select(e => e.EntryId).ToList();
        await BillAsync(new BillingReference(9007, team.CustomerId, "2026-0047"), ids);

        var released = await Source(s => s.ReleaseAsync(9007));
        var entry = (await fixture.Projects.EntriesAsync(team.Project)).First();
        var edited = await fixture.Projects.SaveEntryAsync(team.Consultant, team.Consultant.Id, team.Project, Monday, 45, existing: entry);

        Assert.Equal(2, released);
        Assert.True(edited.Saved, string.Join(" ", edited.Messages));
        Assert.Equal([45, 90], (await UnbilledAsync(team)).Select(e => e.Minutes));
        Assert.Equal(0, await Source(s => s.ReleaseAsync(9007)));
    }

    [Fact]
    public async Task Release_PartOfAnInvoice_LeavesItsOtherEntriesBilled()
    {
        var team = await TeamAsync();
        await LogAsync(team.Consultant, new Cell(team.Project, Monday, 60), new Cell(team.Project, Monday.AddDays(1), 90));
        var ids = (await UnbilledAsync(team)).Select(e => e.EntryId).ToList();
        await BillAsync(new BillingReference(9008, team.CustomerId, "2026-0048"), ids);

        var released = await Source(s => s.ReleaseAsync(9008, [ids[1]]));

        Assert.Equal(1, released);
        Assert.Equal([ids[1]], (await UnbilledAsync(team)).Select(e => e.EntryId));
        Assert.Equal([ids[0]], (await Source(s => s.GetBilledAsync(9008))).Select(e => e.EntryId));
    }

    [Fact]
    public async Task CustomersWithUnbilledTime_InAPeriod_IncludeOnlyThoseWithBillableUnbilledTime()
    {
        var billable = await TeamAsync();
        var nonBillable = await TeamAsync();
        await LogAsync(billable.Consultant, new Cell(billable.Project, Monday, 60));
        await LogAsync(nonBillable.Consultant, new Cell(nonBillable.Project, Monday, 60, Billable: false));

        var customers = await Source(s => s.GetCustomersWithUnbilledTimeAsync(March1, March31));

        Assert.Contains(billable.CustomerId, customers);
        Assert.DoesNotContain(nonBillable.CustomerId, customers);
    }

    private sealed record Team(Person Manager, Person Consultant, Person Senior, long CustomerId, long Project);

    private async Task<Team> TeamAsync()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var consultant = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var senior = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var customer = await new CustomerBuilder().Named("ಬೆಂಗಳೂರು ತಂತ್ರಜ್ಞಾನ ಸಂಸ್ಥೆ").SaveAsync(fixture.Host);
        var project = await fixture.Projects.CreateProjectAsync(manager, customer.Id, input => input.HourlyRate = 100m);
        return new Team(manager, consultant, senior, customer.Id, project);
    }

    private async Task LogAsync(Person person, params Cell[] cells)
    {
        var week = cells.Min(c => c.Date);
        var monday = week.AddDays(-(((int)week.DayOfWeek + 6) % 7));
        var outcome = await fixture.Projects.SaveWeekAsync(person, person.Id, monday, cells);
        Assert.True(outcome.Rejected.Count == 0 && outcome.Saved == cells.Length, $"Not saved: {string.Join(" ", outcome.Rejected.Select(r => r.Message))}");
    }

    private Task<IReadOnlyList<BillableTimeEntry>> UnbilledAsync(Team team) =>
        Source(s => s.GetUnbilledAsync(new UnbilledTimeQuery(team.CustomerId, March1, March31)));

    private Task<BillingOutcome> BillAsync(BillingReference invoice, IEnumerable<long> ids) => Source(s => s.MarkBilledAsync(invoice, [.. ids]));

    private Task<T> Source<T>(Func<IBillableTimeSource, Task<T>> call) =>
        fixture.Host.InScopeAsync(services => call(services.GetRequiredService<IBillableTimeSource>()));

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteProjectsHostFixture fixture) : BillableTimeSourceTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresProjectsHostFixture fixture) : BillableTimeSourceTests(fixture);
}
