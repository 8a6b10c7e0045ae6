using CrmBlazor.Plugins.Projects.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Projects.IntegrationTests.Time;

/// <summary>
/// Saving a week from the grid: each cell is checked on its own and against the person's day total;
/// refused cells are not saved, with a message each, and the rest of the week is.
/// </summary>
public abstract class WeekSaveTests(ProjectsHostFixture fixture)
{
    private static readonly DateOnly Monday = new(2026, 4, 6);

    [Fact]
    public async Task SaveWeek_OneNegativeCell_IsRefusedWithItsMessageAndTheRestOfTheWeekIsSaved()
    {
        var (consultant, project, _) = await ConsultantOnProjectAsync();

        var outcome = await fixture.Projects.SaveWeekAsync(consultant, consultant.Id, Monday,
            new Cell(project, Monday, 450), new Cell(project, Monday.AddDays(1), 480), new Cell(project, Monday.AddDays(2), -120),
            new Cell(project, Monday.AddDays(3), 420), new Cell(project, Monday.AddDays(4), 390));

        Assert.Equal(("Saved", 4), (outcome.Status, outcome.Saved));
        Assert.Equal([(project, Monday.AddDays(2), "Hours cannot be negative.")], outcome.Rejected);
        Assert.Equal([(Monday, 450), (Monday.AddDays(1), 480), (Monday.AddDays(3), 420), (Monday.AddDays(4), 390)],
            (await fixture.Projects.EntriesAsync(project)).Select(e => (e.Date, e.Minutes)));
    }

    [Fact]
    public async Task SaveWeek_DayOver24HoursAcrossProjects_RefusesTheCellThatAddsTheTime()
    {
        var (consultant, project, manager) = await ConsultantOnProjectAsync();
        var other = await fixture.Projects.CreateProjectAsync(manager, (await new CustomerBuilder().SaveAsync(fixture.Host)).Id);
        await fixture.Projects.SaveWeekAsync(consultant, consultant.Id, Monday, new Cell(project, Monday, 16 * 60));

        var outcome = await fixture.Projects.SaveWeekAsync(consultant, consultant.Id, Monday,
            new Cell(other, Monday, 10 * 60), new Cell(other, Monday.AddDays(1), 8 * 60));

        var refused = Assert.Single(outcome.Rejected);
        Assert.Equal((other, Monday), (refused.ProjectId, refused.Date));
        Assert.Equal("At most 24 hours can be logged per day: Monday, 06 April 2026 would have 26 hours.", refused.Message);
        Assert.Equal([(Monday.AddDays(1), 480)], (await fixture.Projects.EntriesAsync(other)).Select(e => (e.Date, e.Minutes)));
    }

    [Fact]
    public async Task SaveWeek_LoweringAnOverfullDay_IsAllowed()
    {
        var (consultant, project, _) = await ConsultantOnProjectAsync();
        await fixture.Projects.AddTimeDirectlyAsync(project, consultant.Id, Monday, 23 * 60);
        await fixture.Projects.AddTimeDirectlyAsync(project, consultant.Id, Monday, 3 * 60, billable: false);

        var outcome = await fixture.Projects.SaveWeekAsync(consultant, consultant.Id, Monday, new Cell(project, Monday, 20 * 60));

        Assert.Equal((1, 0), (outcome.Saved, outcome.Rejected.Count));
    }

    [Fact]
    public async Task SaveWeek_CompletedProject_RefusesItsCellsNamingTheProject()
    {
        var (consultant, project, manager) = await ConsultantOnProjectAsync();
        Assert.True((await fixture.Projects.ChangeStatusAsync(manager, project, ProjectStatus.Completed)).Saved);

        var outcome = await fixture.Projects.SaveWeekAsync(consultant, consultant.Id, Monday, new Cell(project, Monday, 60));

        Assert.StartsWith("Time cannot be logged on Project ", Assert.Single(outcome.Rejected).Message, StringComparison.Ordinal);
        Assert.EndsWith(": the project is completed.", outcome.Rejected[0].Message, StringComparison.Ordinal);
        Assert.Empty(await fixture.Projects.EntriesAsync(project));
    }

