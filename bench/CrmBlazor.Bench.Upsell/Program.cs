using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CrmBlazor.Bench.Upsell;
using CrmBlazor.Data;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Sdk.Invoicing;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Sdk.Surveys;
using CrmBlazor.Sdk.Upsell;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;

// bench/run.sh upsell: see bench/README.md for what is measured and why.
int customers = 100_000, timeEntries = 1_000_000, invoices = 200_000, answers = 300_000, iterations = 3;
int? projects = null;
string? only = null;
for (var i = 0; i < args.Length; i++)
{
    int Next() => i + 1 < args.Length && int.TryParse(args[++i], CultureInfo.InvariantCulture, out var n) && n > 0
        ? n
        : throw new ArgumentException($"{args[i - 1]} needs a positive number.");
    switch (args[i])
    {
        case "--customers": customers = Next(); break;
        case "--projects": projects = Next(); break;
        case "--time-entries": timeEntries = Next(); break;
        case "--invoices": invoices = Next(); break;
        case "--answers": answers = Next(); break;
        case "--iterations": iterations = Next(); break;
        case "--only" when i + 1 < args.Length && args[i + 1] is "sqlite" or "postgres": only = args[++i]; break;
        default:
            Console.Error.WriteLine("usage: bench/run.sh upsell [--customers N] [--projects N] [--time-entries N] [--invoices N] [--answers N] [--iterations N] [--only sqlite|postgres]");
            return 2;
    }
}

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var sizes = new UpsellSizes(customers, projects ?? Math.Max(1, customers / 2), timeEntries, invoices, answers);
var output = Console.Out;
var loadBefore = LoadAverage();
output.WriteLine($"CrmBlazor upsell benchmark: {sizes.Customers:N0} customers, {sizes.Projects:N0} projects, {sizes.TimeEntries:N0} time entries, {sizes.Invoices:N0} invoices, " +
    $"{sizes.Answers:N0} survey answers; {Environment.ProcessorCount} cores; load average {loadBefore}");

// bench/run.sh runs from the repository's root: the host's content root (wwwroot, resources) is there.
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CRMBLAZOR_HOST", Path.GetFullPath("src/CrmBlazor.Host"));
var pluginsFolder = Path.Combine(AppContext.BaseDirectory, "upsell-plugins");
var results = new Dictionary<string, Dictionary<string, object?>>();
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
    await using var factory = new CrmHostFactory(database, pluginsFolder, new Dictionary<string, string?> { ["Jobs:WorkerCount"] = "1" }).Start();
    var seeding = Stopwatch.StartNew();
    var seeded = await UpsellSeed.SeedAsync(factory, sizes, output);
    output.WriteLine($"Seeded {seeded.CustomerIds.Count:N0} customers, {seeded.Projects:N0} projects ({seeded.ActiveProjects:N0} active), {seeded.TimeEntries:N0} time entries, " +
        $"{seeded.Invoices:N0} invoices, {seeded.Answers:N0} survey answers in {seeding.Elapsed.TotalSeconds:F1} s");

    // The seed read back through the contracts the rules read, as a check that it is stored as the plugins store it.
    await SeedCheck.RunAsync(factory, output);

    // 1. The full evaluation of every upsell rule the host's plugins registered, as the scoring job runs it.
    var evaluation = await RuleEvaluation.RunAsync(factory, output);

    // 2. The budget-burn rule's read: every active project's burn at once, against the same customer by customer.
    var burn = await BurnReads.RunAsync(factory, seeded.CustomerIds, iterations, output);
    failed |= !burn.Same;

    // 3. The scoring job itself, last (the timeline entries it queues run in the background afterwards): the first
    // run opens the opportunities, the second finds the same and updates them.
    var job = await EvaluationJob.RunAsync(factory, output);

    results[provider.ToString().ToLowerInvariant()] = new Dictionary<string, object?>
    {
        ["customers"] = seeded.CustomerIds.Count,
        ["time_entries"] = seeded.TimeEntries,
        ["evaluation_seconds"] = Math.Round(evaluation.Seconds, 3),
        ["loop_seconds"] = Math.Round(burn.LoopSeconds, 3),
        ["ratio"] = Math.Round(burn.LoopSeconds / burn.SetSeconds, 1),
        ["set_seconds"] = Math.Round(burn.SetSeconds, 3),
        ["active_projects"] = burn.Projects,
        ["same_burn"] = burn.Same,
        ["rules"] = evaluation.Rules,
        ["hits"] = evaluation.Hits,
        ["invoices"] = seeded.Invoices,
        ["survey_answers"] = seeded.Answers,
        ["job_first_seconds"] = Math.Round(job.FirstSeconds, 3),
        ["job_again_seconds"] = Math.Round(job.AgainSeconds, 3),
        ["opportunities_opened"] = job.Opened,
        ["seed_seconds"] = Math.Round(seeding.Elapsed.TotalSeconds, 1),
    };
}

