using CrmBlazor.Plugins.Upsell.Features.Rules;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Sdk.Upsell;
using static CrmBlazor.Plugins.Upsell.Tests.Rules.RuleFakes;

namespace CrmBlazor.Plugins.Upsell.Tests.Rules;

/// <summary>
/// The budget-burn rule on facts of crafted projects: the threshold compared exactly, one hit per customer
/// (the most burnt project), the value of the hours beyond the budget, and the reason in the reader's culture.
/// </summary>
public sealed class BudgetBurnRuleTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Theory]
    [InlineData(108, true)]
    [InlineData(107.99, false)]
    public async Task Evaluate_AtAndJustBelowTheThreshold_FiresOnlyAtIt(double logged, bool fires)
    {
        var rule = Rule(Project(1, customer: 10, budgetHours: 120m, loggedHours: (decimal)logged));

        var hits = await rule.EvaluateAsync(Evaluation(90m));

        Assert.Equal(fires, hits.Count == 1);
    }

    [Fact]
    public async Task Evaluate_ScoreIsThePercentageRoundedDown_AsTheReasonShowsIt()
    {
        var rule = Rule(Project(1, 10, 16m, 15m));

        var hit = Assert.Single(await rule.EvaluateAsync(Evaluation(90m)));

        Assert.Equal(93m, hit.Score);
        Assert.Contains("(93 %)", InCulture("en", () => rule.Explain(hit.Evidence)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_TwoProjectsOfACustomerOver_OneHitForTheMostBurnt()
    {
        var rule = Rule(Project(1, 10, 100m, 95m), Project(2, 10, 100m, 99m), Project(3, 11, 10m, 5m));

        var hit = Assert.Single(await rule.EvaluateAsync(Evaluation(90m)));

        Assert.Equal((10L, "project:2", 99m), (hit.CustomerId, hit.SituationKey, hit.Score));
    }

    [Fact]
    public async Task Evaluate_OverBudgetWithARate_ValuesTheHoursBeyondTheBudget()
    {
        var rule = Rule(Project(1, 10, 120m, 130m, rate: 85m));

        var hit = Assert.Single(await rule.EvaluateAsync(Evaluation(90m)));

        Assert.Equal((850m, "INR", 100m), (hit.EstimatedValue, hit.Currency, hit.Score));
    }

    [Theory]
    [InlineData("en", "Budget 120 h, 111 h logged (92 %) on Website relaunch; threshold 90 %")]
    [InlineData("en-IN", "Budget 1,20,000 h, 1,11,000 h logged (92 %) on Website relaunch; threshold 90 %")]
    public async Task Explain_TheReason_HasTheNumbersInTheReadersCulture(string culture, string expected)
    {
        var large = culture == "en-IN" ? 1000m : 1m;
        var rule = Rule(Project(1, 10, 120m * large, 111m * large, name: "Website relaunch"));
        var hit = Assert.Single(await rule.EvaluateAsync(Evaluation(90m)));

        var explanation = InCulture(culture, () => rule.Explain(hit.Evidence));

        Assert.Equal(expected, explanation.Reason);
        Assert.Equal(new UpsellEvidenceLine("Project", "Website relaunch", "/projects/1"), explanation.Lines[0]);
    }

    private static UpsellEvaluation Evaluation(decimal threshold) =>
        new(Today, new Dictionary<string, decimal> { [BudgetBurnRule.ThresholdKey] = threshold });

    private static ProjectFacts Project(long id, long customer, decimal budgetHours, decimal loggedHours, decimal? rate = null, string? name = null) =>
        new(id, customer, name ?? $"Project {id}", ProjectStatus.Active, BillingMode.TimeAndMaterials, "INR", null, null, null, rate,
            new ProjectBudget(budgetHours, null), new ProjectBurn(loggedHours, loggedHours, 0m, 0m, loggedHours * 100m / budgetHours, null), []);

    private static BudgetBurnRule Rule(params ProjectFacts[] projects)
    {
        return new BudgetBurnRule(Services(new FakeProjectFacts(projects)), Localizer());
    }
}
