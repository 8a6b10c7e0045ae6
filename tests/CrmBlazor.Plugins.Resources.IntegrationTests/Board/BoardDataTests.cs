using CrmBlazor.Plugins.Resources.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Resources.IntegrationTests.Board;

/// <summary>
/// The planning board's data: who is on it for whom, each cell's capacity, time off, allocated and
/// tentative hours and utilisation, the filters by skill, and the project view.
/// </summary>
public abstract class BoardDataTests(ResourcesHostFixture fixture)
{
    private static readonly DateOnly Monday = new(2027, 3, 1);

    [Fact]
    public async Task Board_ForAManager_HoldsTheirTeamWithEachWeeksFigures_AndOnlyThem()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var project = await fixture.Resources.CreateProjectAsync(admin, (await new CustomerBuilder().SaveAsync(fixture.Host)).Id);
        var member = await fixture.Resources.AddPersonAsync(admin, Monday.AddDays(-70), manager: manager);
        var elsewhere = await fixture.Resources.AddPersonAsync(admin, Monday.AddDays(-70));
        Assert.True((await fixture.Resources.AddTimeOffAsync(admin, member, Monday.AddDays(7), Monday.AddDays(8))).Saved);
        Assert.True((await fixture.Resources.AllocateAsync(admin, member, project, Monday, Monday.AddDays(13), 30m, confirm: true, configure: a => a.IsTentative = true)).Saved);

        var board = await fixture.Resources.BoardAsync(manager, Monday.AddDays(2), 3);

        Assert.Equal([(2027, 9), (2027, 10), (2027, 11)], board.Weeks);
        Assert.Equal([member], board.People.Select(p => p.PersonId));
        Assert.DoesNotContain(elsewhere, board.People.Select(p => p.PersonId));
        var row = board.Of(member);
        Assert.True(row.CanPlan);
        Assert.True(row.IsPlaceholder);
        // Week 10 loses Monday and Tuesday to time off: 22.5 h left, 30 h planned.
        Assert.Equal([(37.5m, 0m, 30m), (22.5m, 15m, 30m), (37.5m, 0m, 0m)], row.Weeks.Select(w => (w.Capacity, w.Away, w.Allocated)));
        Assert.Equal(30m / 22.5m, row.Weeks[1].Utilisation);
        var allocation = Assert.Single(board.Allocations);
        Assert.Equal((member, project, 30m), (allocation.PersonId, allocation.ProjectId, allocation.Hours));
        Assert.StartsWith("Project ", allocation.ProjectName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Board_ForStaff_HoldsOnlyThemselves_WithoutPlanning()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var staff = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var own = await fixture.Resources.AddPersonAsync(admin, Monday, user: staff);
        await fixture.Resources.AddPersonAsync(admin, Monday);

        var board = await fixture.Resources.BoardAsync(staff, Monday, 2);

        var row = Assert.Single(board.People);
        Assert.Equal(own, row.PersonId);
        Assert.False(row.CanPlan);
        Assert.False(row.IsPlaceholder);
    }

    [Fact]
    public async Task Board_FilteredBySkill_KeepsThePeopleWithItAtTheLevelOrAbove()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var expert = await fixture.Resources.AddPersonAsync(admin, Monday, manager: manager);
        var beginner = await fixture.Resources.AddPersonAsync(admin, Monday, manager: manager);
        var other = await fixture.Resources.AddPersonAsync(admin, Monday, manager: manager);
        await fixture.Resources.SetSkillAsync(admin, expert, "Kotlin", 4);
        await fixture.Resources.SetSkillAsync(admin, beginner, "Kotlin", 2);
        await fixture.Resources.SetSkillAsync(admin, other, "Figma", 5);

        var anyLevel = await fixture.Resources.BoardAsync(manager, Monday, 1, skill: "kotlin");
        var fromThree = await fixture.Resources.BoardAsync(manager, Monday, 1, skill: "Kotlin", minLevel: 3);

        Assert.Equal(new[] { expert, beginner }.Order(), anyLevel.People.Select(p => p.PersonId).Order());
        Assert.Equal([expert], fromThree.People.Select(p => p.PersonId));
    }

    [Fact]
    public async Task Board_ForAProject_HoldsThePeopleOnItWithItsHoursPerWeek_AndAllTheirWork()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var customer = (await new CustomerBuilder().SaveAsync(fixture.Host)).Id;
        var project = await fixture.Resources.CreateProjectAsync(admin, customer);
        var other = await fixture.Resources.CreateProjectAsync(admin, customer);
        var onIt = await fixture.Resources.AddPersonAsync(admin, Monday, manager: manager);
        var notOnIt = await fixture.Resources.AddPersonAsync(admin, Monday, manager: manager);
        Assert.True((await fixture.Resources.AllocateAsync(admin, onIt, project, Monday.AddDays(7), Monday.AddDays(13), 20m)).Saved);
        Assert.True((await fixture.Resources.AllocateAsync(admin, onIt, other, Monday, Monday.AddDays(13), 10m)).Saved);
        Assert.True((await fixture.Resources.AllocateAsync(admin, notOnIt, other, Monday, Monday.AddDays(13), 10m)).Saved);

        var board = await fixture.Resources.BoardAsync(manager, Monday, 3, projectId: project);

        var row = Assert.Single(board.People);
        Assert.Equal(onIt, row.PersonId);
        Assert.Equal([0m, 20m, 0m], row.ProjectHours!);
        Assert.Equal([10m, 30m, 0m], row.Weeks.Select(w => w.Allocated));
        Assert.Equal([other, project], board.Allocations.Select(a => a.ProjectId));
        Assert.Null((await fixture.Resources.BoardAsync(manager, Monday, 3)).Of(onIt).ProjectHours);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteResourcesHostFixture fixture) : BoardDataTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresResourcesHostFixture fixture) : BoardDataTests(fixture);
}
