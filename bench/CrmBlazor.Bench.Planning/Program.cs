using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using CrmBlazor.Bench.Planning;
using CrmBlazor.Data;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

// bench/run.sh planning: see bench/README.md for what is measured and why.
int people = 1_000, projects = 2_000, allocations = 200_000, boardPeople = 200, weeks = 52, iterations = 30, warmup = 5;
var browser = true;
for (var i = 0; i < args.Length; i++)
{
    int Next() => i + 1 < args.Length && int.TryParse(args[++i], CultureInfo.InvariantCulture, out var n) && n > 0
        ? n
        : throw new ArgumentException($"{args[i - 1]} needs a positive number.");
    switch (args[i])
    {
        case "--people": people = Next(); break;
        case "--projects": projects = Next(); break;
        case "--allocations": allocations = Next(); break;
        case "--board": boardPeople = Next(); break;
        case "--iterations": iterations = Next(); break;
        case "--warmup": warmup = Next(); break;
        case "--no-browser": browser = false; break;
        default:
            Console.Error.WriteLine("usage: bench/run.sh planning [--people N] [--projects N] [--allocations N] [--board N] [--iterations N] [--warmup N] [--no-browser]");
            return 2;
    }
}

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var output = Console.Out;
var loadBefore = LoadAverage();
output.WriteLine($"CrmBlazor planning benchmark: {people:N0} people, {projects:N0} projects, {allocations:N0} allocations; the board: {boardPeople} people × {weeks} weeks; " +
    $"{Environment.ProcessorCount} cores; load average {loadBefore}");

// bench/run.sh runs from the repository's root: the host's content root (wwwroot, resources) is there.
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CRMBLAZOR_HOST", Path.GetFullPath("src/CrmBlazor.Host"));
var pluginsFolder = Path.Combine(AppContext.BaseDirectory, "planning-plugins");
var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(ISOWeek.GetYear(DateTime.Today), ISOWeek.GetWeekOfYear(DateTime.Today), DayOfWeek.Monday));
var results = new Dictionary<string, object>();
var failed = false;

var providers = new List<DatabaseProvider> { DatabaseProvider.Sqlite };
if (Environment.GetEnvironmentVariable("CRM_BENCH_POSTGRES") is { Length: > 0 } server)
{
    Environment.SetEnvironmentVariable(PostgresTestDatabase.ServerVariable, server);
    providers.Add(DatabaseProvider.Postgres);
}

foreach (var provider in providers)
{
    output.WriteLine();
    output.WriteLine($"== {provider}");
    await using var database = await TestDatabase.CreateAsync(provider);
    SeededPlan seeded;
    List<double> host = [], sql = [];
    bool same;
    await using (var factory = new CrmHostFactory(database, pluginsFolder, new Dictionary<string, string?> { ["Jobs:WorkerCount"] = "1" }).Start())
    {
        var seeding = Stopwatch.StartNew();
        seeded = await PlanningSeed.SeedAsync(factory, people, projects, allocations, boardPeople, DateOnly.FromDateTime(DateTime.Today), output);
        output.WriteLine($"Seeded {seeded.People:N0} people, {seeded.Projects:N0} projects, {seeded.Allocations:N0} allocations in {seeding.Elapsed.TotalSeconds:F1} s");

        var board = BoardCall.For(factory, seeded.BoardTeamId, monday, weeks);
        await using var connection = await database.OpenConnectionAsync();
        List<Cell> fromHost = [], fromSql = [];
        for (var run = 0; run < warmup + iterations; run++)
        {
            var (cells, elapsed) = await board.RunAsync();
            var watch = Stopwatch.StartNew();
            var (sqlCells, _) = await BoardSql.LoadAsync(connection, provider, seeded.BoardPeople, monday, weeks);
            watch.Stop();
            if (run >= warmup)
            {
                host.Add(elapsed.TotalMilliseconds);
                sql.Add(watch.Elapsed.TotalMilliseconds);
            }

            (fromHost, fromSql) = (cells, sqlCells);
        }

        same = Compare(fromHost, fromSql, output);
        failed |= !same;
        output.WriteLine($"The board's data through {board.Entry}: p50 {P(host, 50):F1} ms, p95 {P(host, 95):F1} ms ({fromHost.Count:N0} cells)");
        output.WriteLine($"Hand-written SQL: p50 {P(sql, 50):F1} ms, p95 {P(sql, 95):F1} ms; ratio host ÷ SQL at p95 {P(host, 95) / P(sql, 95):F2}");
    }

    double? interactive = null;
    if (browser)
    {
        interactive = await BoardInBrowser.MeasureAsync(database, pluginsFolder, $"/resources/board?team={seeded.BoardTeamId}&weeks={weeks}", output);
    }

    results[provider.ToString().ToLowerInvariant()] = new
    {
        people = seeded.People,
        projects = seeded.Projects,
        allocations = seeded.Allocations,
        board_people = seeded.BoardPeople.Count,
        weeks,
        board_p50_ms = Math.Round(P(host, 50), 1),
        board_p95_ms = Math.Round(P(host, 95), 1),
        board_sql_p50_ms = Math.Round(P(sql, 50), 1),
        board_sql_p95_ms = Math.Round(P(sql, 95), 1),
        ratio = Math.Round(P(host, 95) / P(sql, 95), 2),
        interactive_ms = interactive is { } ms ? Math.Round(ms) : (double?)null,
        same_numbers = same,
    };
}

