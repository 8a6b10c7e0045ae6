using CrmBlazor.Plugins.Resources.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Resources.IntegrationTests.Dashboard;

/// <summary>
/// The dashboard's widgets show only whom the user may see: the open over-allocations of the people a
/// manager plans (everyone's for an administrator, nobody's for staff), and the next four weeks'
/// utilisation of the people the user may see (a member of staff sees only themselves).
/// </summary>
public abstract class DashboardWidgetTests(ResourcesHostFixture fixture)
{
    // The week after next: inside the daily check's weeks and the widget's four, whatever day the tests run.
    private static readonly DateOnly Monday = ThisMonday().AddDays(14);
    private static readonly DateOnly Sunday = Monday.AddDays(6);

    [Fact]
    public async Task OpenOverAllocations_AreListedToTheManagerWhoPlansThePersonAndToAdministrators()
    {
        var (admin, project) = await ArrangeAsync();
        var mine = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var theirs = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var kavya = await fixture.Resources.AddPersonAsync(admin, new DateOnly(2026, 1, 5), manager: mine);
        var ravi = await fixture.Resources.AddPersonAsync(admin, new DateOnly(2026, 1, 5), manager: theirs);
        foreach (var person in new[] { kavya, ravi })
        {
            Assert.True((await fixture.Resources.AllocateAsync(admin, person, project, Monday, Sunday, hours: 46m, confirm: true)).Saved);
        }

        await fixture.Resources.RunOverallocationCheckAsync();

        var listed = await fixture.Resources.OpenOverbookingsAsync(mine);
        Assert.Equal([(kavya, 2760, 2250)], listed.Listed.Select(o => (o.PersonId, o.Allocated, o.Capacity)));
        Assert.Equal(1, listed.Total);
        // An administrator's count is every open over-allocation from this week on, of everyone.
        var everyone = await fixture.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM resources_overbookings WHERE \"ResolvedAt\" IS NULL AND \"WeekStart\" >= @p0", ThisMonday());
        Assert.True(everyone >= 2);
        Assert.Equal(everyone, (await fixture.Resources.OpenOverbookingsAsync(admin)).Total);
    }

    [Fact]
    public async Task OpenOverAllocations_AreRefusedToStaff()
    {
        var staff = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);

        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => fixture.Resources.OpenOverbookingsAsync(staff));
    }

    [Fact]
    public async Task Utilisation_OfAManager_CoversTheirTeamAndNamesTheMostAndLeastPlanned()
    {
        var (admin, project) = await ArrangeAsync();
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var busy = await fixture.Resources.AddPersonAsync(admin, new DateOnly(2026, 1, 5), manager: manager);
        var idle = await fixture.Resources.AddPersonAsync(admin, new DateOnly(2026, 1, 5), manager: manager);
        await fixture.Resources.AddPersonAsync(admin, new DateOnly(2026, 1, 5));
        Assert.True((await fixture.Resources.AllocateAsync(admin, busy, project, Monday, Sunday, hours: 30m)).Saved);

        var view = await fixture.Resources.UtilisationAsync(manager);

        Assert.Equal(2, view.People);
        Assert.Equal([(75m, 0m), (75m, 0m), (75m, 30m), (75m, 0m)], view.Weeks);
        Assert.Equal([busy], view.MostUsed);
        Assert.Equal([idle], view.LeastUsed);
    }

    [Fact]
    public async Task Utilisation_OfStaff_CoversOnlyThemselves()
    {
        var (admin, project) = await ArrangeAsync();
        var staff = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var me = await fixture.Resources.AddPersonAsync(admin, new DateOnly(2026, 1, 5), user: staff);
        var colleague = await fixture.Resources.AddPersonAsync(admin, new DateOnly(2026, 1, 5));
        Assert.True((await fixture.Resources.AllocateAsync(admin, me, project, Monday, Sunday, hours: 15m)).Saved);
        Assert.True((await fixture.Resources.AllocateAsync(admin, colleague, project, Monday, Sunday, hours: 30m)).Saved);

        var view = await fixture.Resources.UtilisationAsync(staff);

        Assert.Equal(1, view.People);
        Assert.Equal(15m, view.Weeks.Sum(w => w.Allocated));
        Assert.Empty(view.MostUsed.Concat(view.LeastUsed));
    }

    private async Task<(Person Admin, long Project)> ArrangeAsync()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);
        return (admin, await fixture.Resources.CreateProjectAsync(admin, customer.Id));
    }

    private static DateOnly ThisMonday()
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
        return today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteResourcesHostFixture fixture) : DashboardWidgetTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresResourcesHostFixture fixture) : DashboardWidgetTests(fixture);
}
