using CrmBlazor.Plugins.Upsell.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Upsell.IntegrationTests.Evaluation;

/// <summary>
/// A rule another plugin adds through the SDK only (the fixture plugin's <c>fixture-alpha.many-notes</c>):
/// the evaluation runs it beside the plugin's own, and the pipeline shows its opportunity with the rule's
/// own explanation.
/// </summary>
public abstract class PluginRuleTests(UpsellHostFixture fixture)
{
    [Fact]
    public async Task FixtureRule_CustomerWithThreeNotes_ShowsInThePipelineWithItsOwnExplanation()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var customer = await new CustomerBuilder().ManagedBy(manager.Id).SaveAsync(fixture.Host);
        for (var n = 0; n < 3; n++)
        {
            await fixture.Upsell.AddFixtureNoteAsync(manager, customer.Id);
        }

        await fixture.Upsell.EvaluateAsync();

        var opportunity = Assert.Single(await fixture.Upsell.OpportunitiesOfAsync(customer.Id), o => o.RuleId == "fixture-alpha.many-notes");
        Assert.Contains(opportunity.Id, await fixture.Upsell.ListAsync(manager, "fixture-alpha.many-notes"));
        var shown = await fixture.Upsell.ShowAsync(manager, opportunity.Id);
        Assert.Equal(("Many fixture notes", "3 fixture notes, at least 3 make a customer worth a call"), (shown!.RuleName, shown.Reason));
        Assert.Equal(("Fixture notes", "3", (string?)null), Assert.Single(shown.Lines));
    }

    [Fact]
    public async Task FixtureRule_CustomerWithTwoNotes_OpensNothing()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var customer = await new CustomerBuilder().ManagedBy(manager.Id).SaveAsync(fixture.Host);
        await fixture.Upsell.AddFixtureNoteAsync(manager, customer.Id);
        await fixture.Upsell.AddFixtureNoteAsync(manager, customer.Id);

        await fixture.Upsell.EvaluateAsync();

        Assert.Empty(await fixture.Upsell.OpportunitiesOfAsync(customer.Id));
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteUpsellHostFixture fixture) : PluginRuleTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresUpsellHostFixture fixture) : PluginRuleTests(fixture);
}
