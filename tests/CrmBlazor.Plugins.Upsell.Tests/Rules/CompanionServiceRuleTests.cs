using System.Globalization;
using CrmBlazor.Plugins.Upsell.Features.Rules;
using CrmBlazor.Sdk.Catalogue;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Sdk.Upsell;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Plugins.Upsell.Tests.Rules;

/// <summary>
/// The companion-service rule on crafted customers and services: support, confidence and lift as the issue
/// defines them, the thresholds compared exactly, one hit per customer (its best pair), what counts as
/// buying a service, and the reason with the catalogue's names.
/// </summary>
public sealed class CompanionServiceRuleTests
{
    private const long WebDesign = 1, Hosting = 2, Bookkeeping = 3;
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Fact]
    public void Pair_FiveOfTenBuyersOfAAlsoBuyBOfTwelve_HasTheIssuesArithmetic()
    {
        var pairs = ServicePairs.Count(Baskets(Times(5, WebDesign, Hosting), Times(5, WebDesign), Times(2, Bookkeeping)));

        var pair = pairs.Pair(WebDesign, Hosting);

        Assert.Equal((5, 10, 5, 12), (pair.Both, pair.BuyersOfA, pair.BuyersOfB, pair.Customers));
        Assert.Equal(50m, pair.ConfidencePercent);
        Assert.Equal(1.2m, pair.Lift);
        Assert.Equal(Math.Round(500m / 12m, 4), Math.Round(pair.SupportPercent, 4));
        Assert.Equal((100m, 1.2m), (pairs.Pair(Hosting, WebDesign).ConfidencePercent, pairs.Pair(Hosting, WebDesign).Lift));
    }

    [Theory]
    [InlineData(50, 1.2, 5, true)]
    [InlineData(50.01, 1.2, 5, false)]
    [InlineData(50, 1.21, 5, false)]
    [InlineData(50, 1.2, 6, false)]
    public void Meets_ExactlyAtEveryThreshold_AndNotBeyond(double confidence, double lift, int customers, bool meets)
    {
        var pair = new ServicePair(WebDesign, Hosting, Both: 5, BuyersOfA: 10, BuyersOfB: 5, Customers: 12);

        Assert.Equal(meets, pair.Meets(new PairThresholds((decimal)confidence, (decimal)lift, customers)));
    }

    [Fact]
    public async Task Evaluate_AtTheThresholds_FiresForEveryBuyerOfAWithoutB()
    {
        var (rule, customers) = Rule(Times(5, WebDesign, Hosting), Times(5, WebDesign), Times(2, Bookkeeping));

        var hits = await rule.EvaluateAsync(Evaluation());

        Assert.Equal(customers.Skip(5).Take(5), hits.Select(h => h.CustomerId).Order());
        Assert.All(hits, h => Assert.Equal(("service:2", 50m, (decimal?)null), (h.SituationKey, h.Score, h.EstimatedValue)));
    }

    [Fact]
    public async Task Evaluate_LiftJustBelow_FiresNothing()
    {
        // 11 customers buying anything: lift 5 × 11 ÷ (10 × 5) = 1.1.
        var (rule, _) = Rule(Times(5, WebDesign, Hosting), Times(5, WebDesign), Times(1, Bookkeeping));

        Assert.Empty(await rule.EvaluateAsync(Evaluation()));
    }

    [Fact]
    public async Task Evaluate_FourCustomersBuyingBoth_FiresNothing()
    {
        var (rule, _) = Rule(Times(4, WebDesign, Hosting), Times(4, WebDesign), Times(10, Bookkeeping));

        Assert.Empty(await rule.EvaluateAsync(Evaluation()));
    }

    [Fact]
    public async Task Evaluate_ARetiredCompanion_IsNotOffered()
    {
        var (rule, _) = Rule([Times(5, WebDesign, Hosting), Times(5, WebDesign), Times(2, Bookkeeping)], retired: Hosting);

        Assert.Empty(await rule.EvaluateAsync(Evaluation()));
    }

    [Fact]
    public async Task Evaluate_CancelledAndLongEndedProjects_DoNotCountAsBuying()
    {
        // Customers 100 to 104 buy both; the Hosting of 100 and 101 is cancelled, that of 102 ended 25 months ago.
        var (rule, _) = Rule(
            [Times(5, WebDesign, Hosting), Times(5, WebDesign), Times(2, Bookkeeping)],
            adjust: p => p.ServiceId == Hosting && p.CustomerId <= 102
                ? p with { Status = p.CustomerId <= 101 ? ProjectStatus.Cancelled : ProjectStatus.Completed, EndDate = Today.AddMonths(-25) }
                : p);

        Assert.Empty(await rule.EvaluateAsync(Evaluation()));
    }

    [Fact]
    public async Task Evaluate_TwoCompanionsMissing_OneHitForTheMoreConfident()
    {
        // Buyers of Web design: 10. Hosting: 6 of them; Bookkeeping: 8 of them. Others: 10 buying Payroll only.
        var (rule, customers) = Rule(Times(6, WebDesign, Hosting, Bookkeeping), Times(2, WebDesign, Bookkeeping), Times(2, WebDesign), Times(10, 4));

        var hits = await rule.EvaluateAsync(Evaluation());

        var last = customers.Skip(8).Take(2).ToList();
        Assert.Equal(last.Select(c => (c, "service:3")), hits.Where(h => last.Contains(h.CustomerId)).Select(h => (h.CustomerId, h.SituationKey)));
        Assert.Equal(4, hits.Count);
    }

    [Fact]
    public async Task Explain_TheReason_HasTheNamesAndNumbers()
    {
        var (rule, _) = Rule(Times(5, WebDesign, Hosting), Times(5, WebDesign), Times(2, Bookkeeping));
        var hit = (await rule.EvaluateAsync(Evaluation()))[0];

        var explanation = RuleFakes.InCulture("en", () => rule.Explain(hit.Evidence));

        Assert.Equal("Buys Web design but not Hosting; 5 of 10 customers who buy Web design also buy Hosting (50 %, lift 1.2)", explanation.Reason);
        Assert.Equal(new UpsellEvidenceLine("Buys", "Web design"), explanation.Lines[0]);
        Assert.Equal(new UpsellEvidenceLine("Does not buy", "Hosting"), explanation.Lines[1]);
    }

    [Fact]
    public async Task Explain_InUrdu_HasTheNamesAndNumbers()
    {
        var (rule, _) = Rule(Times(5, WebDesign, Hosting), Times(5, WebDesign), Times(2, Bookkeeping));
        var hit = (await rule.EvaluateAsync(Evaluation()))[0];

        var reason = RuleFakes.InCulture("ur", () => rule.Explain(hit.Evidence)).Reason;

        Assert.Contains("Web design", reason, StringComparison.Ordinal);
        Assert.Contains("Hosting", reason, StringComparison.Ordinal);
        Assert.Contains("1.2", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("customers", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.199999, "1.19")]
    [InlineData(1.6, "1.6")]
    [InlineData(2, "2")]
    public void LiftText_IsCutNotRounded(double lift, string expected) =>
        Assert.Equal(expected, CompanionServiceRule.LiftText((decimal)lift, CultureInfo.InvariantCulture));

    private static UpsellEvaluation Evaluation() => new(Today, new Dictionary<string, decimal>
    {
        [CompanionServiceRule.WindowKey] = 24m,
        [CompanionServiceRule.MinConfidenceKey] = 50m,
        [CompanionServiceRule.MinLiftKey] = 1.2m,
        [CompanionServiceRule.MinCustomersKey] = 5m,
    });

    private static long[][] Times(int customers, params long[] services) => [.. Enumerable.Repeat(services, customers)];

    private static Dictionary<long, HashSet<long>> Baskets(params long[][][] groups) =>
        groups.SelectMany(g => g).Select((services, i) => (Customer: 100L + i, services)).ToDictionary(x => x.Customer, x => x.services.ToHashSet());

    private static (CompanionServiceRule Rule, List<long> Customers) Rule(params long[][][] groups) => Rule(groups, retired: null);

    private static (CompanionServiceRule Rule, List<long> Customers) Rule(long[][][] groups, long? retired = null, Func<ProjectFacts, ProjectFacts>? adjust = null)
    {
        var id = 0L;
        var baskets = Baskets(groups);
        var projects = baskets.SelectMany(b => b.Value.Select(service => new ProjectFacts(++id, b.Key, $"Project {id}", ProjectStatus.Active, BillingMode.TimeAndMaterials, "INR",
                null, null, null, null, new ProjectBudget(null, null), new ProjectBurn(0m, 0m, 0m, 0m, null, null), [])
            {
                ServiceId = service,
            }))
            .Select(adjust ?? (p => p))
            .ToList();
        var catalogue = new FakeCatalogue(
            new CatalogueService(WebDesign, "Web design", null, null, null, false),
            new CatalogueService(Hosting, "Hosting", null, null, null, retired == Hosting),
            new CatalogueService(Bookkeeping, "Bookkeeping", null, null, null, false),
            new CatalogueService(4, "Payroll", null, null, null, false));
        var services = new ServiceCollection().AddSingleton<IProjectFacts>(new FakeProjectFacts(projects)).AddSingleton<IServiceCatalogue>(catalogue).BuildServiceProvider();
        return (new CompanionServiceRule(services, RuleFakes.Localizer()), [.. baskets.Keys.Order()]);
    }
}
