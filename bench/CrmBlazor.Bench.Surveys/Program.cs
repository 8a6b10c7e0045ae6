using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CrmBlazor.Bench.Surveys;
using CrmBlazor.Data;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;

// bench/run.sh surveys: see bench/README.md for what is measured and why.
int answers = 1_000_000, iterations = 20, warmup = 3, respondents = 1000;
string? only = null;
for (var i = 0; i < args.Length; i++)
{
    int Next() => i + 1 < args.Length && int.TryParse(args[++i], CultureInfo.InvariantCulture, out var n) && n > 0
        ? n
        : throw new ArgumentException($"{args[i - 1]} needs a positive number.");
    switch (args[i])
    {
        case "--answers": answers = Next(); break;
        case "--iterations": iterations = Next(); break;
        case "--warmup": warmup = Next(); break;
        case "--respondents": respondents = Next(); break;
        case "--only" when i + 1 < args.Length && args[i + 1] is "sqlite" or "postgres": only = args[++i]; break;
        default:
            Console.Error.WriteLine("usage: bench/run.sh surveys [--answers N] [--respondents N] [--iterations N] [--warmup N] [--only sqlite|postgres]");
            return 2;
    }
}

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var output = Console.Out;
var loadBefore = LoadAverage();
output.WriteLine($"CrmBlazor surveys benchmark: {respondents:N0} respondents submitting at once through the answer page; results of a survey with {answers:N0} answers; " +
    $"{Environment.ProcessorCount} cores; load average {loadBefore}");

// bench/run.sh runs from the repository's root: the host's content root (wwwroot, resources) is there.
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CRMBLAZOR_HOST", Path.GetFullPath("src/CrmBlazor.Host"));
const string Plugins = "surveys-plugins";
var pluginsFolder = Path.Combine(AppContext.BaseDirectory, Plugins);
// Every respondent comes from 127.0.0.1 and makes two requests: the answer page's limit per address is raised for the bench.
var answerPageLimit = new Dictionary<string, string?> { ["Plugins:surveys:AnswerPageRequestsPerMinute"] = (respondents * 10).ToString(CultureInfo.InvariantCulture) };
var results = new Dictionary<string, object>();
var failed = false;

var providers = new List<DatabaseProvider>();
if (only != "postgres")
{
    providers.Add(DatabaseProvider.Sqlite);
}

if (only != "sqlite" && Environment.GetEnvironmentVariable("CRM_BENCH_POSTGRES") is { Length: > 0 } server)
{
    Environment.SetEnvironmentVariable(PostgresTestDatabase.ServerVariable, server);
    providers.Add(DatabaseProvider.Postgres);
}

