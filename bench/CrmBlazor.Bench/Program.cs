using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CrmBlazor.Bench;
using CrmBlazor.Bench.Measuring;
using CrmBlazor.Bench.Scenarios;
using CrmBlazor.Bench.Seeding;
using CrmBlazor.Data;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// bench/run.sh core: see bench/README.md for what is measured and why.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var out_ = Console.Out;
out_.WriteLine($"CrmBlazor core benchmark: {options.Customers:N0} customers, {options.Interactions:N0} interactions, " +
    $"{options.Iterations} iterations after {options.Warmup} warm-up; {Environment.ProcessorCount} cores; load average {Machine.LoadAverage()}");

var generation = Stopwatch.StartNew();
var firm = SyntheticFirm.Generate(options.Customers, options.Interactions);
out_.WriteLine($"Generated the firm in {generation.Elapsed.TotalSeconds:F1} s " +
    $"({firm.Customers.Sum(c => c.Contacts.Count):N0} contacts, {firm.TimelineEntries.Count:N0} plugin timeline entries)");

var providers = new List<DatabaseProvider> { DatabaseProvider.Sqlite };
if (options.PostgresServer is not null)
{
    providers.Add(DatabaseProvider.Postgres);
}

if (options.OnlyProvider is { } only)
{
    providers.RemoveAll(p => !p.ToString().Equals(only, StringComparison.OrdinalIgnoreCase));
}

var results = new Dictionary<string, object>(StringComparer.Ordinal);
var measurements = new List<(DatabaseProvider Provider, Measurement Measurement)>();
var loadBefore = Machine.LoadAverage();
foreach (var provider in providers)
{
    await using var database = options.Reuse is { } existing ? BenchDatabase.Existing(provider, existing, options.PostgresServer)
        : provider == DatabaseProvider.Sqlite ? BenchDatabase.CreateSqlite(options.DataDirectory)
        : await BenchDatabase.CreatePostgresAsync(options.PostgresServer!);
    database.Keep |= options.Keep;
    out_.WriteLine($"{provider}: {database.Name}");
    SeedReport seed;
    if (options.Reuse is null)
    {
        await database.MigrateAsync();
        seed = await Seeder.SeedAsync(database, firm, options.Analyze, out_);
    }
    else
    {
        // A database seeded by an earlier run with the same --customers and --interactions (the firm is generated from a fixed seed).
        seed = new SeedReport(0, new Dictionary<string, long> { ["crm_search_terms"] = 0, ["crm_contacts"] = 0 }, new Dictionary<string, double>());
    }

    var size = await database.SizeInBytesAsync();
    out_.WriteLine($"  {provider,-8} seeded in {seed.Seconds:F1} s; database {size / 1024.0 / 1024.0:F0} MB; " +
        string.Join(", ", seed.Rows.Where(r => r.Value >= 1000).Select(r => $"{r.Key} {r.Value:N0}")));

    var plans = new QueryPlans();
    await using var services = Services(database.Settings, options.Explain ? plans : null);
    var contexts = services.GetRequiredService<IDbContextFactory<CrmDbContext>>();
    var sql = new RawSql(database);
    var inputs = options.Warmup + options.Iterations;
    Scenario[] scenarios =
    [
        CustomerListScenarios.Search(firm, contexts, sql, inputs, new Random(1), options.Searches),
        CustomerListScenarios.FilteredPage(firm, contexts, sql, inputs, new Random(2)),
        CustomerListScenarios.UnfilteredPage(contexts, sql, inputs, new Random(3)),
        CustomerPageScenario.Create(firm, services, sql, inputs, new Random(4)),
    ];
    if (options.Explain)
    {
        foreach (var scenario in scenarios)
        {
            var explained = scenario.Name == "search" && options.Searches.Count > 0 ? options.Searches.Count : 3;
            foreach (var input in Enumerable.Range(0, explained))
            {
                await plans.PrintAsync(scenario, input, database, out_);
            }
        }

        continue;
    }

    var timings = new Dictionary<string, object>(StringComparer.Ordinal);
    foreach (var scenario in scenarios)
    {
        var measurement = await Measurement.RunAsync(scenario, options.Warmup, options.Iterations);
        measurements.Add((provider, measurement));
        out_.WriteLine($"  {provider,-8} {scenario.Name,-16} EF p50 {measurement.EfP50,7:F2} p95 {measurement.EfP95,7:F2} ms | " +
            $"SQL p50 {measurement.SqlP50,7:F2} p95 {measurement.SqlP95,7:F2} ms" +
            $" | CPU p95 EF {measurement.EfCpuP95:F2} SQL {measurement.SqlCpuP95:F2} ms" +
            (measurement.Mismatches > 0 ? $" | {measurement.Mismatches} MISMATCHES, first: {measurement.FirstMismatch}" : string.Empty));
        foreach (var slow in measurement.Slowest)
        {
            out_.WriteLine($"      slowest: {slow}");
        }

        timings[scenario.Name] = new
        {
            efP50 = measurement.EfP50,
            efP95 = measurement.EfP95,
            sqlP50 = measurement.SqlP50,
            sqlP95 = measurement.SqlP95,
            ratioP50 = measurement.RatioP50,
            ratioP95 = measurement.RatioP95,
            mismatches = measurement.Mismatches,
        };
    }

    results[provider.ToString().ToLowerInvariant()] = new
    {
        seedSeconds = seed.Seconds,
        seedPhases = seed.Phases,
        databaseMB = Math.Round(size / 1024.0 / 1024.0, 1),
        searchTerms = seed.Rows["crm_search_terms"],
        contacts = seed.Rows["crm_contacts"],
        scenarios = timings,
    };
}