    [Fact]
    public async Task SaveWeek_CancelledProject_RefusesItsCells()
    {
        var (consultant, project, manager) = await ConsultantOnProjectAsync();
        await fixture.Projects.ChangeStatusAsync(manager, project, ProjectStatus.Cancelled);

        var outcome = await fixture.Projects.SaveWeekAsync(consultant, consultant.Id, Monday, new Cell(project, Monday, 60));

        Assert.EndsWith(": the project is cancelled.", Assert.Single(outcome.Rejected).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveWeek_CellChangedElsewhereMeanwhile_IsRefusedAsAConflict()
    {
        var (consultant, project, _) = await ConsultantOnProjectAsync();
        await fixture.Projects.SaveWeekAsync(consultant, consultant.Id, Monday, new Cell(project, Monday, 60));
        var loaded = (await fixture.Projects.EntriesAsync(project)).Single();
        await fixture.Projects.SaveEntryAsync(consultant, consultant.Id, project, Monday, 90, existing: loaded);

        var stale = await fixture.Projects.SaveEntryAsync(consultant, consultant.Id, project, Monday, 120, existing: loaded);

        Assert.Equal("Conflict", stale.Status);
        Assert.Equal("This time was changed by someone else since you loaded it; reload to see the current hours.", Assert.Single(stale.Messages));
        Assert.Equal(90, (await fixture.Projects.EntriesAsync(project)).Single().Minutes);
    }

    [Fact]
    public async Task SaveWeek_EmptiedCell_RemovesItsTime()
    {
        var (consultant, project, _) = await ConsultantOnProjectAsync();
        await fixture.Projects.SaveWeekAsync(consultant, consultant.Id, Monday, new Cell(project, Monday, 60), new Cell(project, Monday.AddDays(1), 60));

        var outcome = await fixture.Projects.SaveWeekAsync(consultant, consultant.Id, Monday, new Cell(project, Monday, 0));

        Assert.Equal(1, outcome.Saved);
        Assert.Equal([Monday.AddDays(1)], (await fixture.Projects.EntriesAsync(project)).Select(e => e.Date));
    }

    [Fact]
    public async Task SaveWeek_ChangedDays_PublishTimeLoggedWithThePersonsTotalsAfterTheChange()
    {
        var (consultant, project, _) = await ConsultantOnProjectAsync();
        await fixture.Projects.SaveWeekAsync(consultant, consultant.Id, Monday, new Cell(project, Monday, 120), new Cell(project, Monday, 30, Billable: false));

        await fixture.Projects.SaveWeekAsync(consultant, consultant.Id, Monday, new Cell(project, Monday, 180));

        var logged = (await StoredEvents.OfAsync<TimeLogged>(fixture.Host)).Where(e => e.ProjectId == project).ToList();
        Assert.Equal([(150, 120), (210, 180)], logged.Select(e => (e.Minutes, e.BillableMinutes)));
        Assert.All(logged, e => Assert.Equal((consultant.Id, Monday), (e.UserId, e.Date)));
    }

    [Fact]
    public async Task TimeLogged_OnTwoProjectsOfACustomerOnOneDay_IsOneTimelineEntryUpdatedInPlace()
    {
        var (consultant, project, manager) = await ConsultantOnProjectAsync();
        var customerId = await CustomerOfAsync(project);
        var second = await fixture.Projects.CreateProjectAsync(manager, customerId, input => input.Name = "ಎರಡನೇ ಯೋಜನೆ");
        await fixture.Projects.SaveWeekAsync(consultant, consultant.Id, Monday, new Cell(project, Monday, 90));
        await Eventually.HoldsAsync("the first summary reached the timeline", async () => (await TimelineTitlesAsync(customerId)).Count == 1);

        await fixture.Projects.SaveWeekAsync(consultant, consultant.Id, Monday, new Cell(second, Monday, 60));

        var titles = await Eventually.ReturnsAsync("the summary was updated", () => TimelineTitlesAsync(customerId), t => t.SequenceEqual(["2.5 h logged on 2 projects"]));
        Assert.Single(titles);
    }

    private async Task<(Person Consultant, long Project, Person Manager)> ConsultantOnProjectAsync()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var consultant = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var customer = await new CustomerBuilder().Named("کراچی لاجسٹکس").SaveAsync(fixture.Host);
        return (consultant, await fixture.Projects.CreateProjectAsync(manager, customer.Id), manager);
    }

    private async Task<long> CustomerOfAsync(long projectId) =>
        await fixture.Database.ScalarAsync<long>("SELECT \"CustomerId\" FROM projects_projects WHERE \"Id\" = @p0", projectId);

    private async Task<List<string>> TimelineTitlesAsync(long customerId) =>
        [.. await fixture.Database.ColumnAsync<string>(
            "SELECT \"Title\" FROM crm_timeline_entries WHERE \"CustomerId\" = @p0 AND \"Kind\" = 'projects.time-logged'", customerId)];

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteProjectsHostFixture fixture) : WeekSaveTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresProjectsHostFixture fixture) : WeekSaveTests(fixture);
}
