using CrmBlazor.Plugins.Upsell.Features.Rules;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Sdk.Upsell;
using static CrmBlazor.Plugins.Upsell.Tests.Rules.RuleFakes;

namespace CrmBlazor.Plugins.Upsell.Tests.Rules;

/// <summary>
/// The retainer-overage rule on crafted retainers and months: N of the last M complete months over the
/// allowance (compared exactly, with the margin), the current month left out, one read of the months, one
/// hit per customer, the score and value, and the reason in the reader's culture.
/// </summary>
public sealed class RetainerOverageRuleTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static readonly DateOnly September = new(2026, 9, 1);

    [Theory]
    [InlineData(24, 20, 26.5, true)]
    [InlineData(24, 20, 20, false)]
    [InlineData(20, 20.0167, 20, false)]
    [InlineData(20.0167, 20.0167, 10, true)]
    public async Task Evaluate_TwoOfThreeMonthsBeyondTheAllowance_FiresOnlyThen(double september, double october, double november, bool fires)
    {
        var rule = Rule(out _, Retainer(1, 10, 20m), Months(1, 10, september, october, november));

        var hits = await rule.EvaluateAsync(Evaluation());

        Assert.Equal(fires, hits.Count == 1);
    }

    [Fact]
    public async Task Evaluate_TheCurrentMonth_NeverCountsAndTheWindowIsReadOnce()
    {
        var months = Months(1, 10, 24, 10, 10).Append(new MonthlyHours(1, 10, new DateOnly(2026, 12, 1), 30 * 60, 0)).ToList();
        var rule = Rule(out var facts, Retainer(1, 10, 20m), months);

        Assert.Empty(await rule.EvaluateAsync(Evaluation()));

        var query = Assert.Single(facts.MonthlyQueries);
        Assert.Equal((September, new DateOnly(2026, 11, 1), (long?)null), (query.FromMonth, query.ToMonth, query.CustomerId));
    }

    [Theory]
    [InlineData(22, false)]
    [InlineData(22.0167, true)]
    public async Task Evaluate_WithAMargin_AMonthMustGoBeyondTheAllowanceAndTheMargin(double hours, bool fires)
    {
        var rule = Rule(out _, Retainer(1, 10, 20m), Months(1, 10, hours, hours, 0));

        var hits = await rule.EvaluateAsync(Evaluation(margin: 10m));

        Assert.Equal(fires, hits.Count == 1);
    }

    [Fact]
    public async Task Evaluate_MoreMonthsOverThanTheWindowHas_NeedsEveryMonthOfIt()
    {
        var rule = Rule(out _, Retainer(1, 10, 20m), Months(1, 10, 0, 21, 21));

        Assert.Single(await rule.EvaluateAsync(Evaluation(monthsOver: 5m, window: 2m)));
    }

    [Fact]
    public async Task Evaluate_OverWithARate_ScoresHowOftenAndHowFarAndValuesTheAverageHoursBeyond()
    {
        var rule = Rule(out _, Retainer(1, 10, 20m, rate: 80m), Months(1, 10, 24, 20, 26.5));

        var hit = Assert.Single(await rule.EvaluateAsync(Evaluation()));

        // 2 of 3 months: 33.33; 5.25 h beyond on average of 20 h: 26.25 % → 13.13.
        Assert.Equal((10L, "project:1", 46.46m, 420m, "INR"), (hit.CustomerId, hit.SituationKey, hit.Score, hit.EstimatedValue, hit.Currency));
    }

    [Fact]
    public async Task Evaluate_TwoRetainersOfACustomerOver_OneHitForTheStrongest()
    {
        var months = Months(1, 10, 21, 21, 21).Concat(Months(2, 10, 30, 30, 30)).Concat(Months(3, 11, 21, 21, 0)).ToList();
        var rule = Rule(out _, [Retainer(1, 10, 20m), Retainer(2, 10, 20m), Retainer(3, 11, 20m), Retainer(4, 12, null)], months);

        var hits = await rule.EvaluateAsync(Evaluation());

        Assert.Equal([(10L, "project:2"), (11L, "project:3")], hits.Select(h => (h.CustomerId, h.SituationKey)).OrderBy(h => h.CustomerId));
    }

    [Theory]
    [InlineData("en", 0, "Allowance 20 h a month on Support retainer; over it in 2 of the last 3 months (24 h, 20 h, 26.5 h)")]
    [InlineData("en", 10, "Allowance 20 h a month on Support retainer; more than 10 % over it in 2 of the last 3 months (24 h, 20 h, 26.5 h)")]
    public async Task Explain_TheReason_HasTheAllowanceTheMonthsAndTheirHours(string culture, double margin, string expected)
    {
        var rule = Rule(out _, Retainer(1, 10, 20m, name: "Support retainer"), Months(1, 10, 24, 20, 26.5));
        var hit = Assert.Single(await rule.EvaluateAsync(Evaluation(margin: (decimal)margin)));

        var explanation = InCulture(culture, () => rule.Explain(hit.Evidence));

        Assert.Equal(expected, explanation.Reason);
        Assert.Equal(new UpsellEvidenceLine("Project", "Support retainer", "/projects/1"), explanation.Lines[0]);
        Assert.Equal(new UpsellEvidenceLine("November 2026", "26.5 h"), explanation.Lines[^1]);
    }

    [Fact]
    public async Task Explain_InGujarati_HasTheNumbersAndTheProject()
    {
        var rule = Rule(out _, Retainer(1, 10, 20m, name: "સપોર્ટ"), Months(1, 10, 24, 20, 26.5));
        var hit = Assert.Single(await rule.EvaluateAsync(Evaluation()));

        var reason = InCulture("gu", () => rule.Explain(hit.Evidence)).Reason;

        Assert.Contains("સપોર્ટ", reason, StringComparison.Ordinal);
        Assert.Contains("26.5", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Allowance", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_WithoutTheProjectsPlugin_FindsNothing()
    {
        var rule = new RetainerOverageRule(Services(null), Localizer());

        Assert.Empty(await rule.EvaluateAsync(Evaluation()));
    }

    private static UpsellEvaluation Evaluation(decimal monthsOver = 2m, decimal window = 3m, decimal margin = 0m) =>
        new(Today, new Dictionary<string, decimal>
        {
            [RetainerOverageRule.MonthsOverKey] = monthsOver,
            [RetainerOverageRule.WindowKey] = window,
            [RetainerOverageRule.MarginKey] = margin,
        });

    private static List<MonthlyHours> Months(long project, long customer, params double[] hours) =>
        [.. hours.Select((h, i) => new MonthlyHours(project, customer, September.AddMonths(i), (int)Math.Round(h * 60), 0)).Where(m => m.Minutes > 0)];

    private static ProjectFacts Retainer(long id, long customer, decimal? allowance, decimal? rate = null, string? name = null) =>
        new(id, customer, name ?? $"Retainer {id}", ProjectStatus.Active, BillingMode.TimeAndMaterials, "INR", null, null, null, rate,
            new ProjectBudget(null, null), new ProjectBurn(0m, 0m, 0m, 0m, null, null), [])
        {
            MonthlyAllowanceHours = allowance,
        };

    private static RetainerOverageRule Rule(out FakeProjectFacts facts, ProjectFacts project, IReadOnlyList<MonthlyHours> months) => Rule(out facts, [project], months);

    private static RetainerOverageRule Rule(out FakeProjectFacts facts, ProjectFacts[] projects, IReadOnlyList<MonthlyHours> months)
    {
        facts = new FakeProjectFacts(projects, months);
        return new RetainerOverageRule(Services(facts), Localizer());
    }
}
