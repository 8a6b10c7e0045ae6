using System.Net;
using System.Text.RegularExpressions;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Surveys.IntegrationTests.Answering;

/// <summary>
/// A burst of respondents submitting at once on an instance that serves two at a time and queues two: every
/// post is thanked or gets the busy page (503, <c>Retry-After</c>, what was posted kept to send again), never a
/// 500; sent again, every answer is stored exactly once.
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
        await using var narrow = fixture.Setup.WithSettings(new Dictionary<string, string?>
        {
            ["Plugins:surveys:AnswerPageConcurrency"] = "2",
            ["Plugins:surveys:AnswerPageQueue"] = "2",
        }).StartOn(fixture.Database);
        var respondents = new List<(Link Link, HttpClient Client, List<KeyValuePair<string, string>> Fields, int Score)>();
        foreach (var (link, i) in links.Select((l, i) => (l, i)))
        {
            var client = narrow.CreateBrowserClient();
            var score = 7 + (i % 4); // 7–10: the "why" question, required for a detractor, is not shown
            respondents.Add((link, client, await FormAsync(client, link.Path, ("action", "submit"), ($"q{link.Nps}", score.ToString(System.Globalization.CultureInfo.InvariantCulture))), score));
        }

        try
        {
            var first = await Task.WhenAll(respondents.Select(async r =>
            {
                using var response = await PostAsync(r.Client, r.Link.Path, r.Fields);
                return (r, response.StatusCode, response.Headers.RetryAfter?.Delta, Page: await response.Content.ReadAsStringAsync());
            }));

            Assert.All(first, f => Assert.True(f.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{(int)f.StatusCode}: {f.Page}"));
            var busy = first.Where(f => f.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
            Assert.NotEmpty(busy);
            foreach (var (r, _, retryAfter, page) in busy)
            {
                Assert.Contains("Many people are answering right now, and nothing was saved yet.", page, StringComparison.Ordinal);
                Assert.Equal(TimeSpan.FromSeconds(5), retryAfter);

                // The busy page kept what was posted: sent again from it (one at a time now), it is thanked.
                var kept = KeptField().Matches(page).Select(m => new KeyValuePair<string, string>(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
                Assert.Contains(new KeyValuePair<string, string>($"q{r.Link.Nps}", r.Score.ToString(System.Globalization.CultureInfo.InvariantCulture)), kept);
                Assert.Matches("<button type=\"submit\" name=\"action\" value=\"submit\"", page);
                using var again = await PostAsync(r.Client, r.Link.Path, [.. kept, new("action", "submit")]);
                Assert.Equal(HttpStatusCode.OK, again.StatusCode);
                Assert.Contains("Thank you: your answers are saved.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            foreach (var r in respondents)
            {
                Assert.Equal([r.Score], await fixture.Database.ColumnAsync<int>("""SELECT a."Number" FROM surveys_answers a JOIN surveys_responses r ON r."Id" = a."ResponseId" WHERE r."SurveyId" = @p0""", r.Link.SurveyId));
            }

            // The second instance stops with this test: the answer effects it queued have run first, so that no
            // job is left queued or running on the shared database for the tests that wait for theirs.
            await fixture.AnswerEffectsFinishedAsync();
        }
        finally
        {
            foreach (var r in respondents)
            {
                r.Client.Dispose();
            }
        }
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex KeptField();
}
