using CrmBlazor.Host.Features.Segments;
using CrmBlazor.Plugins.Surveys.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Plugins.Surveys.IntegrationTests.Results;

/// <summary>
/// A survey's results narrowed to one customer or to a segment's customers, the response rate of the
/// invitations, the scores per customer and the texts, against figures worked out by hand; and an anonymous
/// survey, whose answers no filter may narrow, refused by the service.
/// </summary>
public abstract class SurveyResultsFilterTests(SurveysHostFixture fixture)
{
    private SurveysPlugin Surveys => fixture.Surveys;

    [Fact]
    public async Task Results_OfTheWholeSurvey_OfOneCustomer_AndOfASegment_AsWorkedOutByHand()
    {
        var seeded = await SeededAsync(anonymous: false);

        var all = await Surveys.ResultsAsync(seeded.Manager, seeded.Survey);
        var ofA = await Surveys.ResultsAsync(seeded.Manager, seeded.Survey, customerId: seeded.A);
        var ofC = await Surveys.ResultsAsync(seeded.Manager, seeded.Survey, customerId: seeded.C);
        var ofSegment = await Surveys.ResultsAsync(seeded.Manager, seeded.Survey, segmentId: seeded.Segment);

        // All: NPS 10, 3, 9, 6 → (2 − 2) / 4 = 0; CSAT 5, 2, 4, 1 → 2 / 4 = 50 %; 5 invitations, 4 answered.
        Assert.Equal((4, 0m, 50m), (all.Responses, all.Of(seeded.Nps).Nps!.Value, all.Of(seeded.Csat).Csat!.Value));
        Assert.Equal((5, 4, 80m), (all.Sent, all.Answered, all.Rate!.Value));
        // A: NPS 10, 3 → 0; CSAT 5, 2 → 50 %; both invitations answered.
        Assert.Equal((2, 0m, 50m, 6.5m), (ofA.Responses, ofA.Of(seeded.Nps).Nps!.Value, ofA.Of(seeded.Csat).Csat!.Value, ofA.Of(seeded.Nps).Average!.Value));
        Assert.Equal((2, 2, 100m), (ofA.Sent, ofA.Answered, ofA.Rate!.Value));
        Assert.Equal(1, ofA.Of(seeded.Note).TextAnswers);
        // C: NPS 6 → −100; CSAT 1 → 0 %; one of two invitations answered.
        Assert.Equal((1, -100m, 0m), (ofC.Responses, ofC.Of(seeded.Nps).Nps!.Value, ofC.Of(seeded.Csat).Csat!.Value));
        Assert.Equal((2, 1, 50m), (ofC.Sent, ofC.Answered, ofC.Rate!.Value));
        // The segment (A and B): NPS 10, 3, 9 → (2 − 1) / 3; CSAT 5, 2, 4 → 2 / 3; three invitations, all answered.
        Assert.Equal((3, 33.33m, 66.67m), (ofSegment.Responses, Math.Round(ofSegment.Of(seeded.Nps).Nps!.Value, 2), Math.Round(ofSegment.Of(seeded.Csat).Csat!.Value, 2)));
        Assert.Equal((3, 3), (ofSegment.Sent, ofSegment.Answered));
        Assert.Equal([3], ofSegment.Trend.Select(t => t.Responses));
    }

    [Fact]
    public async Task ScoresPerCustomer_MostResponsesFirst_AndNarrowedByTheSegment()
    {
        var seeded = await SeededAsync(anonymous: false);

        var (rows, total) = await Surveys.CustomerScoresAsync(seeded.Manager, seeded.Survey);
        var (firstPage, _) = await Surveys.CustomerScoresAsync(seeded.Manager, seeded.Survey, pageSize: 1);
        var (inSegment, segmentTotal) = await Surveys.CustomerScoresAsync(seeded.Manager, seeded.Survey, segmentId: seeded.Segment);

        Assert.Equal(3, total);
        Assert.Equal(
        [
            new CustomerScores(seeded.A, 2, 0m, 50m),
            new CustomerScores(seeded.B, 1, 100m, 100m),
            new CustomerScores(seeded.C, 1, -100m, 0m),
        ], rows);
        Assert.Equal([seeded.A], firstPage.Select(r => r.CustomerId));
        Assert.Equal(2, segmentTotal);
        Assert.Equal([seeded.A, seeded.B], inSegment.Select(r => r.CustomerId));
    }

