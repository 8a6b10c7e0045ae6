using System.Buffers.Text;
using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Bench.Surveys;

/// <summary>The survey the respondents answer: its questions, one personal link's token per respondent and the tables to check.</summary>
/// <param name="SurveyId">The survey.</param>
/// <param name="Nps">The NPS question (required).</param>
/// <param name="Csat">The CSAT question (required).</param>
/// <param name="Text">The short-text question (optional).</param>
/// <param name="Tokens">The links' tokens, one per respondent.</param>
/// <param name="Tables">The plugin's tables, quoted: responses, answers, respondents, invitations.</param>
public sealed record SubmitSurvey(long SurveyId, long Nps, long Csat, long Text, IReadOnlyList<string> Tokens, SurveyTables Tables);

/// <summary>The plugin's tables, quoted, as its EF model names them.</summary>
/// <param name="Responses">Responses.</param>
/// <param name="Answers">Answers.</param>
/// <param name="Respondents">Who answered a named survey.</param>
/// <param name="Invitations">Personal links.</param>
public sealed record SurveyTables(string Responses, string Answers, string Respondents, string Invitations);

/// <summary>What one respondent posted and how it went.</summary>
/// <param name="Nps">The NPS posted.</param>
/// <param name="Csat">The CSAT posted.</param>
/// <param name="Saved">Whether the page thanked for the answers (200, state Saved).</param>
/// <param name="Outcome">The status and page state of the failing request, e.g. <c>POST 500</c>; null when saved.</param>
/// <param name="GetMs">The GET's latency.</param>
/// <param name="PostMs">The POST's latency; NaN when it was not sent.</param>
public sealed record Respondent(int Nps, int Csat, bool Saved, string? Outcome, double GetMs, double PostMs);

/// <summary>The submit phase: the respondents' outcomes, its wall time and the most requests in flight at once.</summary>
/// <param name="Respondents">Each respondent.</param>
/// <param name="Seconds">From the first GET to the last POST's answer.</param>
/// <param name="MostInFlight">The most requests (GET or POST) waiting for an answer at one time.</param>
/// <param name="MostPostsInFlight">The most POSTs waiting for an answer at one time.</param>
/// <param name="HostCpuSeconds">The processor time the host's process used meanwhile (its background jobs included).</param>
public sealed record SubmitRun(IReadOnlyList<Respondent> Respondents, double Seconds, int MostInFlight, int MostPostsInFlight, double HostCpuSeconds);

/// <summary>What the database holds for the survey after the submit phase.</summary>
/// <param name="Responses">Responses stored.</param>
/// <param name="Answers">Answers stored.</param>
/// <param name="Respondents">Respondent rows (one per response of a named survey).</param>
/// <param name="Contacts">Distinct contacts among them (one per invitation).</param>
/// <param name="ContactsTwice">Contacts with more than one response.</param>
/// <param name="AnswersTwice">Responses with a question answered more than once.</param>
/// <param name="Answered">Invitations marked answered.</param>
/// <param name="SumsAgree">Whether the NPS and CSAT sums and the texts stored are those posted.</param>
public sealed record SubmitCheck(long Responses, long Answers, long Respondents, long Contacts, long ContactsTwice, long AnswersTwice, long Answered, bool SumsAgree)
{
    /// <summary>Every respondent's answers stored exactly once.</summary>
    public bool ExactlyOnce(int respondents, int questions) =>
        Responses == respondents && Answers == (long)respondents * questions && Respondents == respondents && Contacts == respondents
        && ContactsTwice == 0 && AnswersTwice == 0 && Answered == respondents && SumsAgree;
}

/// <summary>
/// The respondents of the submit phase: a named, open survey (NPS, CSAT and a short text), a customer with ten
/// contacts per ten respondents, and one personal link per contact, stored as the plugin stores them (only the
/// SHA-256 hash of each token, <c>InvitationService.Hash</c>), without queuing the invitation mails. Then each
/// respondent answers as a browser does, all at once, over HTTP on loopback against the host process.
/// </summary>
public static partial class AnswerPageLoad
{
    /// <summary>Questions each respondent answers.</summary>
    public const int Questions = 3;