var loadAfter = Machine.LoadAverage();
const double TargetP95 = 50;
const double TargetRatio = 2;
string[] targeted = ["search", "list"];
var met = measurements.Where(m => targeted.Contains(m.Measurement.Scenario))
    .All(m => m.Measurement.EfP95 <= TargetP95 && m.Measurement.RatioP95 <= TargetRatio);
var equivalent = measurements.All(m => m.Measurement.Mismatches == 0);

out_.WriteLine();
out_.WriteLine($"| provider | scenario | EF p50 ms | EF p95 ms | SQL p50 ms | SQL p95 ms | EF/SQL p50 | EF/SQL p95 | target (p95 ≤ {TargetP95} ms, ≤ {TargetRatio}× SQL) |");
out_.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---|");
foreach (var (provider, m) in measurements)
{
    var verdict = !targeted.Contains(m.Scenario) ? "not targeted"
        : m.EfP95 <= TargetP95 && m.RatioP95 <= TargetRatio ? "met" : "MISSED";
    out_.WriteLine($"| {provider} | {m.Scenario} | {m.EfP50:F2} | {m.EfP95:F2} | {m.SqlP50:F2} | {m.SqlP95:F2} | {m.RatioP50:F2} | {m.RatioP95:F2} | {verdict} |");
}

out_.WriteLine();
var result = new
{
    benchmark = "core",
    customers = options.Customers,
    interactions = options.Interactions,
    iterations = options.Iterations,
    warmup = options.Warmup,
    cores = Environment.ProcessorCount,
    loadAverage = new { before = loadBefore, after = loadAfter },
    target = new { p95Ms = TargetP95, ratioToSql = TargetRatio, scenarios = targeted },
    targetMet = met,
    equivalent,
    providers = results,
};
out_.WriteLine("RESULT " + JsonSerializer.Serialize(result));
return equivalent ? 0 : 1;

// The host's registrations the measured code needs: the context factory configured by UseCrmDatabase (as
// AddCrmDbContext does) and CustomerService with its collaborators.
static ServiceProvider Services(DatabaseSettings settings, QueryPlans? plans)
{
    var services = new ServiceCollection();
    services.AddLogging();
    services.AddAuthorizationCore();
    services.AddHttpContextAccessor();
    services.AddSingleton(TimeProvider.System);
    services.AddSingleton(settings);
    services.AddDbContextFactory<CrmDbContext>(o =>
    {
        o.UseCrmDatabase(settings, pluginId: null);
        if (plans is not null)
        {
            o.AddInterceptors(plans);
        }
    });
    services.AddScoped<CustomerAccess>();
    services.AddScoped<CurrentUser>();
    services.AddScoped<CustomerService>();
    return services.BuildServiceProvider();
}

/// <summary>Facts about the machine the run is on.</summary>
internal static class Machine
{
    /// <summary>The one-minute load average (Linux), or -1 where it cannot be read.</summary>
    public static double LoadAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return -1;
        }
    }
}
