using CrmBlazor.Plugins.Upsell.Features.Rules;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Sdk.Surveys;
using CrmBlazor.Sdk.Upsell;
using static CrmBlazor.Plugins.Upsell.Tests.Rules.RuleFakes;

namespace CrmBlazor.Plugins.Upsell.Tests.Rules;

/// <summary>
/// The promoter-with-growing-use rule on crafted scores and monthly hours: calendar quarters, the NPS and
/// growth thresholds compared exactly, the hours needed in the quarter before, the age of the answer, the
/// hours of a customer's projects summed, and the reason in the reader's culture.
/// </summary>
public sealed class PromoterGrowingUseRuleTests
{
    // In the fourth quarter: the last complete quarter is July to September, the one before April to June.
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static readonly DateOnly Last = new(2026, 7, 1);
    private static readonly DateOnly Before = new(2026, 4, 1);

    [Theory]
    [InlineData(2026, 12, 7, 2026, 4, 2026, 7)]
    [InlineData(2026, 1, 1, 2025, 7, 2025, 10)]
    [InlineData(2026, 3, 31, 2025, 7, 2025, 10)]
    [InlineData(2026, 4, 1, 2025, 10, 2026, 1)]
    public void Quarters_AreTheTwoCompleteCalendarQuartersBeforeToday(int y, int m, int d, int beforeYear, int beforeMonth, int lastYear, int lastMonth)
    {
        var quarters = PromoterGrowingUseRule.Quarters.Of(new DateOnly(y, m, d));

        Assert.Equal((new DateOnly(beforeYear, beforeMonth, 1), new DateOnly(lastYear, lastMonth, 1)), (quarters.Before.Start, quarters.Last.Start));
    }

    [Theory]
    [InlineData(660, true)]
    [InlineData(659, false)]
    public async Task Evaluate_GrowthExactlyAtTheThresholdFires_AMinuteBelowDoesNot(int lastMinutes, bool fires)
    {
        var (rule, _, _) = Rule([Promoter(10, 9)], Month(1, 10, Before, 600), Month(1, 10, Last, lastMinutes));

        var hits = await rule.EvaluateAsync(Evaluation());

        Assert.Equal(fires, hits.Count == 1);
    }

    [Theory]
    [InlineData(9, true)]
    [InlineData(8, false)]
    public async Task Evaluate_NpsAtTheLowestFires_BelowDoesNot(int nps, bool fires)
    {
        var (rule, _, _) = Rule([Promoter(10, nps)], Month(1, 10, Before, 600), Month(1, 10, Last, 900));

        Assert.Equal(fires, (await rule.EvaluateAsync(Evaluation())).Count == 1);
    }

    [Fact]
    public async Task Evaluate_TooFewHoursTheQuarterBefore_IsNotGrowth()
    {
        var (rule, _, _) = Rule([Promoter(10, 10)], Month(1, 10, Before, 599), Month(1, 10, Last, 6000));

        Assert.Empty(await rule.EvaluateAsync(Evaluation()));
    }

    [Theory]
    [InlineData(2025, 12, 7, true)]
    [InlineData(2025, 12, 6, false)]
    public async Task Evaluate_AnAnswerOlderThanTheAge_DoesNotCount(int y, int m, int d, bool fires)
    {
        var (rule, _, _) = Rule([Promoter(10, 10, new DateTimeOffset(y, m, d, 23, 0, 0, TimeSpan.Zero))], Month(1, 10, Before, 600), Month(1, 10, Last, 900));

        Assert.Equal(fires, (await rule.EvaluateAsync(Evaluation())).Count == 1);
    }

