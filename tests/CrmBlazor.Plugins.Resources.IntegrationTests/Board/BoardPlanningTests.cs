using CrmBlazor.Plugins.Resources.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Resources.IntegrationTests.Board;

/// <summary>
/// The board's actions on an allocation: split at a week, extend, move by weeks. Each checks who may
/// plan the person, the version the board showed, and over-allocation like any other change.
/// </summary>
public abstract class BoardPlanningTests(ResourcesHostFixture fixture)
{
    private static readonly DateOnly Monday = new(2027, 5, 3);

    [Fact]
    public async Task Split_AtAWeek_MakesTwoAllocationsWithTheSameHours_AndTheWeeksUnchanged()
    {
        var (admin, _, person, _, allocation) = await PlannedAsync(weeks: 4, hours: 20m);

        var outcome = await fixture.Resources.SplitAsync(admin, allocation.Id, Monday.AddDays(14), allocation.RowVersion);

        Assert.True(outcome.Saved, string.Join(" ", outcome.Messages));
        var parts = await fixture.Resources.AllocationsOfAsync(admin, person, Monday, Monday.AddDays(27));
        Assert.Equal([(Monday, Monday.AddDays(13), 20m), (Monday.AddDays(14), Monday.AddDays(27), 20m)], parts.Select(p => (p.StartDate, p.EndDate, p.Hours)));
        Assert.All((await fixture.Resources.WeeksAsync(admin, person, Monday, Monday.AddDays(27))), w => Assert.Equal(20m, w.Allocated));
    }

    [Fact]
    public async Task Split_AtItsFirstDay_OrFromAnOldVersion_IsRefused()
    {
        var (admin, _, person, _, allocation) = await PlannedAsync(weeks: 2, hours: 20m);

        var atStart = await fixture.Resources.SplitAsync(admin, allocation.Id, Monday, allocation.RowVersion);
        Assert.True((await fixture.Resources.MoveAsync(admin, allocation.Id, 1, allocation.RowVersion)).Saved);
        var stale = await fixture.Resources.SplitAsync(admin, allocation.Id, Monday.AddDays(14), allocation.RowVersion);

        Assert.Equal("Invalid", atStart.Status);
        Assert.Equal("Conflict", stale.Status);
        Assert.Single(await fixture.Resources.AllocationsOfAsync(admin, person, Monday, Monday.AddDays(60)));
    }

    [Fact]
    public async Task Move_ByAWeek_KeepsLengthAndHours()
    {
        var (_, manager, person, _, allocation) = await PlannedAsync(weeks: 2, hours: 20m);

        var outcome = await fixture.Resources.MoveAsync(manager, allocation.Id, -1, allocation.RowVersion);

        Assert.True(outcome.Saved, string.Join(" ", outcome.Messages));
        var moved = Assert.Single(await fixture.Resources.AllocationsOfAsync(manager, person, Monday.AddDays(-7), Monday.AddDays(30)));
        Assert.Equal((Monday.AddDays(-7), Monday.AddDays(6), 20m), (moved.StartDate, moved.EndDate, moved.Hours));
    }

    [Fact]
    public async Task Extend_IntoAFullWeek_IsRefusedWithTheFigures_UntilConfirmed()
    {
        var (admin, manager, person, project, allocation) = await PlannedAsync(weeks: 1, hours: 20m);
        Assert.True((await fixture.Resources.AllocateAsync(admin, person, project, Monday.AddDays(7), Monday.AddDays(13), 30m)).Saved);

        var refused = await fixture.Resources.ExtendAsync(manager, allocation.Id, Monday.AddDays(13), allocation.RowVersion);
        var confirmed = await fixture.Resources.ExtendAsync(manager, allocation.Id, Monday.AddDays(13), allocation.RowVersion, confirm: true);

        Assert.Equal("Invalid", refused.Status);
        Assert.Contains("50 h of 37.5 h in week 19 of 2027", refused.Messages);
        Assert.True(confirmed.Saved);
        var weeks = await fixture.Resources.WeeksAsync(admin, person, Monday, Monday.AddDays(7));
        Assert.Equal([20m, 50m], weeks.Select(w => w.Allocated));
    }

    [Fact]
    public async Task Extend_ToAnEarlierEnd_IsRefused()
    {
        var (admin, _, _, _, allocation) = await PlannedAsync(weeks: 2, hours: 20m);

        var outcome = await fixture.Resources.ExtendAsync(admin, allocation.Id, Monday.AddDays(6), allocation.RowVersion);

        Assert.Equal("Invalid", outcome.Status);
    }

    [Fact]
    public async Task BoardActions_OnSomeoneOutsideTheManagersTeam_AreForbidden()
    {
        var (admin, _, person, _, allocation) = await PlannedAsync(weeks: 2, hours: 20m);
        var otherManager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);

        var split = await fixture.Resources.SplitAsync(otherManager, allocation.Id, Monday.AddDays(7), allocation.RowVersion);
        var move = await fixture.Resources.MoveAsync(otherManager, allocation.Id, 1, allocation.RowVersion);
        var extend = await fixture.Resources.ExtendAsync(otherManager, allocation.Id, Monday.AddDays(20), allocation.RowVersion);

        Assert.Equal(["Forbidden", "Forbidden", "Forbidden"], new[] { split.Status, move.Status, extend.Status });
        var unchanged = Assert.Single(await fixture.Resources.AllocationsOfAsync(admin, person, Monday, Monday.AddDays(60)));
        Assert.Equal((Monday, Monday.AddDays(13)), (unchanged.StartDate, unchanged.EndDate));
    }

    private async Task<(Person Admin, Person Manager, long Person, long Project, Planned Allocation)> PlannedAsync(int weeks, decimal hours)
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var project = await fixture.Resources.CreateProjectAsync(admin, (await new CustomerBuilder().SaveAsync(fixture.Host)).Id);
        var person = await fixture.Resources.AddPersonAsync(admin, Monday.AddDays(-70), manager: manager);
        Assert.True((await fixture.Resources.AllocateAsync(admin, person, project, Monday, Monday.AddDays((weeks * 7) - 1), hours)).Saved);
        var allocation = Assert.Single(await fixture.Resources.AllocationsOfAsync(admin, person, Monday, Monday.AddDays(6)));
        return (admin, manager, person, project, allocation);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteResourcesHostFixture fixture) : BoardPlanningTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresResourcesHostFixture fixture) : BoardPlanningTests(fixture);
}
