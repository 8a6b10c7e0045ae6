using CrmBlazor.Plugins.Projects.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Projects.IntegrationTests.Time;

/// <summary>
/// Time is checked on the server: Staff log and correct their own time only; Managers (everyone's
/// time) may correct anyone's. Hiding buttons is not relied on: the services refuse.
/// </summary>
public abstract class TimeAuthorizationTests(ProjectsHostFixture fixture)
{
    private static readonly DateOnly Monday = new(2026, 5, 4);

    [Fact]
    public async Task Staff_SavingAnotherPersonsWeek_IsForbiddenAndNothingIsSaved()
    {
        var (owner, project, _) = await ConsultantOnProjectAsync();
        var colleague = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);

        var outcome = await fixture.Projects.SaveWeekAsync(colleague, owner.Id, Monday, new Cell(project, Monday, 480));

        Assert.Equal(("Forbidden", 0), (outcome.Status, outcome.Saved));
        Assert.Empty(await fixture.Projects.EntriesAsync(project));
    }

    [Fact]
    public async Task Staff_CorrectingAnotherPersonsEntry_IsForbiddenAndTheEntryStays()
    {
        var (owner, project, _) = await ConsultantOnProjectAsync();
        var colleague = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        await fixture.Projects.SaveWeekAsync(owner, owner.Id, Monday, new Cell(project, Monday, 480));
        var entry = (await fixture.Projects.EntriesAsync(project)).Single();

        var asOwner = await fixture.Projects.SaveEntryAsync(colleague, owner.Id, project, Monday, 60, existing: entry);
        var asThemselves = await fixture.Projects.SaveEntryAsync(colleague, colleague.Id, project, Monday, 60, existing: entry);

        Assert.Equal(("Forbidden", "You may only see and change your own time."), (asOwner.Status, Assert.Single(asOwner.Messages)));
        Assert.False(asThemselves.Saved);
        Assert.Equal([(owner.Id, 480)], (await fixture.Projects.EntriesAsync(project)).Select(e => (e.UserId, e.Minutes)));
    }

    [Fact]
    public async Task Staff_RemovingAnotherPersonsEntry_IsForbidden()
    {
        var (owner, project, _) = await ConsultantOnProjectAsync();
        var colleague = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        await fixture.Projects.SaveWeekAsync(owner, owner.Id, Monday, new Cell(project, Monday, 480));

        var outcome = await fixture.Projects.DeleteEntryAsync(colleague, (await fixture.Projects.EntriesAsync(project)).Single());

        Assert.Equal("Forbidden", outcome.Status);
        Assert.Single(await fixture.Projects.EntriesAsync(project));
    }

    [Fact]
    public async Task Manager_CorrectingAStaffMembersWeek_IsAllowed()
    {
        var (owner, project, manager) = await ConsultantOnProjectAsync();
        await fixture.Projects.SaveWeekAsync(owner, owner.Id, Monday, new Cell(project, Monday, 480));

        var outcome = await fixture.Projects.SaveWeekAsync(manager, owner.Id, Monday, new Cell(project, Monday, 420));

        Assert.Equal(1, outcome.Saved);
        Assert.Equal([(owner.Id, 420)], (await fixture.Projects.EntriesAsync(project)).Select(e => (e.UserId, e.Minutes)));
    }

    [Fact]
    public async Task Accountant_LoggingTime_IsForbidden()
    {
        var (_, project, _) = await ConsultantOnProjectAsync();
        var accountant = await Person.CreateAsync(fixture.Host, CrmRoles.Accountant);

        var outcome = await fixture.Projects.SaveWeekAsync(accountant, accountant.Id, Monday, new Cell(project, Monday, 60));

        Assert.Equal("Forbidden", outcome.Status);
    }

    [Fact]
    public async Task Staff_CreatingOrChangingAProject_IsForbidden()
    {
        var (owner, project, _) = await ConsultantOnProjectAsync();
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);

        var created = await fixture.Projects.TryCreateProjectAsync(owner, customer.Id);
        var budget = await fixture.Projects.ChangeBudgetAsync(owner, project, 1000, null);
        var status = await fixture.Projects.ChangeStatusAsync(owner, project, Sdk.Projects.ProjectStatus.Completed);

        Assert.Equal(["Forbidden", "Forbidden", "Forbidden"], [created.Status, budget.Status, status.Status]);
    }

    private async Task<(Person Consultant, long Project, Person Manager)> ConsultantOnProjectAsync()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var consultant = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var customer = await new CustomerBuilder().Named("თბილისის საკონსულტაციო ჯგუფი").SaveAsync(fixture.Host);
        return (consultant, await fixture.Projects.CreateProjectAsync(manager, customer.Id), manager);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteProjectsHostFixture fixture) : TimeAuthorizationTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresProjectsHostFixture fixture) : TimeAuthorizationTests(fixture);
}
