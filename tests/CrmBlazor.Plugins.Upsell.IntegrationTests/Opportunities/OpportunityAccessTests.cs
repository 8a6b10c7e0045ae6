using CrmBlazor.Plugins.Upsell.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Upsell.IntegrationTests.Opportunities;

/// <summary>
/// Who sees and works which opportunity, checked on the server: the customer's account manager and a manager
/// do, another account manager neither sees nor changes it; a stale form conflicts; bad input is refused
/// with the field's message and nothing saved.
/// </summary>
public abstract class OpportunityAccessTests(UpsellHostFixture fixture)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Today);

    private UpsellPlugin Upsell => fixture.Upsell;

    [Fact]
    public async Task Opportunity_AnotherAccountManager_NeitherSeesNorMovesIt()
    {
        var (_, _, opportunity) = await ArrangeAsync();
        var other = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);

        Assert.Null(await Upsell.ShowAsync(other, opportunity.Id));
        Assert.DoesNotContain(opportunity.Id, await Upsell.ListAsync(other));
        var moved = await Upsell.MoveAsync(other, opportunity.Id, "Contacted", opportunity.RowVersion);

        Assert.Equal("Forbidden", moved.Status);
        Assert.Equal("New", (await Upsell.OpportunitiesOfAsync(opportunity.CustomerId)).Single().Stage);
    }

    [Fact]
    public async Task Opportunity_AManager_SeesAndMovesEveryOne()
    {
        var (_, _, opportunity) = await ArrangeAsync();
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);

        Assert.NotNull(await Upsell.ShowAsync(manager, opportunity.Id));
        Assert.True((await Upsell.MoveAsync(manager, opportunity.Id, "Proposal", opportunity.RowVersion)).Saved);
    }

    [Fact]
    public async Task Move_WithAStaleVersion_ConflictsAndSavesNothing()
    {
        var (_, accountManager, opportunity) = await ArrangeAsync();
        Assert.True((await Upsell.MoveAsync(accountManager, opportunity.Id, "Contacted", opportunity.RowVersion)).Saved);

        var stale = await Upsell.MoveAsync(accountManager, opportunity.Id, "Lost", opportunity.RowVersion);

        Assert.Equal("Conflict", stale.Status);
        Assert.Equal("Contacted", (await Upsell.OpportunitiesOfAsync(opportunity.CustomerId)).Single().Stage);
    }

    [Fact]
    public async Task Dismiss_WithoutAReasonOrWithASnoozeInThePast_IsRefusedWithTheFieldsMessages()
    {
        var (_, accountManager, opportunity) = await ArrangeAsync();

        var noReason = await Upsell.DismissAsync(accountManager, opportunity.Id, " ", null, opportunity.RowVersion);
        var past = await Upsell.DismissAsync(accountManager, opportunity.Id, "Not now", Today, opportunity.RowVersion);

        Assert.Equal(("Invalid", "Say why the opportunity is dismissed."), (noReason.Status, noReason.Message));
        Assert.Equal(("Invalid", "Snooze until a day after today, or leave it empty to dismiss for good."), (past.Status, past.Message));
        Assert.True((await Upsell.OpportunitiesOfAsync(opportunity.CustomerId)).Single().IsOpen);
    }

    [Fact]
    public async Task Edit_AccountManagerGivingItToSomeoneElse_IsRefused_TheirOwnValueIsKeptByTheEvaluation()
    {
        var (_, accountManager, opportunity) = await ArrangeAsync();
        var other = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);

        var given = await Upsell.EditAsync(accountManager, opportunity.Id, other.Id, null, null, opportunity.RowVersion);
        var valued = await Upsell.EditAsync(accountManager, opportunity.Id, accountManager.Id, 5000m, "EUR", opportunity.RowVersion);
        await Upsell.EvaluateAsync();

        Assert.Equal(("Invalid", "Only a manager gives an opportunity to someone else."), (given.Status, given.Message));
        Assert.True(valued.Saved);
        var stored = (await Upsell.OpportunitiesOfAsync(opportunity.CustomerId)).Single();
        Assert.Equal((5000m, "EUR", true), (stored.EstimatedValue, stored.Currency, stored.IsOpen));
    }

    private async Task<(Person Admin, Person AccountManager, StoredOpportunity Opportunity)> ArrangeAsync()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var accountManager = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var customer = await new CustomerBuilder().ManagedBy(accountManager.Id).SaveAsync(fixture.Host);
        var project = await Upsell.CreateProjectAsync(admin, customer.Id, budgetHours: 10m);
        await Upsell.LogTimeAsync(admin, project, Today, 570);
        await Upsell.EvaluateAsync();
        return (admin, accountManager, (await Upsell.OpportunitiesOfAsync(customer.Id)).Single());
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteUpsellHostFixture fixture) : OpportunityAccessTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresUpsellHostFixture fixture) : OpportunityAccessTests(fixture);
}
