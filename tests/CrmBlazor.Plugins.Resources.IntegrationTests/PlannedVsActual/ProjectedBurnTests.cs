using CrmBlazor.Plugins.Resources.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Resources.IntegrationTests.PlannedVsActual;

/// <summary>
/// A project's projected budget burn: the hours logged plus the confirmed allocations still to come,
/// against the budget hours, with the week the budget would be used up.
/// </summary>
public abstract class ProjectedBurnTests(ResourcesHostFixture fixture)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private static readonly DateOnly NextMonday = Today.AddDays(7 - (((int)Today.DayOfWeek + 6) % 7));

    [Fact]
    public async Task Projection_WithConfirmedAllocations_NamesTheWeekTheBudgetIsUsedUp()
    {
        var (admin, staff, person, customer) = await ArrangeAsync();
        var project = await fixture.Resources.CreateProjectAsync(admin, customer, budgetHours: 100m);
        for (var day = 1; day <= 5; day++)
        {
            await fixture.Resources.LogTimeAsync(staff, project, Today.AddDays(-day), 480);
        }

        Assert.True((await fixture.Resources.AllocateAsync(admin, person, project, NextMonday, NextMonday.AddDays(6 * 7 - 1), 20m)).Saved);
        Assert.True((await fixture.Resources.AllocateAsync(admin, person, project, NextMonday, NextMonday.AddDays(6 * 7 - 1), 10m, configure: a => a.IsTentative = true)).Saved);

        var projection = await fixture.Resources.ProjectionAsync(admin, project);

        // 40 h logged; 20 h a week from next Monday passes 100 h in the fourth week.
        var fourth = NextMonday.AddDays(21).ToDateTime(TimeOnly.MinValue);
        Assert.Equal(
            new Projection(100m, 40m, 120m, 160m, 160m, (System.Globalization.ISOWeek.GetYear(fourth), System.Globalization.ISOWeek.GetWeekOfYear(fourth)), false),
            projection);
    }

    [Fact]
    public async Task Projection_WithinTheBudget_CrossesNoWeek()
    {
        var (admin, _, person, customer) = await ArrangeAsync();
        var project = await fixture.Resources.CreateProjectAsync(admin, customer, budgetHours: 200m);
        Assert.True((await fixture.Resources.AllocateAsync(admin, person, project, NextMonday, NextMonday.AddDays(13), 30m)).Saved);

        var projection = await fixture.Resources.ProjectionAsync(admin, project);

        Assert.Equal((60m, 30m, null), (projection!.Projected, projection.Percent, projection.Crossing));
    }

    [Fact]
    public async Task Projection_OfAnAllocationUnderWay_CountsOnlyTheDaysFromToday()
    {
        var (admin, _, person, customer) = await ArrangeAsync();
        var project = await fixture.Resources.CreateProjectAsync(admin, customer, budgetHours: 50m);
        Assert.True((await fixture.Resources.AllocateAsync(admin, person, project, NextMonday.AddDays(-21), NextMonday.AddDays(6), 10m)).Saved);

        var projection = await fixture.Resources.ProjectionAsync(admin, project);

        // The person works Monday to Friday: this week's remaining working days at 2 h each, and next week's 10 h.
        var daysLeft = Enumerable.Range(0, NextMonday.DayNumber - Today.DayNumber).Select(Today.AddDays).Count(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        Assert.Equal(10m + 2m * daysLeft, projection!.Planned);
    }

    [Fact]
    public async Task Projection_WithoutBudgetHours_HasNoPercentageAndNoWeek()
    {
        var (admin, _, person, customer) = await ArrangeAsync();
        var project = await fixture.Resources.CreateProjectAsync(admin, customer);
        Assert.True((await fixture.Resources.AllocateAsync(admin, person, project, NextMonday, NextMonday.AddDays(6), 30m)).Saved);

        var projection = await fixture.Resources.ProjectionAsync(admin, project);

        Assert.Equal(new Projection(null, 0m, 30m, 30m, null, null, false), projection);
    }

    private async Task<(Person Admin, Person Staff, long Person, long Customer)> ArrangeAsync()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var staff = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);
        var person = await fixture.Resources.AddPersonAsync(admin, new DateOnly(2026, 1, 5), user: staff);
        return (admin, staff, person, customer.Id);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteResourcesHostFixture fixture) : ProjectedBurnTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresResourcesHostFixture fixture) : ProjectedBurnTests(fixture);
}