if (results.Count == 0)
{
    output.WriteLine("No provider to run: --only postgres needs CRM_BENCH_POSTGRES.");
    return 2;
}

// The contract's keys come first, from the slower provider's evaluation when both ran; each provider's figures follow.
var worst = results.Values.OrderByDescending(r => (double)r["evaluation_seconds"]!).ThenByDescending(r => (double)r["loop_seconds"]!).First();
var result = new Dictionary<string, object?>
{
    ["customers"] = worst["customers"],
    ["time_entries"] = worst["time_entries"],
    ["evaluation_seconds"] = worst["evaluation_seconds"],
    ["loop_seconds"] = worst["loop_seconds"],
    ["ratio"] = worst["ratio"],
    ["cores"] = Environment.ProcessorCount,
    ["load_average"] = new { before = loadBefore, after = LoadAverage() },
};
foreach (var (name, figures) in results)
{
    result[name] = figures;
}

output.WriteLine("RESULT " + JsonSerializer.Serialize(result));
return failed ? 1 : 0;

static double LoadAverage() =>
    File.Exists("/proc/loadavg") ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture) : -1;

/// <summary>The seeded invoices and survey answers as the invoicing and surveys plugins read them for the rules.</summary>
internal static class SeedCheck
{
    public static Task RunAsync(CrmHostFactory host, TextWriter output) => host.InScopeAsync(async services =>
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var watch = Stopwatch.StartNew();
        var revenue = await services.GetRequiredService<IInvoiceFacts>().GetMonthlyRevenueAsync(new RevenueQuery(today.AddMonths(-11), today));
        var revenueSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var balances = await services.GetRequiredService<IInvoiceFacts>().GetBalancesAsync();
        var balanceSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var scores = await services.GetRequiredService<ISurveyScores>().GetLatestAsync();
        var scoreSeconds = watch.Elapsed.TotalSeconds;
        output.WriteLine($"Check: revenue of the last 12 months in {revenue.Count:N0} customer-months ({revenueSeconds:F2} s), " +
            $"{balances.Count(b => b.Overdue > 0):N0} customers with an overdue amount ({balanceSeconds:F2} s), " +
            $"latest scores of {scores.Count:N0} customers, {scores.Values.Count(s => s.Nps?.Value >= 9):N0} promoters ({scoreSeconds:F2} s); first reads, not warmed up");
    });
}

/// <summary>What the evaluation of every rule gave.</summary>
internal sealed record EvaluationFigures(int Rules, int Hits, double Seconds);

/// <summary>
/// The full evaluation of every <see cref="IUpsellRule"/> registered in the host (the upsell plugin's
/// and any other plugin's), each with its settings' defaults, one after the other in one scope, as a
/// scoring run evaluates them; timed from the first rule's start to the last rule's end. With no rule
/// registered (the upsell plugin not in <c>upsell-plugins/</c>), nothing is evaluated and it says so.
/// </summary>
internal static class RuleEvaluation
{
    public static Task<EvaluationFigures> RunAsync(CrmHostFactory host, TextWriter output) => host.InScopeAsync(async services =>
    {
        var rules = services.GetServices<IUpsellRule>().ToList();
        if (rules.Count == 0)
        {
            output.WriteLine("Evaluation: no IUpsellRule is registered (the upsell plugin is not loaded): 0 rules evaluated, 0 s");
            return new EvaluationFigures(0, 0, 0);
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var hits = 0;
        var total = Stopwatch.StartNew();
        foreach (var rule in rules)
        {
            var watch = Stopwatch.StartNew();
            var found = await rule.EvaluateAsync(new UpsellEvaluation(today, rule.Settings.ToDictionary(s => s.Key, s => s.Default)));
            watch.Stop();
            hits += found.Count;
            output.WriteLine($"  rule {rule.Id}: {found.Count:N0} hits, {found.Select(h => h.CustomerId).Distinct().Count():N0} customers, {watch.Elapsed.TotalSeconds:F2} s");
        }

        total.Stop();
        output.WriteLine($"Evaluation of every rule: {rules.Count} rules, {hits:N0} hits in {total.Elapsed.TotalSeconds:F2} s");
        return new EvaluationFigures(rules.Count, hits, total.Elapsed.TotalSeconds);
    });
}

/// <summary>The two reads of the budget-burn rule and whether they agree.</summary>
internal sealed record BurnFigures(int Projects, double SetSeconds, double LoopSeconds, bool Same);

/// <summary>
/// The budget-burn rule's read, the two ways: set-based, <see cref="IProjectFacts.ListAsync"/> of every
/// active project once (the best of a few runs after one to warm up); a loop, the same read for one
/// customer at a time over every customer, as a rule written customer by customer would (once, after the
/// set-based runs warmed the host). Both in one scope, as a rule runs. The fingerprint compares every
/// project's hours, amount and percentages.
/// </summary>
internal static class BurnReads
{
    private static readonly ProjectStatus[] Active = [ProjectStatus.Active];

