using CrmBlazor.Plugins.Resources.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Resources.IntegrationTests.Allocations;

/// <summary>
/// Over-allocation caught where it is made: an allocation that takes a person above capacity in any
/// week, across all projects, is refused with the person and each week's numbers, and saved once the
/// planner confirms.
/// </summary>
public abstract class OverallocationTests(ResourcesHostFixture fixture)
{
    // Week 49 of 2026: Monday 30 November to Sunday 6 December.
    private static readonly DateOnly Monday = new(2026, 11, 30);
    private static readonly DateOnly Sunday = new(2026, 12, 6);

    [Fact]
    public async Task Allocation_AboveCapacityAcrossTwoProjects_IsRefusedNamingThePersonAndTheWeek()
    {
        var (admin, person, first, second) = await ArrangeAsync();
        Assert.True((await fixture.Resources.AllocateAsync(admin, person.Id, first, Monday, Sunday, hours: 30m)).Saved);

        var outcome = await fixture.Resources.AllocateAsync(admin, person.Id, second, Monday, Sunday, hours: 16m);

        Assert.Equal("Invalid", outcome.Status);
        Assert.Equal("ConfirmOverallocation", Assert.Single(outcome.Fields));
        Assert.Equal([$"This takes {person.Name} above capacity. Confirm to save it anyway.", "46 h of 37.5 h in week 49 of 2026"], outcome.Messages);
        Assert.Single(await fixture.Resources.AllocationsOfAsync(admin, person.Id, Monday, Sunday));
    }

    [Fact]
    public async Task Allocation_AboveCapacityConfirmed_IsSavedAndShowsAsOverAHundredPercent()
    {
        var (admin, person, first, second) = await ArrangeAsync();
        Assert.True((await fixture.Resources.AllocateAsync(admin, person.Id, first, Monday, Sunday, hours: 30m)).Saved);

        var outcome = await fixture.Resources.AllocateAsync(admin, person.Id, second, Monday, Sunday, hours: 16m, confirm: true);

        Assert.True(outcome.Saved, string.Join(" ", outcome.Messages));
        var week = Assert.Single(await fixture.Resources.WeeksAsync(admin, person.Id, Monday, Sunday));
        Assert.Equal((46m, 37.5m), (week.Allocated, week.Capacity));
        Assert.True(week.Utilisation > 1m);
    }

    [Fact]
    public async Task Allocation_OverSeveralWeeks_NamesOnlyTheWeeksAboveCapacityWithTheirOwnCapacity()
    {
        var (admin, person, first, second) = await ArrangeAsync();
        Assert.True((await fixture.Resources.AllocateAsync(admin, person.Id, first, Monday, Sunday.AddDays(7), hours: 30m)).Saved);
        Assert.True((await fixture.Resources.AddTimeOffAsync(admin, person.Id, Monday.AddDays(7), Monday.AddDays(7))).Saved);

        var outcome = await fixture.Resources.AllocateAsync(admin, person.Id, second, Monday, Sunday.AddDays(7), hours: 5m);

        // Week 49 holds 35 of 37.5 hours; week 50 loses a day to time off.
        Assert.Equal([$"This takes {person.Name} above capacity. Confirm to save it anyway.", "35 h of 30 h in week 50 of 2026"], outcome.Messages);
    }

    [Fact]
    public async Task Allocation_PerDayWithinCapacity_IsSavedWithoutConfirmation()
    {
        var (admin, person, first, _) = await ArrangeAsync();

        var outcome = await fixture.Resources.AllocateAsync(admin, person.Id, first, Monday, Sunday, hours: 7.5m, perDay: true);

        Assert.True(outcome.Saved, string.Join(" ", outcome.Messages));
        Assert.Equal(37.5m, Assert.Single(await fixture.Resources.WeeksAsync(admin, person.Id, Monday, Sunday)).Allocated);
    }

    [Fact]
    public async Task Placeholder_ReplacedByAPerson_HandsOverItsAllocations()
    {
        var (admin, person, first, _) = await ArrangeAsync();
        var placeholder = await fixture.Resources.AddPersonAsync(admin, new DateOnly(2026, 1, 5));
        Assert.True((await fixture.Resources.AllocateAsync(admin, placeholder, first, Monday, Sunday, hours: 20m)).Saved);

        var outcome = await fixture.Resources.ReplacePlaceholderAsync(admin, placeholder, person.Id);

        Assert.True(outcome.Saved, string.Join(" ", outcome.Messages));
        Assert.Equal(20m, Assert.Single(await fixture.Resources.AllocationsOfAsync(admin, person.Id, Monday, Sunday)).Hours);
        Assert.Empty(await fixture.Resources.AllocationsOfAsync(admin, placeholder, Monday, Sunday));
    }

    [Fact]
    public async Task Placeholder_WhoseWorkTakesThePersonAboveCapacity_IsReplacedOnlyOnceConfirmed()
    {
        var (admin, person, first, second) = await ArrangeAsync();
        var placeholder = await fixture.Resources.AddPersonAsync(admin, new DateOnly(2026, 1, 5));
        Assert.True((await fixture.Resources.AllocateAsync(admin, person.Id, first, Monday, Sunday, hours: 30m)).Saved);
        Assert.True((await fixture.Resources.AllocateAsync(admin, placeholder, second, Monday, Sunday, hours: 16m)).Saved);

        var refused = await fixture.Resources.ReplacePlaceholderAsync(admin, placeholder, person.Id);
        var confirmed = await fixture.Resources.ReplacePlaceholderAsync(admin, placeholder, person.Id, confirm: true);

        Assert.Equal("46 h of 37.5 h in week 49 of 2026", refused.Messages[^1]);
        Assert.True(confirmed.Saved, string.Join(" ", confirmed.Messages));
        Assert.Equal(2, (await fixture.Resources.AllocationsOfAsync(admin, person.Id, Monday, Sunday)).Count);
    }

    private async Task<(Person Admin, (long Id, string Name) Person, long First, long Second)> ArrangeAsync()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var staff = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);
        var first = await fixture.Resources.CreateProjectAsync(admin, customer.Id);
        var second = await fixture.Resources.CreateProjectAsync(admin, customer.Id);
        var person = await fixture.Resources.AddPersonAsync(admin, new DateOnly(2026, 1, 5), user: staff);
        return (admin, (person, staff.User.Email), first, second);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteResourcesHostFixture fixture) : OverallocationTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresResourcesHostFixture fixture) : OverallocationTests(fixture);
}