foreach (var provider in providers)
{
    output.WriteLine();
    output.WriteLine($"== {provider}");
    await using var database = await TestDatabase.CreateAsync(provider);
    var factory = new CrmHostFactory(database, pluginsFolder, new Dictionary<string, string?> { ["Jobs:WorkerCount"] = "1" }).Start();
    var submitSurvey = await AnswerPageLoad.SeedAsync(factory, respondents);
    var seeding = Stopwatch.StartNew();
    var seeded = await SurveySeed.SeedAsync(factory, answers, output);
    output.WriteLine($"Seeded {seeded.Responses:N0} responses with {seeded.Answers:N0} answers in {seeding.Elapsed.TotalSeconds:F1} s");

    var call = ResultsCall.For(factory, seeded.SurveyId);
    await using var connection = await database.OpenConnectionAsync();
    List<double> host = [], sql = [];
    ResultCounts? fromHost = null, fromSql = null;
    for (var run = 0; run < warmup + iterations; run++)
    {
        var (counts, elapsed) = await call.RunAsync();
        var watch = Stopwatch.StartNew();
        var baseline = await ResultsSql.CountAsync(connection, seeded.ResponseTable, seeded.AnswerTable, seeded.SurveyId, [seeded.Nps, seeded.Csat, seeded.Effort]);
        watch.Stop();
        if (run >= warmup)
        {
            host.Add(elapsed.TotalMilliseconds);
            sql.Add(watch.Elapsed.TotalMilliseconds);
        }

        (fromHost, fromSql) = (counts, baseline);
    }

    var same = Same(fromHost!, fromSql!, output);
    failed |= !same;
    output.WriteLine($"Results through {call.Entry}: p50 {P(host, 50):F1} ms, p95 {P(host, 95):F1} ms");
    var ratio = P(host, 95) / P(sql, 95);
    output.WriteLine($"Hand-written SQL: p50 {P(sql, 50):F1} ms, p95 {P(sql, 95):F1} ms; ratio host ÷ SQL at p95 {ratio:F2}{(ratio > 2 ? " (above 2: fails)" : string.Empty)}");
    failed |= !(ratio <= 2);
    await factory.DisposeAsync();

    // The submit phase: the host as a process of its own on the same database, its answer page over HTTP.
    SubmitRun submit;
    var loadSubmit = LoadAverage();
    await using (var process = await CrmHostProcess.StartBesideTestsAsync(database, Plugins, answerPageLimit))
    {
        submit = await AnswerPageLoad.RunAsync(process.BaseAddress, submitSurvey, () => process.ProcessorTime);
        if (submit.Respondents.Any(r => !r.Saved))
        {
            // Why the host refused: the distinct exceptions among the last lines it logged.
            foreach (var line in process.RecentOutput.Split('\n').Select(l => l.Trim()).Where(l => l.Contains("Exception:", StringComparison.Ordinal)).Distinct().Take(5))
            {
                output.WriteLine("The host logged: " + line);
            }
        }
    }

    var check = await AnswerPageLoad.CheckAsync(database, submitSurvey, submit.Respondents);
    var exactlyOnce = check.ExactlyOnce(respondents, AnswerPageLoad.Questions);
    failed |= !exactlyOnce;
    var posts = submit.Respondents.Select(r => r.PostMs).Where(ms => !double.IsNaN(ms)).ToList();
    var gets = submit.Respondents.Select(r => r.GetMs).ToList();
    var perSecond = check.Answers / submit.Seconds;
    var failures = submit.Respondents.Where(r => !r.Saved).GroupBy(r => r.Outcome!).ToDictionary(g => g.Key, g => g.Count());
    output.WriteLine($"Submit through /surveys/answer/{{token}} over HTTP on loopback, host process, load average {loadSubmit}: {respondents:N0} respondents started at once, " +
        $"a client and connection each (at most {submit.MostInFlight:N0} requests and {submit.MostPostsInFlight:N0} posts in flight); {submit.Seconds:F1} s, {perSecond:F1} answers/s; " +
        $"the host's process used {submit.HostCpuSeconds:F1} s of CPU ({submit.HostCpuSeconds * 1000 / respondents:F1} ms per respondent)");
    output.WriteLine($"POST p50 {P(posts, 50):F1} ms, p95 {P(posts, 95):F1} ms; GET p50 {P(gets, 50):F1} ms, p95 {P(gets, 95):F1} ms; " +
        $"{submit.Respondents.Count(r => r.Saved):N0} thanked, {(failures.Count == 0 ? "none refused" : string.Join(", ", failures.Select(f => $"{f.Value:N0} {f.Key}")))}");
    output.WriteLine($"Stored: {check.Responses:N0} responses, {check.Answers:N0} answers, {check.Respondents:N0} respondents of {check.Contacts:N0} contacts, " +
        $"{check.ContactsTwice} contacts and {check.AnswersTwice} questions answered twice, {check.Answered:N0} links used, the numbers and texts posted {(check.SumsAgree ? "stored" : "NOT stored")}: " +
        (exactlyOnce ? "every answer exactly once" : "NOT every answer exactly once (fails)"));
    results[provider.ToString().ToLowerInvariant()] = new
    {
        respondents,
        answers_stored = check.Answers,
        answers_per_second = Math.Round(perSecond, 1),
        submit_seconds = Math.Round(submit.Seconds, 2),
        host_cpu_ms_per_respondent = Math.Round(submit.HostCpuSeconds * 1000 / respondents, 1),
        submit_p50_ms = Math.Round(P(posts, 50), 1),
        submit_p95_ms = Math.Round(P(posts, 95), 1),
        open_p95_ms = Math.Round(P(gets, 95), 1),
        concurrency = respondents,
        most_in_flight = submit.MostInFlight,
        most_posts_in_flight = submit.MostPostsInFlight,
        refused = failures,
        stored_exactly_once = exactlyOnce,
        results_answers = seeded.Answers,
        results_responses = seeded.Responses,
        results_p50_ms = Math.Round(P(host, 50), 1),
        results_p95_ms = Math.Round(P(host, 95), 1),
        results_sql_p50_ms = Math.Round(P(sql, 50), 1),
        results_sql_p95_ms = Math.Round(P(sql, 95), 1),
        ratio = Math.Round(ratio, 2),
        same_numbers = same,
    };
}

