using System.Globalization;
using CrmBlazor.Plugins.Upsell.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Plugins.Upsell.IntegrationTests.Evaluation;

/// <summary>
/// The evaluation with the companion-service rule on crafted customers. The rule's statistics run over every
/// customer of the shared database, so each test makes services of its own (unique names) that only its
/// customers buy: other tests' customers can only add to "all customers buying anything", which raises the
/// lift of the test's pair and changes neither its confidence nor the customers buying both. With the
/// defaults (confidence 50 %, lift 1.2, 5 customers): it fires at 5 of 10 and not at 5 of 11 or 4 of 8,
/// explains with the catalogue's names and the numbers, never opens a second opportunity, closes when the
/// customer starts buying the companion and opens a new one when that project is cancelled.
/// </summary>
public abstract class CompanionServiceEvaluationTests(UpsellHostFixture fixture)
{
    private const string Rule = "upsell.companion-service";

    private UpsellPlugin Upsell => fixture.Upsell;

    [Fact]
    public async Task CompanionService_FiveOfTenBuyersOfAAlsoBuyB_OpensOneForEachBuyerOfAWithoutB()
    {
        var market = await MarketAsync(bothBuyers: 5, onlyA: 5);

        await Upsell.EvaluateAsync();

        foreach (var customer in market.OnlyA)
        {
            var opportunity = Assert.Single(await Upsell.OpportunitiesOfAsync(customer), o => o.RuleId == Rule);
            Assert.Equal(("New", $"service:{market.B}", 50d, (decimal?)null), (opportunity.Stage, opportunity.SituationKey, opportunity.Score, opportunity.EstimatedValue));
        }

        foreach (var customer in market.Both)
        {
            Assert.DoesNotContain(await Upsell.OpportunitiesOfAsync(customer), o => o.RuleId == Rule);
        }
    }

    [Fact]
    public async Task CompanionService_FiveOfElevenBuyersOfA_OpensNothing()
    {
        var market = await MarketAsync(bothBuyers: 5, onlyA: 6);

        await Upsell.EvaluateAsync();

        foreach (var customer in market.OnlyA)
        {
            Assert.DoesNotContain(await Upsell.OpportunitiesOfAsync(customer), o => o.RuleId == Rule);
        }
    }

    [Fact]
    public async Task CompanionService_OnlyFourCustomersBuyBoth_OpensNothing()
    {
        var market = await MarketAsync(bothBuyers: 4, onlyA: 4);

        await Upsell.EvaluateAsync();

        foreach (var customer in market.OnlyA)
        {
            Assert.DoesNotContain(await Upsell.OpportunitiesOfAsync(customer), o => o.RuleId == Rule);
        }
    }