    [Fact]
    public async Task Texts_ArePaged_NewestFirst_AsWritten_AndNarrowedByCustomer()
    {
        var seeded = await SeededAsync(anonymous: false);

        var all = await Surveys.TextsAsync(seeded.Manager, seeded.Survey, seeded.Note);
        var firstOfOne = await Surveys.TextsAsync(seeded.Manager, seeded.Survey, seeded.Note, pageSize: 1);
        var ofB = await Surveys.TextsAsync(seeded.Manager, seeded.Survey, seeded.Note, customerId: seeded.B);

        Assert.Equal((2, false), (all.Total, all.Hidden));
        Assert.Equal(["<script>alert(1)</script>", "بہت اچھا، شکریہ"], all.Texts.Order(StringComparer.Ordinal));
        Assert.Equal((1, 2), (firstOfOne.Texts.Count, firstOfOne.Total));
        Assert.Equal((0, false), (ofB.Total, ofB.Hidden));
    }

    [Fact]
    public async Task AnAnonymousSurvey_RefusesEveryFilter_EvenAboveItsMinimumGroup()
    {
        var seeded = await SeededAsync(anonymous: true);

        var all = await Surveys.ResultsAsync(seeded.Manager, seeded.Survey);
        var ofA = await Surveys.ResultsAsync(seeded.Manager, seeded.Survey, customerId: seeded.A);
        var ofSegment = await Surveys.ResultsAsync(seeded.Manager, seeded.Survey, segmentId: seeded.Segment);
        var texts = await Surveys.TextsAsync(seeded.Manager, seeded.Survey, seeded.Note);
        var textsOfA = await Surveys.TextsAsync(seeded.Manager, seeded.Survey, seeded.Note, customerId: seeded.A);
        var (perCustomer, customers) = await Surveys.CustomerScoresAsync(seeded.Manager, seeded.Survey);

        // Four answers, the smallest group is three: the whole survey is shown, with the rate of its invitations.
        Assert.Equal((4, false, false, 0m), (all.Responses, all.Hidden, all.FilterRefused, all.Of(seeded.Nps).Nps!.Value));
        Assert.Equal((5, 4), (all.Sent, all.Answered));
        Assert.Equal((2, false), (texts.Total, texts.Hidden));
        foreach (var refused in new[] { ofA, ofSegment })
        {
            Assert.Equal((true, true), (refused.FilterRefused, refused.Hidden));
            Assert.Empty(refused.Questions);
            Assert.Empty(refused.Trend);
            Assert.Equal(0, refused.Sent);
        }

        Assert.Equal((true, 0), (textsOfA.Hidden, textsOfA.Texts.Count));
        Assert.Equal((0, 0), (perCustomer.Count, customers));
    }

    [Fact]
    public async Task AnAnonymousSurvey_BelowItsMinimumGroup_WithholdsItsTexts()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var survey = await Surveys.CreatedAsync(manager, input =>
        {
            input.IsAnonymous = true;
            input.MinimumGroupSize = 3;
        });
        var note = await Surveys.AddedQuestionAsync(manager, survey.Id, "LongText", new Dictionary<string, string> { ["en"] = "Anything else?" });
        await Surveys.AnswerOnAsync(survey.Id, new DateOnly(2026, 3, 2), (note, null, null, "Only I wrote this"));

        var texts = await Surveys.TextsAsync(manager, survey.Id, note);

