using CrmBlazor.Plugins.Surveys.Features.Scoring;

namespace CrmBlazor.Plugins.Surveys.Tests.Features.Scoring;

/// <summary>NPS, CSAT, effort and distributions against cases worked out by hand.</summary>
public sealed class ScoresTests
{
    [Fact]
    public void Nps_OfMixedAnswers_IsPromotersMinusDetractorsInPercent()
    {
        // 10, 9, 9 promoters (3); 8, 7 passives (2); 6, 3, 0 detractors (3); 8 answers: (3 − 3) / 8 = 0.
        // Add two more promoters (10, 10): 5 promoters, 3 detractors of 10 = +20.
        var score = NpsScore.Of([10, 9, 9, 8, 7, 6, 3, 0, 10, 10]);

        Assert.Equal((10, 5, 2, 3), (score.Answers, score.Promoters, score.Passives, score.Detractors));
        Assert.Equal(20m, score.Score);
    }

    [Fact]
    public void Nps_WhereSixIsADetractorAndSevenIsNot_CountsTheBordersRight()
    {
        // 6 detractor, 7 and 8 passive, 9 promoter: (1 − 1) / 4 = 0; 6 and 6 and 9: (1 − 2) / 3 = −33.33…
        Assert.Equal(0m, NpsScore.Of([6, 7, 8, 9]).Score);
        Assert.Equal(-100m / 3m, NpsScore.Of([6, 6, 9]).Score);
    }

    [Fact]
    public void Nps_OfOnlyPromoters_IsPlusHundred()
    {
        Assert.Equal(100m, NpsScore.Of([9, 10, 10, 9]).Score);
    }

    [Fact]
    public void Nps_OfOnlyDetractors_IsMinusHundred()
    {
        Assert.Equal(-100m, NpsScore.Of([0, 1, 2, 3, 4, 5, 6]).Score);
    }

    [Fact]
    public void Nps_OfOnlyPassives_IsZero()
    {
        Assert.Equal(0m, NpsScore.Of([7, 8, 7]).Score);
    }

    [Fact]
    public void Nps_WithoutAnswers_HasNoScore()
    {
        var score = NpsScore.Of([]);

        Assert.Equal(0, score.Answers);
        Assert.Null(score.Score);
    }

    [Fact]
    public void Nps_FromCountsPerValue_MatchesTheScoreOfTheAnswers()
    {
        // Counts for 0..10 as a GROUP BY gives them: two 0s, one 7, three 10s.
        var fromCounts = NpsScore.FromCounts([2, 0, 0, 0, 0, 0, 0, 1, 0, 0, 3]);

        Assert.Equal(NpsScore.Of([0, 0, 7, 10, 10, 10]), fromCounts);
        Assert.Equal(100m / 6m, fromCounts.Score);
    }

    [Fact]
    public void Nps_OfAnAnswerOutsideTheScale_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NpsScore.Of([11]));
        Assert.Throws<ArgumentOutOfRangeException>(() => NpsScore.Of([-1]));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(6, true)]
    [InlineData(7, false)]
    [InlineData(10, false)]
    public void Nps_Detractor_IsAnAnswerFromZeroToSix(int answer, bool detractor)
    {
        Assert.Equal(detractor, NpsScore.IsDetractor(answer));
    }

    [Fact]
    public void Csat_IsTheShareOfFoursAndFives()
    {
        // 5, 4, 4 satisfied; 3, 2, 1 not; 3 of 6 = 50 %. One more 5: 4 of 7 = 57.142857…
        Assert.Equal(50m, CsatScore.Of([5, 4, 4, 3, 2, 1]).Score);
        Assert.Equal(400m / 7m, CsatScore.Of([5, 4, 4, 3, 2, 1, 5]).Score);
    }

    [Fact]
    public void Csat_OfOnlySatisfied_IsHundred_AndOfNone_IsZero()
    {
        Assert.Equal(100m, CsatScore.Of([4, 5, 5]).Score);
        Assert.Equal(0m, CsatScore.Of([1, 2, 3]).Score);
    }

    [Fact]
    public void Csat_WithoutAnswers_HasNoScore()
    {
        Assert.Null(CsatScore.Of([]).Score);
    }

    [Fact]
    public void Csat_OfAnAnswerOutsideOneToFive_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CsatScore.Of([0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => CsatScore.Of([6]));
    }

    [Fact]
    public void Effort_IsTheAverageAnswer()
    {
        // (1 + 2 + 7 + 4) / 4 = 3.5; (7 + 7 + 6) / 3 = 6.666…
        Assert.Equal(3.5m, EffortScore.Of([1, 2, 7, 4]).Average);
        Assert.Equal(20m / 3m, EffortScore.Of([7, 7, 6]).Average);
    }

    [Fact]
    public void Effort_WithoutAnswers_HasNoAverage()
    {
        Assert.Null(EffortScore.Of([]).Average);
    }

    [Fact]
    public void Effort_OfAnAnswerOutsideOneToSeven_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EffortScore.Of([8]));
    }

    [Fact]
    public void Distribution_ListsEveryValue_WithItsCountAndShare()
    {
        // On 1–5: two 5s, one 3, one 1 of 4 answers; 2 and 4 nobody gave.
        var distribution = Scale.Distribution([5, 3, 5, 1], 1, 5);

        Assert.Equal(
            [new ScaleCount(1, 1, 25m), new ScaleCount(2, 0, 0m), new ScaleCount(3, 1, 25m), new ScaleCount(4, 0, 0m), new ScaleCount(5, 2, 50m)],
            distribution);
    }

    [Fact]
    public void Distribution_WithoutAnswers_ListsEveryValueWithoutShares()
    {
        var distribution = Scale.Distribution([], 0, 10);

        Assert.Equal(11, distribution.Count);
        Assert.All(distribution, d => Assert.Equal((0, (decimal?)null), (d.Count, d.Percent)));
    }

    [Fact]
    public void Average_OfARating_AndOfNothing()
    {
        Assert.Equal(2.5m, Scale.Average([1, 2, 3, 4]));
        Assert.Null(Scale.Average([]));
    }
}
