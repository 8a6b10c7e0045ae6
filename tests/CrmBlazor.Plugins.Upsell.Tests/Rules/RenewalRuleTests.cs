using CrmBlazor.Plugins.Upsell.Features.Rules;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Sdk.Surveys;
using CrmBlazor.Sdk.Upsell;
using static CrmBlazor.Plugins.Upsell.Tests.Rules.RuleFakes;

namespace CrmBlazor.Plugins.Upsell.Tests.Rules;

/// <summary>
/// The renewal rule on crafted projects and scores: the window of days ahead (today and its last day
/// included), the lowest CSAT, the project ending soonest, the budget amount as the value, and the reason in
/// the reader's culture.
/// </summary>
public sealed class RenewalRuleTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(45, true)]
    [InlineData(46, false)]
    public async Task Evaluate_EndingFromTodayToTheLastDayAheadFires_OutsideDoesNot(int days, bool fires)
    {
        var rule = Rule([Project(1, 10, Today.AddDays(days))], Csat(10, 5));

        Assert.Equal(fires, (await rule.EvaluateAsync(Evaluation())).Count == 1);
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(3, false)]
    public async Task Evaluate_CsatAtTheLowestFires_BelowDoesNot(int csat, bool fires)
    {
        var rule = Rule([Project(1, 10, Today.AddDays(10))], Csat(10, csat));

        Assert.Equal(fires, (await rule.EvaluateAsync(Evaluation())).Count == 1);
    }

    [Fact]
    public async Task Evaluate_WithoutACsat_OrAProjectNotActive_OrWithoutAnEndDate_FindsNothing()
    {
        var rule = Rule(
            [Project(1, 10, Today.AddDays(10)), Project(2, 11, Today.AddDays(10), ProjectStatus.OnHold), Project(3, 12, null)],
            new CustomerSurveyScores(10, new SurveyScore(10, DateTimeOffset.UtcNow, 1), null), Csat(11, 5), Csat(12, 5));

        Assert.Empty(await rule.EvaluateAsync(Evaluation()));
    }

    [Fact]
    public async Task Evaluate_TwoProjectsEnding_OneHitForTheSoonest_ValuedAtItsBudgetAmount()
    {
        var rule = Rule([Project(1, 10, Today.AddDays(30), amount: 1000m), Project(2, 10, Today.AddDays(20), amount: 24000m), Project(3, 11, Today.AddDays(5))], Csat(10, 4), Csat(11, 5));

        var hits = await rule.EvaluateAsync(Evaluation());

        var first = Assert.Single(hits, h => h.CustomerId == 10);
        Assert.Equal(("project:2", 80m, 24000m, "INR"), (first.SituationKey, first.Score, first.EstimatedValue, first.Currency));
        var second = Assert.Single(hits, h => h.CustomerId == 11);
        Assert.Equal(("project:3", 100m, (decimal?)null, (string?)null), (second.SituationKey, second.Score, second.EstimatedValue, second.Currency));
    }

    [Fact]
    public async Task Evaluate_WithoutTheProjectsOrTheSurveysPlugin_FindsNothing()
    {
        var projects = new FakeProjectFacts([Project(1, 10, Today.AddDays(10))], []);
        var scores = new Scores(Csat(10, 5));

        Assert.Empty(await new RenewalRule(Services(projects, null), Localizer()).EvaluateAsync(Evaluation()));
        Assert.Empty(await new RenewalRule(Services(null, scores), Localizer()).EvaluateAsync(Evaluation()));
    }

    [Theory]
    [InlineData(44, "Website relaunch ends on 20 January 2027 (in 44 days); latest CSAT 5 of 5")]
    [InlineData(1, "Website relaunch ends on 8 December 2026 (tomorrow); latest CSAT 5 of 5")]
    [InlineData(0, "Website relaunch ends on 7 December 2026 (today); latest CSAT 5 of 5")]
    public async Task Explain_InEnglish_HasTheDayAndTheScore(int days, string expected)
    {
        var rule = Rule([Project(1, 10, Today.AddDays(days), name: "Website relaunch", amount: 12000m)], Csat(10, 5));
        var hit = Assert.Single(await rule.EvaluateAsync(Evaluation()));

        var explanation = InCulture("en", () => rule.Explain(hit.Evidence));

        Assert.Equal(expected, explanation.Reason);
        Assert.Equal(new UpsellEvidenceLine("Project", "Website relaunch", "/projects/1"), explanation.Lines[0]);
        Assert.Equal("Budget", explanation.Lines[^1].Label);
    }

    [Fact]
    public async Task Explain_InUrdu_HasTheNumbersAndNoEnglish()
    {
        var rule = Rule([Project(1, 10, Today.AddDays(44), name: "Website relaunch")], Csat(10, 5));
        var hit = Assert.Single(await rule.EvaluateAsync(Evaluation()));

        var urdu = InCulture("ur", () => rule.Explain(hit.Evidence));

        Assert.All(["Website relaunch", "44", "5", "2027"], n => Assert.Contains(n, urdu.Reason, StringComparison.Ordinal));
        Assert.DoesNotContain("ends on", urdu.Reason, StringComparison.Ordinal);
        Assert.Equal(4, urdu.Lines.Count);
    }

    private static UpsellEvaluation Evaluation() => new(Today, new Dictionary<string, decimal>
    {
        [RenewalRule.DaysAheadKey] = 45m,
        [RenewalRule.MinCsatKey] = 4m,
    });

    private static CustomerSurveyScores Csat(long customer, int csat) => new(customer, null, new SurveyScore(csat, DateTimeOffset.UtcNow, 1));

    private static ProjectFacts Project(long id, long customer, DateOnly? end, ProjectStatus status = ProjectStatus.Active, string? name = null, decimal? amount = null) =>
        new(id, customer, name ?? $"Project {id}", status, BillingMode.TimeAndMaterials, "INR", null, end, null, null,
            new ProjectBudget(null, amount), new ProjectBurn(0m, 0m, 0m, 0m, null, null), []);

    private static RenewalRule Rule(ProjectFacts[] projects, params CustomerSurveyScores[] scores) =>
        new(Services(new FakeProjectFacts(projects, []), new Scores(scores)), Localizer());
}