        Assert.Equal((true, 0, 0), (texts.Hidden, texts.Total, texts.Texts.Count));
    }

    private sealed record Seeded(Person Manager, long Survey, long Nps, long Csat, long Note, long A, long B, long C, long Segment);

    // Customers A (two contacts, both answer), B (one contact, answers) and C (two contacts, one answers);
    // a segment holding A and B (their names share a word C's does not).
    private async Task<Seeded> SeededAsync(bool anonymous)
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var word = "Kaveri" + Guid.NewGuid().ToString("N")[..8];
        var a = await new CustomerBuilder().Named($"{word} Textiles").WithContact("Anbu", "anbu@textiles.test").WithContact("Aruna", "aruna@textiles.test").SaveAsync(fixture.Host);
        var b = await new CustomerBuilder().Named($"{word} Spices").WithContact("Bharath", "bharath@spices.test").SaveAsync(fixture.Host);
        var c = await new CustomerBuilder().Named("Godavari " + Guid.NewGuid().ToString("N")[..8]).WithContact("Chitra", "chitra@godavari.test").WithContact("Chandran", "chandran@godavari.test").SaveAsync(fixture.Host);
        var segment = await fixture.Host.AsUserAsync(manager.User, async services =>
        {
            var definition = new SegmentDefinition();
            definition.Rules.Add(new SegmentRule { Field = SegmentFields.Name, Operator = SegmentOperator.Contains, Value = word });
            var result = await services.GetRequiredService<SegmentService>().CreateAsync(new SegmentInput { Name = "Segment " + word, Definition = definition });
            Assert.True(result.Succeeded, string.Join(" ", result.Messages));
            return result.Id!.Value;
        });

        var survey = await Surveys.CreatedAsync(manager, input =>
        {
            input.IsAnonymous = anonymous;
            input.MinimumGroupSize = 3;
        });
        var nps = await Surveys.AddedQuestionAsync(manager, survey.Id, "Nps");
        var csat = await Surveys.AddedQuestionAsync(manager, survey.Id, "Csat", new Dictionary<string, string> { ["en"] = "How satisfied are you?" });
        var note = await Surveys.AddedQuestionAsync(manager, survey.Id, "LongText", new Dictionary<string, string> { ["en"] = "Anything else?" }, input => input.IsRequired = false);
        Assert.True((await Surveys.OpenAsync(manager, survey.Id)).Saved);

        async Task AnswerAsync(long customerId, long contactId, int score, int satisfaction, string? text)
        {
            var (outcome, link) = await Surveys.InviteAsync(manager, survey.Id, customerId, contactId);
            Assert.True(outcome.Saved, string.Join(" ", outcome.Messages));
            var posted = new Dictionary<long, string[]> { [nps] = [score.ToString(System.Globalization.CultureInfo.InvariantCulture)], [csat] = [satisfaction.ToString(System.Globalization.CultureInfo.InvariantCulture)] };
            if (text is not null)
            {
                posted[note] = [text];
            }

            var submitted = await Surveys.SubmitAsync(link!["/surveys/answer/".Length..], posted);
            Assert.True(submitted.Status == "Saved", submitted.Status + ": " + string.Join(" ", submitted.Problems.Values));
        }

        await AnswerAsync(a.Id, a.Contacts[0].Id, 10, 5, "بہت اچھا، شکریہ");
        await AnswerAsync(a.Id, a.Contacts[1].Id, 3, 2, null);
        await AnswerAsync(b.Id, b.Contacts[0].Id, 9, 4, null);
        await AnswerAsync(c.Id, c.Contacts[0].Id, 6, 1, "<script>alert(1)</script>");
        Assert.True((await Surveys.InviteAsync(manager, survey.Id, c.Id, c.Contacts[1].Id)).Outcome.Saved);
        return new Seeded(manager, survey.Id, nps, csat, note, a.Id, b.Id, c.Id, segment);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteSurveysHostFixture fixture) : SurveyResultsFilterTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresSurveysHostFixture fixture) : SurveyResultsFilterTests(fixture);
}