var first = (dynamic)results["sqlite"];
var result = new Dictionary<string, object?>
{
    ["people"] = first.people,
    ["allocations"] = first.allocations,
    ["board_p95_ms"] = first.board_p95_ms,
    ["board_sql_p95_ms"] = first.board_sql_p95_ms,
    ["ratio"] = first.ratio,
    ["interactive_ms"] = first.interactive_ms,
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
    if (samples.Count == 0)
    {
        return double.NaN;
    }

    var sorted = samples.Order().ToList();
    return sorted[Math.Max(0, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
}

static bool Compare(List<Cell> host, List<Cell> sql, TextWriter output)
{
    var bySql = sql.ToDictionary(c => (c.PersonId, c.Week));
    var different = host.Count(c => !bySql.TryGetValue((c.PersonId, c.Week), out var s)
        || Math.Abs(s.Capacity - c.Capacity) > 0.01m || Math.Abs(s.Allocated - c.Allocated) > 0.01m || Math.Abs(s.Tentative - c.Tentative) > 0.01m);
    var over = host.Count(c => Math.Round(c.Allocated) > Math.Round(c.Capacity));
    output.WriteLine($"Fingerprint: {host.Count:N0} cells from the host, {sql.Count:N0} from SQL, {different} different; " +
        $"capacity {host.Sum(c => c.Capacity) / 60:N1} h, allocated {host.Sum(c => c.Allocated) / 60:N1} h, {over:N0} cells over capacity");
    return different == 0 && host.Count == sql.Count;
}

static double LoadAverage() =>
    File.Exists("/proc/loadavg") ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture) : -1;

/// <summary>The board's data as its page loads it (<c>BoardService.LoadAsync</c> for one team over the weeks), found in the assembly the host loaded, timed inside the scope.</summary>
internal sealed class BoardCall
{
    private readonly CrmHostFactory _host;
    private readonly object _query;
    private readonly Type _service;

    private BoardCall(CrmHostFactory host, object query, Type service) => (_host, _query, _service) = (host, query, service);

    public string Entry => _service.Name + ".LoadAsync";

    public static BoardCall For(CrmHostFactory host, long teamId, DateOnly monday, int weeks)
    {
        var assembly = host.Services.GetRequiredService<PluginCatalog>().Find("resources")?.Assembly
            ?? throw new InvalidOperationException("The resources plugin is not loaded.");
        const string Board = "CrmBlazor.Plugins.Resources.Features.Board.";
        var query = Activator.CreateInstance(assembly.GetType(Board + "BoardQuery", true)!, monday, weeks, (long?)teamId, null, 1, null)!;
        return new BoardCall(host, query, assembly.GetType(Board + "BoardService", true)!);
    }

    public Task<(List<Cell> Cells, TimeSpan Elapsed)> RunAsync() => _host.AsUserAsync(CrmHostFactory.Administrator, async services =>
    {
        dynamic service = services.GetRequiredService(_service);
        var watch = Stopwatch.StartNew();
        var board = await service.LoadAsync((dynamic)_query, CancellationToken.None);
        watch.Stop();
        var cells = new List<Cell>();
        foreach (var row in board.People)
        {
            var index = 0;
            foreach (var week in row.Weeks)
            {
                cells.Add(new Cell((long)row.PersonId, index++, (decimal)week.CapacityMinutes, (decimal)week.AllocatedMinutes, (decimal)week.TentativeMinutes));
            }
        }

        return (cells, watch.Elapsed);
    });
}

/// <summary>The board in Chromium: the host as a process on the seeded database, signed in, the board opened until its cells answer.</summary>
internal static class BoardInBrowser
{
    private const int Runs = 5;

    public static async Task<double?> MeasureAsync(TestDatabase database, string pluginsFolder, string address, TextWriter output)
    {
        var chromium = Environment.GetEnvironmentVariable("CRM_E2E_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            output.WriteLine($"No Chromium at {chromium}: the time until the board is interactive is not measured (apt-get install chromium).");
            return null;
        }

        var hostAssembly = typeof(BoardInBrowser).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CrmHostAssembly").Value!;
        var settings = new Dictionary<string, string?>
        {
            ["Plugins:Path"] = pluginsFolder,
            ["Crm:Admin:Email"] = CrmHostFactory.Administrator.Email,
            ["Crm:Admin:Password"] = CrmHostFactory.Administrator.Password,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in database.HostSettings)
        {
            settings[key] = value;
        }

        var dataDirectory = (database as SqliteTestDatabase)?.DataDirectory;
        await using var host = await CrmHostProcess.StartAsync(hostAssembly, settings, dataDirectory);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        context.SetDefaultTimeout(120_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByTestId("signin-email").FillAsync(CrmHostFactory.Administrator.Email);
        await page.GetByTestId("signin-password").FillAsync(CrmHostFactory.Administrator.Password);
        await page.GetByTestId("signin-submit").ClickAsync();
        await page.Locator("[data-interactive='true']").WaitForAsync();

        var times = new List<double>();
        for (var run = 0; run <= Runs; run++)
        {
            var watch = Stopwatch.StartNew();
            await page.GotoAsync(address);
            await page.Locator(BoardReady).First.WaitForAsync();
            watch.Stop();
            if (run > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        output.WriteLine($"Board interactive in Chromium (navigation until a cell of the interactive board is shown), {Runs} runs after one to warm up: " +
            string.Join(", ", times.Select(t => $"{t:F0} ms")) + $"; median {times[Runs / 2]:F0} ms");
        return times[Runs / 2];
    }

    /// <summary>A cell of the board once the page runs interactively (before that, a prerendered cell does nothing).</summary>
    private const string BoardReady = "[data-interactive='true'] [role='gridcell']";
}