// The contract's figures are the worst provider's: the fewest answers stored and per second, the slowest POST, and
// the results of the provider with the highest ratio; each provider's own figures follow under its name.
var all = results.Values.Cast<dynamic>().ToList();
var worst = all.OrderByDescending(r => (double)r.ratio).First();
var result = new Dictionary<string, object?>
{
    ["respondents"] = respondents,
    ["answers_stored"] = all.Min(r => (long)r.answers_stored),
    ["answers_per_second"] = all.Min(r => (double)r.answers_per_second),
    ["submit_p95_ms"] = all.Max(r => (double)r.submit_p95_ms),
    ["results_answers"] = all.Min(r => (int)r.results_answers),
    ["results_p95_ms"] = worst.results_p95_ms,
    ["results_sql_p95_ms"] = worst.results_sql_p95_ms,
    ["ratio"] = worst.ratio,
    ["cores"] = Environment.ProcessorCount,
    ["load_average"] = new { before = loadBefore, after = LoadAverage() },
};
foreach (var (name, figures) in results)
{
    result[name] = figures;
}

output.WriteLine("RESULT " + JsonSerializer.Serialize(result));
return failed ? 1 : 0;

static double P(List<double> samples, int percentile)
{
    var sorted = samples.Order().ToList();
    return sorted.Count == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
}

static bool Same(ResultCounts host, ResultCounts sql, TextWriter output)
{
    static int Different<TKey>(IReadOnlyDictionary<TKey, int> a, IReadOnlyDictionary<TKey, int> b) where TKey : notnull =>
        a.Keys.Union(b.Keys).Count(k => a.GetValueOrDefault(k) != b.GetValueOrDefault(k));
    var different = (host.Responses != sql.Responses ? 1 : 0) + Different(host.Numbers, sql.Numbers) + Different(host.Options, sql.Options)
        + Different(host.Answered, sql.Answered) + Different(host.Texts, sql.Texts.Where(t => host.Texts.ContainsKey(t.Key)).ToDictionary());
    output.WriteLine($"Fingerprint: {host.Responses:N0} responses from the host, {sql.Responses:N0} from SQL; " +
        $"{host.Numbers.Values.Sum():N0} numbers, {host.Options.Values.Sum():N0} choices, {host.Texts.Values.Sum():N0} texts; {different} counts different; " +
        $"the trend covers {host.Days:N0} responses");
    return different == 0 && host.Days == host.Responses;
}

static double LoadAverage() =>
    File.Exists("/proc/loadavg") ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture) : -1;

/// <summary>The results as the results page loads them (<c>SurveyResultsService.GetAsync</c> by month), found in the assembly the host loaded, timed inside the scope.</summary>
internal sealed class ResultsCall
{
    private readonly CrmHostFactory _host;
    private readonly long _surveyId;
    private readonly Type _service;
    private readonly object _month;

    private ResultsCall(CrmHostFactory host, long surveyId, Type service, object month) => (_host, _surveyId, _service, _month) = (host, surveyId, service, month);

    public string Entry => _service.Name + ".GetAsync";

    public static ResultsCall For(CrmHostFactory host, long surveyId)
    {
        var assembly = host.Services.GetRequiredService<PluginCatalog>().Find("surveys")?.Assembly
            ?? throw new InvalidOperationException("The surveys plugin is not loaded.");
        const string Results = "CrmBlazor.Plugins.Surveys.Features.Results.";
        return new ResultsCall(host, surveyId, assembly.GetType(Results + "SurveyResultsService", true)!,
            Enum.Parse(assembly.GetType(Results + "TrendPeriod", true)!, "Month"));
    }

    public Task<(ResultCounts Counts, TimeSpan Elapsed)> RunAsync() => _host.AsUserAsync(CrmHostFactory.Administrator, async services =>
    {
        dynamic service = services.GetRequiredService(_service);
        var watch = Stopwatch.StartNew();
        var results = await service.GetAsync(_surveyId, (dynamic)_month, CancellationToken.None);
        watch.Stop();
        var numbers = new Dictionary<(long, int), int>();
        var options = new Dictionary<(long, long), int>();
        var answered = new Dictionary<long, int>();
        var texts = new Dictionary<long, int>();
        foreach (var question in results.Questions)
        {
            var id = (long)question.Question.Id;
            answered[id] = (int)question.Answers;
            foreach (var value in question.Scale)
            {
                if ((int)value.Count > 0)
                {
                    numbers[(id, (int)value.Value)] = (int)value.Count;
                }
            }

            foreach (var option in question.Options)
            {
                options[(id, (long)option.OptionId)] = (int)option.Count;
            }

            if ((int)question.TextAnswers > 0)
            {
                texts[id] = (int)question.TextAnswers;
            }
        }

        var trend = 0;
        foreach (var point in results.Trend)
        {
            trend += (int)point.Responses;
        }

        return (new ResultCounts((int)results.Responses, numbers, options, answered, texts, trend), watch.Elapsed);
    });
}