    private const string Root = "CrmBlazor.Plugins.Surveys.";

    private static readonly string[] Texts =
    [
        "Quick answers, thank you.",
        "பதில்கள் விரைவாக வந்தன.",
        "ಸಮಯಕ್ಕೆ ಮುಗಿಯಿತು.",
        "ઇન્વૉઇસ સ્પષ્ટ હતા.",
        "جواب جلدی ملے۔",
        "დროულად დასრულდა.",
    ];

    /// <summary>Seeds the survey, the contacts and their links in a host started on the database.</summary>
    public static async Task<SubmitSurvey> SeedAsync(CrmHostFactory host, int respondents)
    {
        var assembly = host.Services.GetRequiredService<PluginCatalog>().Find("surveys")?.Assembly
            ?? throw new InvalidOperationException("The surveys plugin is not loaded.");
        Type T(string name) => assembly.GetType(Root + name, throwOnError: true)!;
        var hash = T("Features.Invitations.InvitationService").GetMethod("Hash", BindingFlags.Public | BindingFlags.Static)!;

        var contacts = await host.InScopeAsync(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            var now = DateTimeOffset.UtcNow;
            var customers = new List<Customer>();
            for (var c = 0; c * 10 < respondents; c++)
            {
                var customer = new Customer { Name = $"Respondent firm {c + 1}", CreatedAt = now, UpdatedAt = now };
                for (var n = 0; n < 10 && c * 10 + n < respondents; n++)
                {
                    customer.Contacts.Add(new Contact { Name = $"Respondent {c * 10 + n + 1}", Email = $"respondent{c * 10 + n + 1}@example.test" });
                }

                customers.Add(customer);
            }

            db.Customers.AddRange(customers);
            await db.SaveChangesAsync();
            return customers.SelectMany(c => c.Contacts.Select(contact => (CustomerId: c.Id, ContactId: contact.Id))).ToList();
        });

