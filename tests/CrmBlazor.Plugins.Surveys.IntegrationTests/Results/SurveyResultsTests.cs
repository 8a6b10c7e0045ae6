using CrmBlazor.Plugins.Surveys.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Surveys.IntegrationTests.Results;

/// <summary>
/// A survey's results counted in the real database against results worked out by hand: counts and
/// distributions per question, NPS and CSAT, the trend by month and by week, the anonymity threshold of
/// anonymous surveys, and who may see results.
/// </summary>
public abstract class SurveyResultsTests(SurveysHostFixture fixture)
{
    private SurveysPlugin Surveys => fixture.Surveys;

    private static readonly Dictionary<string, string> CsatText = new() { ["en"] = "How satisfied are you?" };

    [Fact]
    public async Task Results_CountEveryQuestion_AsWorkedOutByHand()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var (survey, nps, csat, channel, a, b, note) = await SeededAsync(manager, anonymous: false);

        var results = await Surveys.ResultsAsync(manager, survey);

        Assert.Equal((5, false), (results.Responses, results.Hidden));
        // NPS 10, 9, 3, 7, 0: two promoters, two detractors, one passive → (2 − 2) / 5 = 0; average 29 / 5.
        var npsResult = results.Of(nps);
        Assert.Equal((5, 0m, 5.8m), (npsResult.Answers, npsResult.Nps!.Value, npsResult.Average!.Value));
        Assert.Equal(11, npsResult.Scale.Count);
        Assert.Equal((1, 1, 1, 1, 1, 0), (npsResult.CountOf(0), npsResult.CountOf(3), npsResult.CountOf(7), npsResult.CountOf(9), npsResult.CountOf(10), npsResult.CountOf(5)));
        // CSAT 5, 4, 2, 3, 5: three of five satisfied → 60 %; average 19 / 5.
        var csatResult = results.Of(csat);
        Assert.Equal((5, 60m, 3.8m, 2), (csatResult.Answers, csatResult.Csat!.Value, csatResult.Average!.Value, csatResult.CountOf(5)));
        Assert.Null(csatResult.Nps);
        // The channel: A, B, A, (none), A.
        var channelResult = results.Of(channel);
        Assert.Equal(4, channelResult.Answers);
        Assert.Equal([(a, 3), (b, 1)], channelResult.Options);
        Assert.Equal(2, results.Of(note).TextAnswers);
    }

    [Fact]
    public async Task Trend_ByMonth_AndByWeek_GivesTheScoresOfEachPeriod()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var (survey, _, _, _, _, _, _) = await SeededAsync(manager, anonymous: false);

        var months = (await Surveys.ResultsAsync(manager, survey)).Trend;
        var weeks = (await Surveys.ResultsAsync(manager, survey, "Week")).Trend;

        // January: NPS 10, 9, 3 → (2 − 1) / 3; CSAT 5, 4, 2 → 2 / 3. February: NPS 7, 0 → −1 / 2; CSAT 3, 5 → 1 / 2.
        Assert.Equal([new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1)], months.Select(m => m.Start));
        Assert.Equal((3, 33.33m, 66.67m), (months[0].Responses, Math.Round(months[0].Nps!.Value, 2), Math.Round(months[0].Csat!.Value, 2)));
        Assert.Equal((2, -50m, 50m), (months[1].Responses, months[1].Nps!.Value, months[1].Csat!.Value));
        // Weeks from Monday: 5 January, 19 January (the 20th), 26 January (the 28th), 9 February (the 10th and 11th).
        Assert.Equal([new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 19), new DateOnly(2026, 1, 26), new DateOnly(2026, 2, 9)], weeks.Select(w => w.Start));
        Assert.Equal((2, -50m), (weeks[3].Responses, weeks[3].Nps!.Value));
        Assert.Equal(100m, weeks[0].Nps);
    }

    [Fact]
    public async Task AnonymousSurvey_BelowItsMinimumGroup_ShowsNothing_AndPeriodsBelowItAreHidden()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var survey = await Surveys.CreatedAsync(manager, input =>
        {
            input.IsAnonymous = true;
            input.MinimumGroupSize = 3;
        });
        var nps = await Surveys.AddedQuestionAsync(manager, survey.Id, "Nps");
        await Surveys.AnswerOnAsync(survey.Id, new DateOnly(2026, 3, 2), (nps, 10, null, null));
        await Surveys.AnswerOnAsync(survey.Id, new DateOnly(2026, 3, 3), (nps, 2, null, null));

        var two = await Surveys.ResultsAsync(manager, survey.Id);

        Assert.Equal((2, true), (two.Responses, two.Hidden));
        Assert.Empty(two.Questions);
        Assert.Empty(two.Trend);

        await Surveys.AnswerOnAsync(survey.Id, new DateOnly(2026, 3, 4), (nps, 9, null, null));
        await Surveys.AnswerOnAsync(survey.Id, new DateOnly(2026, 4, 1), (nps, 8, null, null));

        var four = await Surveys.ResultsAsync(manager, survey.Id);

        // 10, 2, 9, 8: two promoters, one detractor → 25. March has three answers, April one: April is hidden.
        Assert.Equal((4, false, 25m), (four.Responses, four.Hidden, four.Of(nps).Nps!.Value));
        Assert.Equal((3, false), (four.Trend[0].Responses, four.Trend[0].Hidden));
        Assert.Equal((1, true, (decimal?)null), (four.Trend[1].Responses, four.Trend[1].Hidden, four.Trend[1].Nps));
    }

    [Fact]
    public async Task NamedSurvey_ShowsResults_OfASingleAnswer()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var survey = await Surveys.CreatedAsync(manager);
        var nps = await Surveys.AddedQuestionAsync(manager, survey.Id, "Nps");

        var none = await Surveys.ResultsAsync(manager, survey.Id);
        await Surveys.AnswerOnAsync(survey.Id, new DateOnly(2026, 3, 2), (nps, 4, null, null));
        var one = await Surveys.ResultsAsync(manager, survey.Id);

        Assert.Equal((0, false, (decimal?)null), (none.Responses, none.Hidden, none.Of(nps).Nps));
        Assert.Empty(none.Trend);
        Assert.Equal((1, -100m), (one.Responses, one.Of(nps).Nps!.Value));
    }

    [Fact]
    public async Task Staff_SeesResults_AnAccountantIsRefused()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var staff = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var accountant = await Person.CreateAsync(fixture.Host, CrmRoles.Accountant);
        var (survey, _, _, _, _, _, _) = await SeededAsync(manager, anonymous: false);

        Assert.Equal(5, (await Surveys.ResultsAsync(staff, survey)).Responses);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Surveys.ResultsAsync(accountant, survey));
    }

    private async Task<(long Survey, long Nps, long Csat, long Channel, long A, long B, long Note)> SeededAsync(Person manager, bool anonymous)
    {
        var survey = await Surveys.CreatedAsync(manager, input => input.IsAnonymous = anonymous);
        var nps = await Surveys.AddedQuestionAsync(manager, survey.Id, "Nps");
        var csat = await Surveys.AddedQuestionAsync(manager, survey.Id, "Csat", CsatText);
        var channel = await Surveys.AddedQuestionAsync(manager, survey.Id, "SingleChoice", new Dictionary<string, string> { ["en"] = "How did you find us?" }, input =>
        {
            input.Options.Add(Surveys.Option("A colleague"));
            input.Options.Add(Surveys.Option("A search"));
        });
        var note = await Surveys.AddedQuestionAsync(manager, survey.Id, "LongText", new Dictionary<string, string> { ["en"] = "Anything else?" });
        var options = (await Surveys.DesignAsync(manager, survey.Id)).Of(channel).Options;
        var (a, b) = (options[0].Id, options[1].Id);

        await Surveys.AnswerOnAsync(survey.Id, new DateOnly(2026, 1, 5), (nps, 10, null, null), (csat, 5, null, null), (channel, null, a, null), (note, null, null, "=SUM(A1) \"quoted\", ok"));
        await Surveys.AnswerOnAsync(survey.Id, new DateOnly(2026, 1, 20), (nps, 9, null, null), (csat, 4, null, null), (channel, null, b, null));
        await Surveys.AnswerOnAsync(survey.Id, new DateOnly(2026, 1, 28), (nps, 3, null, null), (csat, 2, null, null), (channel, null, a, null), (note, null, null, "بہت اچھا"));
        await Surveys.AnswerOnAsync(survey.Id, new DateOnly(2026, 2, 10), (nps, 7, null, null), (csat, 3, null, null));
        await Surveys.AnswerOnAsync(survey.Id, new DateOnly(2026, 2, 11), (nps, 0, null, null), (csat, 5, null, null), (channel, null, a, null));
        return (survey.Id, nps, csat, channel, a, b, note);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteSurveysHostFixture fixture) : SurveyResultsTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresSurveysHostFixture fixture) : SurveyResultsTests(fixture);
}
