using System.Net;
using System.Text.RegularExpressions;
using CrmBlazor.Plugins.Surveys.IntegrationTests.Hosting;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Hosting;

namespace CrmBlazor.Plugins.Surveys.IntegrationTests.Answering;

/// <summary>
/// The answer page under more respondents than an instance serves at once. A burst on an instance that serves
/// two at a time and queues two: every post is thanked or gets the busy page, never a 500, and sent again from
/// the busy page every answer is stored exactly once. And the busy page itself, made certain by taking the
/// instance's only turn as a request being served would: 503, <c>Retry-After</c>, nothing stored, what was
/// posted kept to send again, which is then thanked.
/// </summary>
public abstract partial class AnswerPageTests
{
    [Fact]
    public async Task ABurstOfSubmits_IsThankedOrGetsTheBusyPage_NeverA500_AndEveryAnswerIsStoredOnce()
    {
        var links = new List<Link>();
        for (var i = 0; i < 24; i++)
        {
            links.Add(await InvitedAsync());
        }

        // A second instance on the same database, whose answer page serves two requests at a time and queues two.
        // How many of the burst overlap depends on the machine (a loaded one may serve them nearly one by one):
        // the busy page is made certain by the test below.
        await using var narrow = NarrowInstance(concurrency: 2, queue: 2);
        var respondents = new List<(Link Link, HttpClient Client, List<KeyValuePair<string, string>> Fields, int Score)>();
        try
        {
            foreach (var (link, i) in links.Select((l, i) => (l, i)))
            {
                var client = narrow.CreateBrowserClient();
                var score = 7 + (i % 4); // 7–10: the "why" question, required for a detractor, is not shown
                respondents.Add((link, client, await FormAsync(client, link.Path, ("action", "submit"), ($"q{link.Nps}", Score(score))), score));
            }

            var first = await Task.WhenAll(respondents.Select(async r =>
            {
                using var response = await PostAsync(r.Client, r.Link.Path, r.Fields);
                return (r, response.StatusCode, Page: await response.Content.ReadAsStringAsync());
            }));

            Assert.All(first, f => Assert.True(f.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{(int)f.StatusCode}: {f.Page}"));
            foreach (var (r, _, page) in first.Where(f => f.StatusCode == HttpStatusCode.ServiceUnavailable))
            {
                await SendAgainFromTheBusyPageAsync(r.Client, r.Link, r.Score, page);
            }

            foreach (var r in respondents)
            {
                Assert.Equal([r.Score], await NumbersAsync(r.Link));
            }
        }
        finally
        {
            await StopAfterItsAnswerEffectsAsync(respondents.Select(r => r.Client));
        }
    }

    [Fact]
    public async Task ASubmit_WhileAnotherHasTheOnlyTurn_GetsTheBusyPageKeepingWhatWasPosted_AndSentAgainIsThanked()
    {
        var link = await InvitedAsync();
        await using var narrow = NarrowInstance(concurrency: 1, queue: 0);
        using var respondent = narrow.CreateBrowserClient();
        try
        {
            var fields = await FormAsync(respondent, link.Path, ("action", "submit"), ($"q{link.Nps}", "8"));
            string page;
            TimeSpan? retryAfter;
            using (await SurveysPlugin.In(narrow).TakeAnswerPageTurnAsync())
            {
                using var busy = await PostAsync(respondent, link.Path, fields);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
                (page, retryAfter) = (await busy.Content.ReadAsStringAsync(), busy.Headers.RetryAfter?.Delta);
                Assert.Empty(await NumbersAsync(link));
            }

            await SendAgainFromTheBusyPageAsync(respondent, link, 8, page, retryAfter ?? TimeSpan.Zero);
            Assert.Equal([8], await NumbersAsync(link));
        }
        finally
        {
            await StopAfterItsAnswerEffectsAsync([]);
        }
    }

    // A second instance on the shared database, whose answer page serves this many at once and queues this many.
    private CrmHostFactory NarrowInstance(int concurrency, int queue) =>
        fixture.Setup.WithSettings(new Dictionary<string, string?>
        {
            ["Plugins:surveys:AnswerPageConcurrency"] = Score(concurrency),
            ["Plugins:surveys:AnswerPageQueue"] = Score(queue),
        }).StartOn(fixture.Database);

    // The busy page says nothing was saved, when to try again, and keeps what was posted: sent again from it, it is thanked.
    private static async Task SendAgainFromTheBusyPageAsync(HttpClient client, Link link, int score, string page, TimeSpan? retryAfter = null)
    {
        Assert.Contains("Many people are answering right now, and nothing was saved yet.", page, StringComparison.Ordinal);
        if (retryAfter is { } wait)
        {
            Assert.Equal(TimeSpan.FromSeconds(5), wait);
        }

        var kept = KeptField().Matches(page).Select(m => new KeyValuePair<string, string>(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        Assert.Contains(new KeyValuePair<string, string>($"q{link.Nps}", Score(score)), kept);
        Assert.Matches("<button type=\"submit\" name=\"action\" value=\"submit\"", page);
        using var again = await PostAsync(client, link.Path, [.. kept, new("action", "submit")]);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Thank you: your answers are saved.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // The second instance stops with its test, passed or failed, once the answer effects it queued have run: no job
    // is left queued or running on the shared database for the tests that wait for theirs.
    private async Task StopAfterItsAnswerEffectsAsync(IEnumerable<HttpClient> clients)
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }

        await fixture.AnswerEffectsFinishedAsync();
    }

    private Task<IReadOnlyList<int>> NumbersAsync(Link link) =>
        fixture.Database.ColumnAsync<int>("""SELECT a."Number" FROM surveys_answers a JOIN surveys_responses r ON r."Id" = a."ResponseId" WHERE r."SurveyId" = @p0""", link.SurveyId);

    private static string Score(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex KeptField();
}
