using CrmBlazor.Plugins.Resources.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Resources.IntegrationTests.PlannedVsActual;

/// <summary>
/// Planned against actual: the hours allocated per week against the time logged through the projects
/// plugin, per project and per person, people matched to their time by user id.
/// </summary>
public abstract class PlannedVsActualTests(ResourcesHostFixture fixture)
{
    // Weeks 45 to 47 of 2026: Monday 2 November to Sunday 22 November.
    private static readonly DateOnly Monday = new(2026, 11, 2);

    [Fact]
    public async Task Project_ByWeek_SetsItsAllocationsAgainstTheTimeLoggedOnIt()
    {
        var (admin, staff, person, project, other) = await ArrangeAsync();
        Assert.True((await fixture.Resources.AllocateAsync(admin, person, project, Monday, Monday.AddDays(13), 20m)).Saved);
        await fixture.Resources.LogTimeAsync(staff, project, Monday.AddDays(1), 180);
        await fixture.Resources.LogTimeAsync(staff, project, Monday.AddDays(2), 300);
        await fixture.Resources.LogTimeAsync(staff, project, Monday.AddDays(8), 240);
        await fixture.Resources.LogTimeAsync(staff, other, Monday.AddDays(1), 120);

        var weeks = await fixture.Resources.PlannedVsActualOfProjectAsync(admin, project, Monday, Monday.AddDays(20));

        Assert.Equal(
            [new PlannedAgainstLogged(2026, 45, 20m, 8m), new PlannedAgainstLogged(2026, 46, 20m, 4m), new PlannedAgainstLogged(2026, 47, 0m, 0m)],
            weeks);
    }

    [Fact]
    public async Task Person_ByWeek_SetsTheirAllocationsOnEveryProjectAgainstAllTheirTime()
    {
        var (admin, staff, person, project, other) = await ArrangeAsync();
        Assert.True((await fixture.Resources.AllocateAsync(admin, person, project, Monday, Monday.AddDays(6), 10m)).Saved);
        Assert.True((await fixture.Resources.AllocateAsync(admin, person, other, Monday, Monday.AddDays(6), 2m, perDay: true)).Saved);
        await fixture.Resources.LogTimeAsync(staff, project, Monday, 360);
        await fixture.Resources.LogTimeAsync(staff, other, Monday.AddDays(3), 150);

        var weeks = await fixture.Resources.PlannedVsActualOfPersonAsync(admin, person, Monday, Monday.AddDays(6));

        Assert.Equal(new PlannedAgainstLogged(2026, 45, 20m, 8.5m), Assert.Single(weeks));
    }

    [Fact]
    public async Task Project_ForAManager_CountsThePlansAndTimeOfTheirPeopleOnly()
    {
        var (admin, staff, person, project, _) = await ArrangeAsync();
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var teamMember = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var ownPerson = await fixture.Resources.AddPersonAsync(admin, new DateOnly(2026, 1, 5), user: teamMember, manager: manager);
        Assert.True((await fixture.Resources.AllocateAsync(admin, person, project, Monday, Monday.AddDays(6), 20m)).Saved);
        Assert.True((await fixture.Resources.AllocateAsync(admin, ownPerson, project, Monday, Monday.AddDays(6), 5m)).Saved);
        await fixture.Resources.LogTimeAsync(staff, project, Monday, 300);
        await fixture.Resources.LogTimeAsync(teamMember, project, Monday, 180);

        var forManager = Assert.Single(await fixture.Resources.PlannedVsActualOfProjectAsync(manager, project, Monday, Monday));
        var forAdmin = Assert.Single(await fixture.Resources.PlannedVsActualOfProjectAsync(admin, project, Monday, Monday));

        Assert.Equal((5m, 3m), (forManager.Planned, forManager.Logged));
        Assert.Equal((25m, 8m), (forAdmin.Planned, forAdmin.Logged));
    }

    [Fact]
    public async Task Person_OfAColleague_IsRefusedToStaff()
    {
        var (_, _, person, _, _) = await ArrangeAsync();
        var colleague = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => fixture.Resources.PlannedVsActualOfPersonAsync(colleague, person, Monday, Monday));
    }

    private async Task<(Person Admin, Person Staff, long Person, long Project, long Other)> ArrangeAsync()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var staff = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);
        var project = await fixture.Resources.CreateProjectAsync(admin, customer.Id);
        var other = await fixture.Resources.CreateProjectAsync(admin, customer.Id);
        var person = await fixture.Resources.AddPersonAsync(admin, new DateOnly(2026, 1, 5), user: staff);
        return (admin, staff, person, project, other);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteResourcesHostFixture fixture) : PlannedVsActualTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresResourcesHostFixture fixture) : PlannedVsActualTests(fixture);
}