    [Fact]
    public async Task CompanionService_Explains_WithTheCatalogueNamesAndTheNumbers()
    {
        var market = await MarketAsync(bothBuyers: 5, onlyA: 5);

        await Upsell.EvaluateAsync();
        var buying = await CustomersBuyingAnythingAsync();

        var opportunity = Assert.Single(await Upsell.OpportunitiesOfAsync(market.OnlyA[0]), o => o.RuleId == Rule);
        var shown = await Upsell.ShowAsync(market.Manager, opportunity.Id);
        // Lift = 5 × all ÷ (10 × 5), cut to two decimals.
        var lift = (Math.Floor(buying * 100m / 10m) / 100m).ToString("#,0.##", CultureInfo.GetCultureInfo("en"));
        Assert.Equal($"Buys {market.AName} but not {market.BName}; 5 of 10 customers who buy {market.AName} also buy {market.BName} (50 %, lift {lift})", shown!.Reason);
        Assert.Equal(("Buys", market.AName, (string?)null), shown.Lines[0]);
        Assert.Equal(("Does not buy", market.BName, (string?)null), shown.Lines[1]);
        var georgian = await Upsell.ShowAsync(market.Manager, opportunity.Id, "ka");
        Assert.Contains(market.AName, georgian!.Reason, StringComparison.Ordinal);
        Assert.Contains(market.BName, georgian.Reason, StringComparison.Ordinal);
        Assert.Contains("10", georgian.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("customers", georgian.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluation_TwoRunsAtOnceAndAThird_KeepOneOpportunity()
    {
        var market = await MarketAsync(bothBuyers: 5, onlyA: 5);

        var runs = await Task.WhenAll(Upsell.EvaluateAsync(), Upsell.EvaluateAsync());
        await Upsell.EvaluateAsync();

        foreach (var customer in market.OnlyA)
        {
            Assert.Single(await Upsell.OpportunitiesOfAsync(customer), o => o.RuleId == Rule);
        }

        foreach (var run in runs)
        {
            var figures = await Upsell.RunAsync(run);
            Assert.True(figures.Finished);
            Assert.Null(figures.Error);
        }
    }

    [Fact]
    public async Task Evaluation_CustomerBuysTheCompanionThenCancelsIt_ClosesItAndOpensANewOne()
    {
        var market = await MarketAsync(bothBuyers: 5, onlyA: 5);
        var customer = market.OnlyA[0];
        await Upsell.EvaluateAsync();

        var hosting = await ProjectAsync(market.Admin, customer, market.B);
        await Upsell.EvaluateAsync();
        var resolved = Assert.Single(await Upsell.OpportunitiesOfAsync(customer), o => o.RuleId == Rule);
        Assert.Equal("Resolved", resolved.ClosedBecause);

        await Upsell.ChangeProjectStatusAsync(market.Admin, hosting, ProjectStatus.Cancelled);
        await Upsell.EvaluateAsync();
        var all = (await Upsell.OpportunitiesOfAsync(customer)).Where(o => o.RuleId == Rule).ToList();
        Assert.Equal([false, true], all.Select(o => o.IsOpen));
        Assert.Equal($"service:{market.B}", all[1].SituationKey);
    }

    /// <summary>
    /// Services A, B and C of the test's own; customers buying A and B, customers buying only A (managed by
    /// the test's account manager), and two buying only C, so that the lift of (A, B) reaches 1.2 even on an
    /// empty database.
    /// </summary>
    private async Task<Market> MarketAsync(int bothBuyers, int onlyA)
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var unique = Guid.NewGuid().ToString("N")[..8];
        var (aName, bName) = ("Web design " + unique, "Hosting " + unique);
        var a = await Upsell.CreateCatalogueServiceAsync(admin, aName);
        var b = await Upsell.CreateCatalogueServiceAsync(admin, bName);
        var c = await Upsell.CreateCatalogueServiceAsync(admin, "Bookkeeping " + unique);
        var both = new List<long>();
        for (var i = 0; i < bothBuyers; i++)
        {
            both.Add(await CustomerBuyingAsync(admin, null, a, b));
        }

        var only = new List<long>();
        for (var i = 0; i < onlyA; i++)
        {
            only.Add(await CustomerBuyingAsync(admin, manager, a));
        }

        await CustomerBuyingAsync(admin, null, c);
        await CustomerBuyingAsync(admin, null, c);
        return new Market(admin, manager, a, b, aName, bName, both, only);
    }

    private async Task<long> CustomerBuyingAsync(Person admin, Person? manager, params long[] services)
    {
        var builder = new CustomerBuilder();
        var customer = (manager is null ? await builder.SaveAsync(fixture.Host) : await builder.ManagedBy(manager.Id).SaveAsync(fixture.Host)).Id;
        foreach (var service in services)
        {
            await ProjectAsync(admin, customer, service);
        }

        return customer;
    }

    private async Task<long> ProjectAsync(Person admin, long customer, long service)
    {
        var project = await Upsell.CreateProjectAsync(admin, customer, budgetHours: null);
        await Upsell.SetServiceAndAllowanceAsync(admin, project, service, null);
        return project;
    }

    /// <summary>Customers of the shared database buying any service as the rule counts them (a project not cancelled, not ended before the window).</summary>
    private Task<int> CustomersBuyingAnythingAsync() => fixture.Host.InScopeAsync(async services =>
    {
        var since = DateOnly.FromDateTime(DateTime.Today).AddMonths(-24);
        var projects = await services.GetRequiredService<IProjectFacts>().ListAsync(new ProjectFactsQuery());
        return projects.Where(p => p.ServiceId is not null && p.Status != ProjectStatus.Cancelled && (p.EndDate is null || p.EndDate >= since))
            .Select(p => p.CustomerId).Distinct().Count();
    });

    private sealed record Market(Person Admin, Person Manager, long A, long B, string AName, string BName, List<long> Both, List<long> OnlyA);

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteUpsellHostFixture fixture) : CompanionServiceEvaluationTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresUpsellHostFixture fixture) : CompanionServiceEvaluationTests(fixture);
}
