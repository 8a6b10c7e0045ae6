using System.Diagnostics;

namespace CrmBlazor.Bench.Measuring;

/// <summary>Timings of one scenario.</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="EfP50">Median of the host's code, ms.</param>
/// <param name="EfP95">95th percentile of the host's code, ms.</param>
/// <param name="SqlP50">Median of the hand-written SQL, ms.</param>
/// <param name="SqlP95">95th percentile of the hand-written SQL, ms.</param>
/// <param name="Iterations">Measured iterations.</param>
/// <param name="Mismatches">Iterations where the two returned different results (must be 0).</param>
/// <param name="FirstMismatch">The first mismatch, described.</param>
/// <param name="Slowest">The inputs the host's code took longest for, with both times: where to look first.</param>
/// <param name="EfCpuP95">95th percentile of the process's CPU time per run of the host's code, ms (with SQLite, which runs
/// in the process, the query's own cost whatever else the machine is doing).</param>
/// <param name="SqlCpuP95">The same for the hand-written SQL.</param>
internal sealed record Measurement(
    string Scenario,
    double EfP50,
    double EfP95,
    double SqlP50,
    double SqlP95,
    int Iterations,
    int Mismatches,
    string? FirstMismatch,
    IReadOnlyList<string> Slowest,
    double EfCpuP95,
    double SqlCpuP95)
{
    /// <summary>EF p50 over SQL p50.</summary>
    public double RatioP50 => Math.Round(EfP50 / Math.Max(SqlP50, 0.001), 2);

    /// <summary>EF p95 over SQL p95.</summary>
    public double RatioP95 => Math.Round(EfP95 / Math.Max(SqlP95, 0.001), 2);

    /// <summary>Runs a scenario: warm-up, then iterations alternating which of the two goes first.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="warmup">Unmeasured iterations first (they use inputs of their own).</param>
    /// <param name="iterations">Measured iterations.</param>
    public static async Task<Measurement> RunAsync(Scenario scenario, int warmup, int iterations)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        for (var i = 0; i < warmup; i++)
        {
            var input = i % scenario.InputCount;
            await scenario.Ef(input);
            await scenario.Sql(input);
        }

        var ef = new double[iterations];
        var sql = new double[iterations];
        var efCpu = new double[iterations];
        var sqlCpu = new double[iterations];
        var mismatches = 0;
        string? first = null;
        for (var i = 0; i < iterations; i++)
        {
            var input = (warmup + i) % scenario.InputCount;
            string efResult, sqlResult;
            if (i % 2 == 0)
            {
                (efResult, ef[i], efCpu[i]) = await TimeAsync(scenario.Ef, input);
                (sqlResult, sql[i], sqlCpu[i]) = await TimeAsync(scenario.Sql, input);
            }
            else
            {
                (sqlResult, sql[i], sqlCpu[i]) = await TimeAsync(scenario.Sql, input);
                (efResult, ef[i], efCpu[i]) = await TimeAsync(scenario.Ef, input);
            }

            if (!string.Equals(efResult, sqlResult, StringComparison.Ordinal))
            {
                mismatches++;
                first ??= $"{scenario.Describe(input)}: EF {Shorten(efResult)} / SQL {Shorten(sqlResult)}";
            }
        }

        var slowest = Enumerable.Range(0, iterations).OrderByDescending(i => ef[i]).Take(5)
            .Select(i => $"{ef[i],7:F1} ms EF, {sql[i],7:F1} ms SQL: {scenario.Describe((warmup + i) % scenario.InputCount)}")
            .ToList();
        return new Measurement(
            scenario.Name, Percentile(ef, 50), Percentile(ef, 95), Percentile(sql, 50), Percentile(sql, 95), iterations, mismatches, first, slowest,
            Percentile(efCpu, 95), Percentile(sqlCpu, 95));
    }

    private static async Task<(string Result, double Milliseconds, double CpuMilliseconds)> TimeAsync(Func<int, Task<string>> run, int input)
    {
        var cpu = Environment.CpuUsage.TotalTime;
        var start = Stopwatch.GetTimestamp();
        var result = await run(input);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        return (result, elapsed, (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds);
    }

    // Nearest-rank percentile.
    private static double Percentile(double[] values, int percent)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)], 2);
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