    public static Task<BurnFigures> RunAsync(CrmHostFactory host, IReadOnlyList<long> customerIds, int iterations, TextWriter output) => host.InScopeAsync(async services =>
    {
        var facts = services.GetRequiredService<IProjectFacts>();
        IReadOnlyList<ProjectFacts> all = await facts.ListAsync(new ProjectFactsQuery(Statuses: Active));
        var best = double.MaxValue;
        for (var run = 0; run < iterations; run++)
        {
            var watch = Stopwatch.StartNew();
            all = await facts.ListAsync(new ProjectFactsQuery(Statuses: Active));
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        output.WriteLine($"Budget burn, set-based: {all.Count:N0} active projects in {best:F2} s (best of {iterations})");
        var looped = new List<ProjectFacts>(all.Count);
        var loop = Stopwatch.StartNew();
        for (var i = 0; i < customerIds.Count; i++)
        {
            looped.AddRange(await facts.ListAsync(new ProjectFactsQuery(CustomerId: customerIds[i], Statuses: Active)));
            if ((i + 1) % 10_000 == 0)
            {
                output.Write($"\rBudget burn, customer by customer: {i + 1:N0} of {customerIds.Count:N0} customers, {loop.Elapsed.TotalSeconds:F0} s");
            }
        }

        loop.Stop();
        output.WriteLine($"\rBudget burn, customer by customer: {customerIds.Count:N0} customers, {looped.Count:N0} active projects in {loop.Elapsed.TotalSeconds:F2} s; " +
            $"ratio loop ÷ set-based {loop.Elapsed.TotalSeconds / best:F1}");

        var same = Fingerprint(all).SequenceEqual(Fingerprint(looped));
        var overBudget = all.Count(p => p.Burn.HoursPercent >= 90 || p.Burn.AmountPercent >= 90);
        output.WriteLine($"Fingerprint: {all.Count:N0} projects set-based, {looped.Count:N0} in the loop, {(same ? "the same burn" : "DIFFERENT burn")}; " +
            $"{all.Sum(p => p.Burn.Hours):N1} h logged, {overBudget:N0} projects at 90 % of a budget or more");
        return new BurnFigures(all.Count, best, loop.Elapsed.TotalSeconds, same);
    });

    private static IEnumerable<(long, decimal, decimal, decimal?, decimal?)> Fingerprint(IEnumerable<ProjectFacts> projects) =>
        projects.Select(p => (p.ProjectId, p.Burn.Hours, p.Burn.Amount, p.Burn.HoursPercent, p.Burn.AmountPercent)).OrderBy(p => p.ProjectId);
}

/// <summary>What two runs of the scoring job took and how many opportunities the first opened.</summary>
internal sealed record JobFigures(double FirstSeconds, double AgainSeconds, int Opened);

/// <summary>
/// The upsell plugin's evaluation as its recurring job runs it (every enabled rule, the opportunities written
/// set-based, the run recorded), twice: the first run opens an opportunity per hit, the second finds the same
/// hits and updates them.
/// </summary>
internal static class EvaluationJob
{
    public static async Task<JobFigures> RunAsync(CrmHostFactory host, TextWriter output)
    {
        var upsell = host.Services.GetRequiredService<PluginCatalog>().Find("upsell")?.Assembly;
        if (upsell is null)
        {
            output.WriteLine("Scoring job: the upsell plugin is not loaded");
            return new JobFigures(0, 0, 0);
        }

        var evaluatorType = upsell.GetType("CrmBlazor.Plugins.Upsell.Features.Evaluation.UpsellEvaluator", throwOnError: true)!;
        async Task<(double Seconds, int Opened)> RunOnceAsync() => await host.InScopeAsync(async services =>
        {
            dynamic evaluator = services.GetRequiredService(evaluatorType);
            var watch = Stopwatch.StartNew();
            long runId = await evaluator.EvaluateAsync(null, CancellationToken.None);
            watch.Stop();
            var opened = await host.Database.ScalarAsync<long>("""SELECT "Opened" FROM upsell_evaluation_runs WHERE "Id" = @p0""", runId);
            return (watch.Elapsed.TotalSeconds, (int)opened);
        });

        var first = await RunOnceAsync();
        output.WriteLine($"Scoring job, first run: {first.Opened:N0} opportunities opened in {first.Seconds:F2} s");
        var again = await RunOnceAsync();
        output.WriteLine($"Scoring job, run again: {again.Opened:N0} opened, the rest brought up to date, in {again.Seconds:F2} s");
        return new JobFigures(first.Seconds, again.Seconds, first.Opened);
    }
}
