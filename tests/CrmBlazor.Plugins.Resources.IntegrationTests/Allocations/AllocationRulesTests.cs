using CrmBlazor.Plugins.Resources.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Resources.IntegrationTests.Allocations;

/// <summary>
/// Who may plan whom, enforced by the services (everyone sees their own, managers plan their team,
/// administrators everyone); bad input refused with clear messages and nothing saved; concurrent
/// changes of an allocation detected.
/// </summary>
public abstract class AllocationRulesTests(ResourcesHostFixture fixture)
{
    private static readonly DateOnly Monday = new(2027, 3, 1);
    private static readonly DateOnly Friday = new(2027, 3, 5);

    [Fact]
    public async Task Staff_SeesTheirOwnAllocations_ButNotAColleagues()
    {
        var (admin, project) = await ArrangeAsync();
        var me = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var colleague = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var mine = await fixture.Resources.AddPersonAsync(admin, Monday.AddDays(-7), user: me);
        var theirs = await fixture.Resources.AddPersonAsync(admin, Monday.AddDays(-7), user: colleague);
        Assert.True((await fixture.Resources.AllocateAsync(admin, mine, project, Monday, Friday, 10m)).Saved);

        var own = await fixture.Resources.AllocationsOfAsync(me, mine, Monday, Friday);

        Assert.Equal(10m, Assert.Single(own).Hours);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => fixture.Resources.AllocationsOfAsync(me, theirs, Monday, Friday));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => fixture.Resources.WeeksAsync(me, theirs, Monday, Friday));
    }

    [Fact]
    public async Task Staff_PlanningThemselves_IsForbidden()
    {
        var (admin, project) = await ArrangeAsync();
        var me = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var mine = await fixture.Resources.AddPersonAsync(admin, Monday.AddDays(-7), user: me);

        var outcome = await fixture.Resources.AllocateAsync(me, mine, project, Monday, Friday, 10m);

        Assert.Equal("Forbidden", outcome.Status);
        Assert.Empty(await fixture.Resources.AllocationsOfAsync(admin, mine, Monday, Friday));
    }

    [Fact]
    public async Task Manager_PlansTheirTeam_ButNotAnotherManagersTeam()
    {
        var (admin, project) = await ArrangeAsync();
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var otherManager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var teamMember = await fixture.Resources.AddPersonAsync(admin, Monday.AddDays(-7), user: await Person.CreateAsync(fixture.Host, CrmRoles.Staff), manager: manager);
        var otherTeamMember = await fixture.Resources.AddPersonAsync(admin, Monday.AddDays(-7), user: await Person.CreateAsync(fixture.Host, CrmRoles.Staff), manager: otherManager);

        var own = await fixture.Resources.AllocateAsync(manager, teamMember, project, Monday, Friday, 10m);
        var other = await fixture.Resources.AllocateAsync(manager, otherTeamMember, project, Monday, Friday, 10m);

        Assert.True(own.Saved, string.Join(" ", own.Messages));
        Assert.Equal(("Forbidden", "You can plan only the people of your team."), (other.Status, Assert.Single(other.Messages)));
        Assert.Empty(await fixture.Resources.AllocationsOfAsync(admin, otherTeamMember, Monday, Friday));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => fixture.Resources.WeeksAsync(manager, otherTeamMember, Monday, Friday));
    }

    [Fact]
    public async Task Manager_AddingAPlaceholder_GetsItForTheirOwnTeam_AndCannotAddAUser()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var staff = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);

        var placeholder = await fixture.Resources.TryAddPersonAsync(manager, input =>
        {
            input.Name = "Designer, to be hired";
            input.EffectiveFrom = Monday;
        });
        var user = await fixture.Resources.TryAddPersonAsync(manager, input =>
        {
            input.UserId = staff.Id;
            input.EffectiveFrom = Monday;
        });

        Assert.True(placeholder.Saved, string.Join(" ", placeholder.Messages));
        Assert.Single(await fixture.Resources.WeeksAsync(manager, placeholder.Id!.Value, Monday, Friday));
        Assert.Equal(("Forbidden", "You can add placeholders for your own team; ask an administrator to add people."), (user.Status, Assert.Single(user.Messages)));
    }

    [Fact]
    public async Task Allocation_EndingBeforeItStarts_IsRefusedOnTheLastDayAndNothingIsSaved()
    {
        var (admin, project) = await ArrangeAsync();
        var person = await fixture.Resources.AddPersonAsync(admin, Monday.AddDays(-7));

        var outcome = await fixture.Resources.AllocateAsync(admin, person, project, Friday, Monday, 10m);

        Assert.Equal(("Invalid", "EndDate", "The last day cannot be before the first."), (outcome.Status, Assert.Single(outcome.Fields), Assert.Single(outcome.Messages)));
        Assert.Empty(await fixture.Resources.AllocationsOfAsync(admin, person, Monday, Friday));
    }

    [Fact]
    public async Task Allocation_ForAMissingOrCompletedProjectWithTooManyHours_NamesEachField()
    {
        var (admin, _) = await ArrangeAsync();
        var person = await fixture.Resources.AddPersonAsync(admin, Monday.AddDays(-7));

        var outcome = await fixture.Resources.AllocateAsync(admin, person, projectId: 987_654_321, Monday, Friday, hours: 25m, perDay: true);

        Assert.Equal("Invalid", outcome.Status);
        Assert.Equal(["A day has at most 24 hours.", "Choose a project that exists."], outcome.Messages.Order(StringComparer.Ordinal));
        Assert.Empty(await fixture.Resources.AllocationsOfAsync(admin, person, Monday, Friday));
    }

    [Fact]
    public async Task Allocation_ForACompletedProject_IsRefusedOnTheProject()
    {
        var (admin, _) = await ArrangeAsync();
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);
        var project = await fixture.Resources.CreateProjectAsync(admin, customer.Id);
        var person = await fixture.Resources.AddPersonAsync(admin, Monday.AddDays(-7));
        await fixture.Resources.ChangeProjectStatusAsync(admin, project, ProjectStatus.Completed);

        var outcome = await fixture.Resources.AllocateAsync(admin, person, project, Monday, Friday, 10m);

        Assert.Equal(("ProjectId", "A completed or cancelled project cannot be planned."), (Assert.Single(outcome.Fields), Assert.Single(outcome.Messages)));
    }

    [Fact]
    public async Task Allocation_NoteWithADirectionOverride_IsRefusedOnTheNote()
    {
        var (admin, project) = await ArrangeAsync();
        var person = await fixture.Resources.AddPersonAsync(admin, Monday.AddDays(-7));

        var outcome = await fixture.Resources.AllocateAsync(admin, person, project, Monday, Friday, 10m, configure: input => input.Note = "Kick-off \u202Egnp.exe");

        Assert.Equal(("Invalid", "Note"), (outcome.Status, Assert.Single(outcome.Fields)));
    }

    [Fact]
    public async Task Allocation_ChangedTwiceFromTheSameVersion_RefusesTheSecondAsAConflict()
    {
        var (admin, project) = await ArrangeAsync();
        var person = await fixture.Resources.AddPersonAsync(admin, Monday.AddDays(-7));
        Assert.True((await fixture.Resources.AllocateAsync(admin, person, project, Monday, Friday, 10m)).Saved);
        var loaded = Assert.Single(await fixture.Resources.AllocationsOfAsync(admin, person, Monday, Friday));

        var first = await fixture.Resources.ChangeAllocationAsync(admin, loaded.Id, loaded.RowVersion, person, project, Monday, Friday, 12m);
        var second = await fixture.Resources.ChangeAllocationAsync(admin, loaded.Id, loaded.RowVersion, person, project, Monday, Friday, 20m);

        Assert.True(first.Saved, string.Join(" ", first.Messages));
        Assert.Equal(("Conflict", "Someone else changed this allocation since you opened it. Close the dialog and open it again to see their change."),
            (second.Status, Assert.Single(second.Messages)));
        Assert.Equal(12m, Assert.Single(await fixture.Resources.AllocationsOfAsync(admin, person, Monday, Friday)).Hours);
    }

    private async Task<(Person Admin, long Project)> ArrangeAsync()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);
        return (admin, await fixture.Resources.CreateProjectAsync(admin, customer.Id));
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteResourcesHostFixture fixture) : AllocationRulesTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresResourcesHostFixture fixture) : AllocationRulesTests(fixture);
}
