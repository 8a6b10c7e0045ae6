using CrmBlazor.Plugins.Upsell.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Upsell.IntegrationTests.Surfaces;

/// <summary>
/// Where account managers meet opportunities besides the pipeline: the customer tab shows the customer's open
/// and recently closed ones to its account manager and managers, none to another staff member (who is told so);
/// the dashboard widget shows the reader's new ones, best score first, with their count.
/// </summary>
public abstract class CustomerTabAndWidgetTests(UpsellHostFixture fixture)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Today);

    private UpsellPlugin Upsell => fixture.Upsell;

    [Fact]
    public async Task CustomerTab_AccountManager_SeesTheOpenOneAndTheDismissedOne()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var accountManager = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var customer = await BurntCustomerAsync(admin, accountManager, 57);
        await Upsell.EvaluateAsync();
        var first = Assert.Single(await Upsell.OpportunitiesOfAsync(customer));
        Assert.True((await Upsell.DismissAsync(accountManager, first.Id, "Not before spring", Today.AddDays(30), first.RowVersion)).Saved);
        await Upsell.EndSnoozeAsync(first.Id);
        await Upsell.EvaluateAsync();
        var second = (await Upsell.OpportunitiesOfAsync(customer)).Single(o => o.IsOpen);

        var (open, closed, seesAll) = await Upsell.CustomerTabAsync(accountManager, customer);

        Assert.Equal([second.Id], open);
        Assert.Equal([first.Id], closed);
        Assert.True(seesAll);
    }

    [Fact]
    public async Task CustomerTab_AnotherStaffMember_SeesNoneAndIsNotTheAccountManager_AManagerSeesIt()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var accountManager = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var other = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var customer = await BurntCustomerAsync(admin, accountManager, 57);
        await Upsell.EvaluateAsync();
        var opportunity = Assert.Single(await Upsell.OpportunitiesOfAsync(customer));

        var (open, closed, seesAll) = await Upsell.CustomerTabAsync(other, customer);
        var managers = await Upsell.CustomerTabAsync(manager, customer);

        Assert.Empty(open);
        Assert.Empty(closed);
        Assert.False(seesAll);
        Assert.Equal([opportunity.Id], managers.Open);
        Assert.True(managers.SeesAll);
    }

    [Fact]
    public async Task Widget_TheAccountManagersNewOnes_BestScoreFirst_NotThoseMovedOn_NoneForAnotherStaffMember()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var accountManager = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var other = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var lower = await BurntCustomerAsync(admin, accountManager, 56);
        var higher = await BurntCustomerAsync(admin, accountManager, 60);
        var contacted = await BurntCustomerAsync(admin, accountManager, 58);
        await Upsell.EvaluateAsync();
        var moved = Assert.Single(await Upsell.OpportunitiesOfAsync(contacted));
        Assert.True((await Upsell.MoveAsync(accountManager, moved.Id, "Contacted", moved.RowVersion)).Saved);

        var (best, count) = await Upsell.WidgetAsync(accountManager);
        var others = await Upsell.WidgetAsync(other);

        Assert.Equal([(await Upsell.OpportunitiesOfAsync(higher)).Single().Id, (await Upsell.OpportunitiesOfAsync(lower)).Single().Id], best);
        Assert.Equal(2, count);
        Assert.Empty(others.Best);
        Assert.Equal(0, others.Count);
    }

    [Fact]
    public async Task Widget_MoreThanShown_CountsThemAll()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var accountManager = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        for (var i = 0; i < 3; i++)
        {
            await BurntCustomerAsync(admin, accountManager, 55 + i);
        }

        await Upsell.EvaluateAsync();

        var (best, count) = await Upsell.WidgetAsync(accountManager, take: 2);
        Assert.Equal((2, 3), (best.Count, count));
    }

    private async Task<long> BurntCustomerAsync(Person admin, Person accountManager, int minutesOfAnHour)
    {
        var customer = (await new CustomerBuilder().ManagedBy(accountManager.Id).SaveAsync(fixture.Host)).Id;
        var project = await Upsell.CreateProjectAsync(admin, customer, budgetHours: 1m);
        await Upsell.LogTimeAsync(admin, project, Today, minutesOfAnHour);
        return customer;
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteUpsellHostFixture fixture) : CustomerTabAndWidgetTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresUpsellHostFixture fixture) : CustomerTabAndWidgetTests(fixture);
}
