using System.Globalization;

namespace CrmBlazor.Bench;

/// <summary>The command line: <c>core [--customers N] [--interactions N] [--iterations N] [--warmup N] [--keep] [--no-analyze] [--explain] [--only sqlite|postgres] [--reuse FILE|DB] [--data-dir DIR] [--search TEXT]...</c>.</summary>
internal sealed record BenchOptions(
    int Customers,
    int Interactions,
    int Iterations,
    int Warmup,
    bool Keep,
    bool Analyze,
    bool Explain,
    string? OnlyProvider,
    string? Reuse,
    string DataDirectory,
    string? PostgresServer,
    IReadOnlyList<string> Searches)
{
    /// <summary>The environment variable with a PostgreSQL server's connection string; when set, PostgreSQL is measured too.</summary>
    public const string PostgresVariable = "CRM_BENCH_POSTGRES";

    public const string Usage =
        "usage: bench/run.sh core [--customers 100000] [--interactions 10×customers] [--iterations 200] [--warmup 100] [--keep] [--no-analyze] [--explain] [--only sqlite|postgres] [--reuse FILE|DB] [--data-dir /tmp] [--search TEXT]...\n" +
        $"       set {PostgresVariable}=\"Host=localhost;Username=crm;Password=crm;Database=postgres\" to measure PostgreSQL too";

    /// <summary>Reads the command line.</summary>
    /// <exception cref="ArgumentException">An unknown benchmark or option.</exception>
    public static BenchOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != "core")
        {
            throw new ArgumentException("The only benchmark is 'core'.");
        }

        var customers = 100_000;
        int? interactions = null;
        var iterations = 200;
        var warmup = 100;
        var keep = false;
        var analyze = true;
        var explain = false;
        string? only = null;
        string? reuse = null;
        var dataDirectory = Path.GetTempPath();
        var searches = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--customers": customers = Number(args, ++i); break;
                case "--interactions": interactions = Number(args, ++i); break;
                case "--iterations": iterations = Number(args, ++i); break;
                case "--warmup": warmup = Number(args, ++i); break;
                case "--keep": keep = true; break;
                case "--no-analyze": analyze = false; break;
                case "--explain": explain = true; break;
                case "--reuse": reuse = i + 1 < args.Length ? args[++i] : throw new ArgumentException("--reuse needs an SQLite file or a PostgreSQL database name."); break;
                case "--only": only = i + 1 < args.Length ? args[++i].ToLowerInvariant() : throw new ArgumentException("--only needs sqlite or postgres."); break;
                case "--search": searches.Add(i + 1 < args.Length ? args[++i] : throw new ArgumentException("--search needs what to search for.")); break;
                case "--data-dir": dataDirectory = i + 1 < args.Length ? args[++i] : throw new ArgumentException("--data-dir needs a folder."); break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }

        var postgres = Environment.GetEnvironmentVariable(PostgresVariable);
        return new BenchOptions(customers, interactions ?? customers * 10, iterations, warmup, keep, analyze, explain, only, reuse, dataDirectory,
            string.IsNullOrWhiteSpace(postgres) ? null : postgres, searches);
    }

    private static int Number(string[] args, int i) =>
        i < args.Length && int.TryParse(args[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{args[i - 1]} needs a positive number.");
}
