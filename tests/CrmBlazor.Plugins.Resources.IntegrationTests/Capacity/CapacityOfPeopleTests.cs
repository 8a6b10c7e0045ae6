using CrmBlazor.Plugins.Resources.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Resources.IntegrationTests.Capacity;

/// <summary>
/// The weeks of many people at once (a planning board's data): every visible person, each week with
/// their own schedule, holidays and allocations; a manager gets their team and nobody else.
/// </summary>
public abstract class CapacityOfPeopleTests(ResourcesHostFixture fixture)
{
    private static readonly DateOnly Monday = new(2026, 12, 21);

    [Fact]
    public async Task WeeksOfPeople_ForAManager_HoldTheirTeamWeekByWeek_AndNobodyElse()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var project = await fixture.Resources.CreateProjectAsync(admin, (await new CustomerBuilder().SaveAsync(fixture.Host)).Id);
        var inLondon = await fixture.Resources.AddPersonAsync(admin, new DateOnly(2026, 1, 5), manager: manager, calendarCode: "GB");
        var partTime = await fixture.Resources.AddPersonAsync(admin, new DateOnly(2026, 1, 5), hoursPerDay: 4m, manager: manager);
        var elsewhere = await fixture.Resources.AddPersonAsync(admin, new DateOnly(2026, 1, 5));
        Assert.True((await fixture.Resources.AllocateAsync(admin, partTime, project, Monday, Monday.AddDays(13), 10m)).Saved);

        var board = await fixture.Resources.WeeksOfPeopleAsync(manager, Monday, Monday.AddDays(7));

        Assert.Equal([inLondon, partTime], board.Keys.Order());
        Assert.DoesNotContain(elsewhere, board.Keys);
        // Week 52 holds Christmas Day; week 53 the substitute Boxing Day (Monday 28 December) and New Year's Day.
        Assert.Equal([(52, 30m, 0m), (53, 22.5m, 0m)], board[inLondon].Select(w => (w.Number, w.Capacity, w.Allocated)));
        Assert.Equal([(52, 20m, 0.5m), (53, 20m, 0.5m)], board[partTime].Select(w => (w.Number, w.Capacity, w.Utilisation!.Value)));
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteResourcesHostFixture fixture) : CapacityOfPeopleTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresResourcesHostFixture fixture) : CapacityOfPeopleTests(fixture);
}
