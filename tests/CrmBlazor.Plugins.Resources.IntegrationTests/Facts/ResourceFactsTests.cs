using CrmBlazor.Plugins.Resources.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Resources;
using CrmBlazor.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Plugins.Resources.IntegrationTests.Facts;

/// <summary>
/// <see cref="IResourceFacts"/> as another plugin reads it from the host's services: capacity, time off and
/// confirmed and tentative allocations per person and ISO week in minutes, and a customer's projects planned
/// against the time logged on them, every project and week present.
/// </summary>
public abstract class ResourceFactsTests(ResourcesHostFixture fixture)
{
    // Week 3 of 2027: Monday 18 January to Sunday 24 January; week 4 follows.
    private static readonly DateOnly Monday = new(2027, 1, 18);
    private static readonly DateOnly Sunday = new(2027, 1, 24);

    [Fact]
    public async Task Weeks_OfAUser_GiveCapacityAwayAndConfirmedAndTentativeMinutes()
    {
        var (admin, staff, person, first, second) = await ArrangeAsync();
        Assert.True((await fixture.Resources.AddTimeOffAsync(admin, person, Monday, Monday)).Saved);
        Assert.True((await fixture.Resources.AllocateAsync(admin, person, first, Monday, Sunday, hours: 20m)).Saved);
        Assert.True((await fixture.Resources.AllocateAsync(admin, person, second, Monday, Sunday, hours: 10m, configure: input => input.IsTentative = true)).Saved);

        var weeks = await FactsAsync(f => f.GetWeeksAsync(new ResourceWeeksQuery(Monday, Sunday.AddDays(7), UserIds: [staff.Id])));

        Assert.Equal(
            [
                new PersonWeekFacts(person, staff.Id, staff.User.Email, Monday, 1800, 450, 1800, 1200, 600),
                new PersonWeekFacts(person, staff.Id, staff.User.Email, Monday.AddDays(7), 2250, 0, 0, 0, 0),
            ],
            weeks);
        Assert.Equal(1m, weeks[0].Utilisation);
        Assert.False(weeks[0].IsOverAllocated);
    }

    [Fact]
    public async Task Weeks_OfAPlaceholderById_HaveNoUserAndShowOverAllocation()
    {
        var (admin, _, _, first, _) = await ArrangeAsync();
        var placeholder = await fixture.Resources.AddPersonAsync(admin, new DateOnly(2026, 1, 5), hoursPerDay: 4m);
        Assert.True((await fixture.Resources.AllocateAsync(admin, placeholder, first, Monday, Sunday, hours: 25m, confirm: true)).Saved);

        var week = Assert.Single(await FactsAsync(f => f.GetWeeksAsync(new ResourceWeeksQuery(Monday, Sunday, PersonIds: [placeholder]))));

        Assert.Null(week.UserId);
        Assert.Equal((1200, 1500, true), (week.CapacityMinutes, week.AllocatedMinutes, week.IsOverAllocated));
    }

    [Fact]
    public async Task Weeks_ForEveryone_IncludeEachPlannedPersonOncePerWeek()
    {
        var (_, _, person, _, _) = await ArrangeAsync();

        var weeks = await FactsAsync(f => f.GetWeeksAsync(new ResourceWeeksQuery(Monday, Sunday.AddDays(7))));

        Assert.Equal([Monday, Monday.AddDays(7)], weeks.Where(w => w.PersonId == person).Select(w => w.WeekStart));
    }

    [Fact]
    public async Task Weeks_OverMoreThanTheLongestSpan_AreRefused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            FactsAsync(f => f.GetWeeksAsync(new ResourceWeeksQuery(Monday, Monday.AddDays(7 * IResourceFacts.MostWeeks)))));
    }

    [Fact]
    public async Task CustomerUtilisation_GivesEveryProjectAndWeekWithPlannedAndLoggedMinutes()
    {
        var (admin, staff, person, first, second) = await ArrangeAsync();
        Assert.True((await fixture.Resources.AllocateAsync(admin, person, first, Monday, Sunday.AddDays(7), hours: 20m)).Saved);
        Assert.True((await fixture.Resources.AllocateAsync(admin, person, first, Monday.AddDays(7), Sunday.AddDays(7), hours: 2m, perDay: true, configure: input => input.IsTentative = true)).Saved);
        await fixture.Resources.AddTimeDirectlyAsync(first, staff.Id, Monday.AddDays(1), 180);
        await fixture.Resources.AddTimeDirectlyAsync(first, staff.Id, Monday.AddDays(2), 120, billable: false);
        await fixture.Resources.AddTimeDirectlyAsync(second, staff.Id, Sunday.AddDays(3), 60);
        var customer = await CustomerOfAsync(first);

        var rows = await FactsAsync(f => f.GetCustomerUtilisationAsync(customer, Monday, Sunday.AddDays(7)));

        Assert.Equal(
            [
                (first, Monday, 1200, 0, 300, 180),
                (first, Monday.AddDays(7), 1800, 600, 0, 0),
                (second, Monday, 0, 0, 0, 0),
                (second, Monday.AddDays(7), 0, 0, 60, 60),
            ],
            rows.Select(r => (r.ProjectId, r.WeekStart, r.AllocatedMinutes, r.TentativeMinutes, r.LoggedMinutes, r.BillableMinutes)));
        Assert.All(rows, r => Assert.Equal(customer, r.CustomerId));
    }

    private async Task<(Person Admin, Person Staff, long Person, long First, long Second)> ArrangeAsync()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var staff = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);
        var first = await fixture.Resources.CreateProjectAsync(admin, customer.Id);
        var second = await fixture.Resources.CreateProjectAsync(admin, customer.Id);
        var person = await fixture.Resources.AddPersonAsync(admin, new DateOnly(2026, 1, 5), user: staff);
        return (admin, staff, person, first, second);
    }

    private Task<long> CustomerOfAsync(long projectId) => fixture.Host.InScopeAsync(async services =>
        (await services.GetRequiredService<CrmBlazor.Sdk.Projects.IProjectFacts>().GetAsync(projectId))!.CustomerId);

    private Task<T> FactsAsync<T>(Func<IResourceFacts, Task<T>> read) =>
        fixture.Host.InScopeAsync(services => read(services.GetRequiredService<IResourceFacts>()));

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteResourcesHostFixture fixture) : ResourceFactsTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresResourcesHostFixture fixture) : ResourceFactsTests(fixture);
}