        return await host.InScopeAsync(async services =>
        {
            var db = (DbContext)services.GetRequiredService(T("Data.SurveysDbContext"));
            var now = DateTimeOffset.UtcNow;
            var survey = SurveySeed.New(T("Data.Survey"), ("Name", "After the project"), ("Kind", "Nps"), ("Languages", "en"), ("State", "Open"),
                ("CreatedAt", now), ("UpdatedAt", now), ("RowVersion", Guid.NewGuid()));
            db.Add(survey);
            await db.SaveChangesAsync();
            var surveyId = (long)SurveySeed.Get(survey, "Id");
            var section = SurveySeed.New(T("Data.SurveySection"), ("SurveyId", surveyId), ("Position", 0), ("Titles", new Dictionary<string, string> { ["en"] = "Your project" }));
            db.Add(section);
            await db.SaveChangesAsync();
            var sectionId = (long)SurveySeed.Get(section, "Id");
            object Question(int position, string type, int? min, int? max, string text) =>
                SurveySeed.New(T("Data.SurveyQuestion"), ("SurveyId", surveyId), ("SectionId", sectionId), ("Position", position), ("Type", type), ("IsRequired", type != "ShortText"),
                    ("ScaleMin", min), ("ScaleMax", max), ("Texts", new Dictionary<string, string> { ["en"] = text }));
            var questions = new[]
            {
                Question(0, "Nps", 0, 10, "How likely are you to recommend us to a friend or colleague?"),
                Question(1, "Csat", 1, 5, "How satisfied are you with the project?"),
                Question(2, "ShortText", null, null, "In a few words, why?"),
            };
            db.AddRange(questions);
            await db.SaveChangesAsync();

            var tokens = new List<string>(contacts.Count);
            foreach (var (customerId, contactId) in contacts)
            {
                var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
                tokens.Add(token);
                db.Add(SurveySeed.New(T("Data.SurveyInvitation"), ("SurveyId", surveyId), ("CustomerId", (long?)customerId), ("ContactId", (long?)contactId), ("Language", "en"),
                    ("TokenHash", hash.Invoke(null, [token])), ("CreatedAt", now), ("ExpiresAt", now.AddDays(30))));
            }

            await db.SaveChangesAsync();
            var model = db.Model;
            string Table(string entity) => '"' + model.FindEntityType(T("Data." + entity))!.GetTableName()! + '"';
            return new SubmitSurvey(surveyId, (long)SurveySeed.Get(questions[0], "Id"), (long)SurveySeed.Get(questions[1], "Id"), (long)SurveySeed.Get(questions[2], "Id"), tokens,
                new SurveyTables(Table("SurveyResponse"), Table("SurveyAnswer"), Table("SurveyRespondent"), Table("SurveyInvitation")));
        });
    }

    /// <summary>
    /// Every respondent, started at once, opens its link and sends the form as a browser does: a client of its own
    /// with its own cookies (the antiforgery cookie) and connection, the page's hidden antiforgery field posted back
    /// with the answers and <c>action=submit</c>. Deterministic answers (seed 42).
    /// </summary>
    public static async Task<SubmitRun> RunAsync(Uri baseAddress, SubmitSurvey survey, Func<TimeSpan> hostCpu)
    {
        // A host that has served the page before: the first requests compile the page and the queries.
        using (var warm = new HttpClient { BaseAddress = baseAddress })
        {
            for (var i = 0; i < 5; i++)
            {
                (await warm.GetAsync("/surveys/answer/warm-up")).Dispose();
                (await warm.PostAsync("/surveys/answer/warm-up", new FormUrlEncodedContent([new("action", "submit")]))).Dispose();
            }
        }

        var random = new Random(42);
        var planned = survey.Tokens.Select(token => (Token: token, Nps: random.Next(0, 11), Csat: random.Next(1, 6), Text: Texts[random.Next(Texts.Length)])).ToList();
        var inFlight = 0;
        var mostInFlight = 0;
        var postsInFlight = 0;
        var mostPostsInFlight = 0;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var respondents = planned.Select(p => Task.Run(() => RespondAsync(p.Token, p.Nps, p.Csat, p.Text))).ToList();
        var cpu = hostCpu();
        var watch = Stopwatch.StartNew();
        start.SetResult();
        var done = await Task.WhenAll(respondents);
        watch.Stop();
        return new SubmitRun(done, watch.Elapsed.TotalSeconds, mostInFlight, mostPostsInFlight, (hostCpu() - cpu).TotalSeconds);

        async Task<Respondent> RespondAsync(string token, int nps, int csat, string text)
        {
            using var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false };
            using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(10) };
            client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
            var path = "/surveys/answer/" + token;
            await start.Task;

            Enter(ref inFlight, ref mostInFlight);
            var opened = Stopwatch.GetTimestamp();
            string page;
            HttpStatusCode status;
            try
            {
                using var response = await client.GetAsync(path);
                (status, page) = (response.StatusCode, await response.Content.ReadAsStringAsync());
            }
            catch (HttpRequestException e)
            {
                return new Respondent(nps, csat, false, "GET " + e.HttpRequestError, Stopwatch.GetElapsedTime(opened).TotalMilliseconds, double.NaN);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }

            var getMs = Stopwatch.GetElapsedTime(opened).TotalMilliseconds;
            var field = HiddenInput().Match(page);
            if (status != HttpStatusCode.OK || !field.Success)
            {
                return new Respondent(nps, csat, false, $"GET {(int)status} {StateOf(page)}", getMs, double.NaN);
            }

            using var form = new FormUrlEncodedContent(
            [
                new(WebUtility.HtmlDecode(field.Groups["name"].Value), WebUtility.HtmlDecode(field.Groups["value"].Value)),
                new($"q{survey.Nps}", nps.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new($"q{survey.Csat}", csat.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new($"q{survey.Text}", text),
                new("action", "submit"),
            ]);
            Enter(ref inFlight, ref mostInFlight);
            Enter(ref postsInFlight, ref mostPostsInFlight);
            var posting = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.PostAsync(path, form);
                var answer = await response.Content.ReadAsStringAsync();
                var postMs = Stopwatch.GetElapsedTime(posting).TotalMilliseconds;
                var saved = response.StatusCode == HttpStatusCode.OK && StateOf(answer) == "Saved";
                return new Respondent(nps, csat, saved, saved ? null : $"POST {(int)response.StatusCode} {StateOf(answer)}", getMs, postMs);
            }
            catch (HttpRequestException e)
            {
                return new Respondent(nps, csat, false, "POST " + e.HttpRequestError, getMs, Stopwatch.GetElapsedTime(posting).TotalMilliseconds);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
                Interlocked.Decrement(ref postsInFlight);
            }
        }
    }

    /// <summary>Counts in the database what the submit phase stored for the survey.</summary>
    public static async Task<SubmitCheck> CheckAsync(TestDatabase database, SubmitSurvey survey, IReadOnlyList<Respondent> posted)
    {
        var t = survey.Tables;
        var id = survey.SurveyId;
        Task<long> Count(string sql, params object?[] parameters) => database.ScalarAsync<long>(sql, [id, .. parameters]);
        var responses = await Count($"""SELECT COUNT(*) FROM {t.Responses} WHERE "SurveyId" = @p0""");
        var answers = await Count($"""SELECT COUNT(*) FROM {t.Answers} WHERE "SurveyId" = @p0""");
        var respondents = await Count($"""SELECT COUNT(*) FROM {t.Respondents} WHERE "SurveyId" = @p0""");
        var contacts = await Count($"""SELECT COUNT(DISTINCT "ContactId") FROM {t.Respondents} WHERE "SurveyId" = @p0""");
        var contactsTwice = await Count($"""SELECT COUNT(*) FROM (SELECT "ContactId" FROM {t.Respondents} WHERE "SurveyId" = @p0 GROUP BY "ContactId" HAVING COUNT(*) > 1) d""");
        var answersTwice = await Count($"""SELECT COUNT(*) FROM (SELECT "ResponseId", "QuestionId" FROM {t.Answers} WHERE "SurveyId" = @p0 GROUP BY "ResponseId", "QuestionId" HAVING COUNT(*) > 1) d""");
        var answered = await Count($"""SELECT COUNT(*) FROM {t.Invitations} WHERE "SurveyId" = @p0 AND "IsAnswered" = @p1""", true);
        var sum = $"""SELECT COALESCE(SUM("Number"), 0) FROM {t.Answers} WHERE "SurveyId" = @p0 AND "QuestionId" = @p1""";
        var saved = posted.Where(r => r.Saved).ToList();
        var sumsAgree = await Count(sum, survey.Nps) == saved.Sum(r => r.Nps) && await Count(sum, survey.Csat) == saved.Sum(r => r.Csat)
            && await Count($"""SELECT COUNT(*) FROM {t.Answers} WHERE "SurveyId" = @p0 AND "QuestionId" = @p1 AND "Text" <> ''""", survey.Text) == saved.Count;
        return new SubmitCheck(responses, answers, respondents, contacts, contactsTwice, answersTwice, answered, sumsAgree);
    }

    private static void Enter(ref int counter, ref int most)
    {
        var now = Interlocked.Increment(ref counter);
        int seen;
        while (now > (seen = Volatile.Read(ref most)) && Interlocked.CompareExchange(ref most, now, seen) != seen)
        {
        }
    }

    private static string StateOf(string page) => StateAttribute().Match(page) is { Success: true } m ? m.Groups[1].Value : "?";

    [GeneratedRegex(@"<input type=""hidden"" name=""(?<name>[^""]+)"" value=""(?<value>[^""]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex HiddenInput();

    [GeneratedRegex(@"data-state=""([^""]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex StateAttribute();
}