    [Fact]
    public async Task Evaluate_SumsTheCustomersProjectsPerQuarter_IgnoresTheCurrentQuarter_AndAsksOnceForSixMonths()
    {
        var (rule, projects, scores) = Rule([Promoter(10, 10, surveyId: 4), Promoter(11, 10)],
            Month(1, 10, Before, 300), Month(2, 10, Before.AddMonths(2), 300), Month(1, 10, Last, 400), Month(2, 10, Last.AddMonths(2), 400),
            Month(3, 11, Before, 600), Month(3, 11, Last, 600), Month(3, 11, new DateOnly(2026, 10, 1), 6000));

        var hit = Assert.Single(await rule.EvaluateAsync(Evaluation()));

        Assert.Equal((10L, "nps:4:2026-03-03"), (hit.CustomerId, hit.SituationKey));
        Assert.Equal(("10", "13.33", "10", "33.33"), (hit.Evidence.Text("hours-before"), hit.Evidence.Text("hours"), hit.Evidence.Text("nps"), hit.Evidence.Text("growth")));
        Assert.Equal(66.67m, hit.Score);
        Assert.Null(hit.EstimatedValue);
        Assert.Equal((new DateOnly(2026, 4, 1), new DateOnly(2026, 9, 1)), (Assert.Single(projects.MonthlyQueries).FromMonth, projects.MonthlyQueries[0].ToMonth));
        Assert.Equal(1, scores.Calls);
    }

    [Fact]
    public async Task Evaluate_WithoutTheSurveysOrTheProjectsPlugin_FindsNothing()
    {
        var scores = new Scores(Promoter(10, 10));
        var projects = new FakeProjectFacts([], [Month(1, 10, Before, 600), Month(1, 10, Last, 900)]);

        Assert.Empty(await new PromoterGrowingUseRule(Services(projects, null), new UtcClock(), Localizer()).EvaluateAsync(Evaluation()));
        Assert.Empty(await new PromoterGrowingUseRule(Services(null, scores), new UtcClock(), Localizer()).EvaluateAsync(Evaluation()));
    }

    [Theory]
    [InlineData(9, 10, 50)]
    [InlineData(10, 35.29, 67.65)]
    [InlineData(10, 250, 100)]
    public void Score_FivePointsPerNpsPointAndHalfAPointPerPercent_AtMostAHundred(int nps, double growth, double score) =>
        Assert.Equal((decimal)score, PromoterGrowingUseRule.Score(nps, (decimal)growth));

    [Fact]
    public async Task Explain_InEnglish_HasTheNumbers_AndInTamilTheSameNumbers()
    {
        var (rule, _, _) = Rule([Promoter(10, 10)], Month(1, 10, Before, 34 * 60), Month(1, 10, Last, 46 * 60));
        var hit = Assert.Single(await rule.EvaluateAsync(Evaluation()));

        var english = InCulture("en", () => rule.Explain(hit.Evidence));
        var tamil = InCulture("ta", () => rule.Explain(hit.Evidence));

        Assert.Equal("NPS 10 on 3 March 2026; 46 h last quarter, up 35 % from 34 h", english.Reason);
        Assert.Equal(new UpsellEvidenceLine("Last quarter", "From July 2026 to September 2026"), english.Lines[2]);
        Assert.Equal(new UpsellEvidenceLine("Growth", "35 %"), english.Lines[5]);
        Assert.All(["10", "46", "35", "34", "2026"], n => Assert.Contains(n, tamil.Reason, StringComparison.Ordinal));
        Assert.DoesNotContain("last quarter", tamil.Reason, StringComparison.Ordinal);
    }

    private static UpsellEvaluation Evaluation() => new(Today, new Dictionary<string, decimal>
    {
        [PromoterGrowingUseRule.MinNpsKey] = 9m,
        [PromoterGrowingUseRule.ScoreAgeKey] = 12m,
        [PromoterGrowingUseRule.GrowthKey] = 10m,
        [PromoterGrowingUseRule.MinHoursKey] = 10m,
    });

    private static CustomerSurveyScores Promoter(long customer, int nps, DateTimeOffset? answeredAt = null, long surveyId = 1) =>
        new(customer, new SurveyScore(nps, answeredAt ?? new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero), surveyId), null);

    private static MonthlyHours Month(long project, long customer, DateOnly month, int minutes) => new(project, customer, month, minutes, minutes);

    private static (PromoterGrowingUseRule Rule, FakeProjectFacts Projects, Scores Scores) Rule(CustomerSurveyScores[] scores, params MonthlyHours[] months)
    {
        var (projects, surveys) = (new FakeProjectFacts([], months), new Scores(scores));
        return (new PromoterGrowingUseRule(Services(projects, surveys), new UtcClock(), Localizer()), projects, surveys);
    }
}
