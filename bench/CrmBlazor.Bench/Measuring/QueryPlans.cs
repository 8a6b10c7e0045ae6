using System.Data.Common;
using CrmBlazor.Bench.Scenarios;
using CrmBlazor.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmBlazor.Bench.Measuring;

/// <summary>
/// <c>--explain</c>: records the SQL that EF Core sends for one input of each scenario and prints it
/// with the database's plan (SQLite: EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN ANALYZE), the first
/// thing to read when a query misses its target.
/// </summary>
internal sealed class QueryPlans : DbCommandInterceptor
{
    private readonly List<(string Sql, (string Name, object Value)[] Parameters)> _commands = [];

    /// <summary>Whether commands are being recorded.</summary>
    public bool Recording { get; set; }

    /// <inheritdoc />
    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    /// <inheritdoc />
    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    /// <summary>Runs one input of a scenario through EF Core and prints each command with its plan.</summary>
    public async Task PrintAsync(Scenario scenario, int input, BenchDatabase database, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _commands.Clear();
        Recording = true;
        await scenario.Ef(input);
        Recording = false;
        output.WriteLine($"== {database.Provider} {scenario.Name}: {scenario.Describe(input)}");
        foreach (var (sql, parameters) in _commands)
        {
            output.WriteLine(sql);
            output.WriteLine("  -- " + string.Join(", ", parameters.Select(p => $"{p.Name} = {p.Value}")));
            await using var connection = await database.OpenConnectionAsync();
            await using var explain = RawSql.Command(connection,
                (database.Provider == DatabaseProvider.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE, BUFFERS) ") + sql,
                [.. parameters.Select(p => (p.Name, (object?)p.Value))]);
            await using var reader = await explain.ExecuteReaderAsync();
            _depths.Clear();
            while (await reader.ReadAsync())
            {
                output.WriteLine("  | " + (database.Provider == DatabaseProvider.Sqlite
                    ? new string(' ', 2 * Depth(reader)) + reader.GetString(3)
                    : reader.GetString(0)));
            }
        }

        output.WriteLine();
    }

    // SQLite's plan rows carry (id, parent): indent children under their parents.
    private readonly Dictionary<long, int> _depths = [];

    private int Depth(DbDataReader reader)
    {
        var id = reader.GetInt64(0);
        var parent = reader.GetInt64(1);
        var depth = parent == 0 ? 0 : _depths.GetValueOrDefault(parent) + 1;
        _depths[id] = depth;
        return depth;
    }

    private void Record(DbCommand command)
    {
        if (Recording)
        {
            _commands.Add((command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value ?? DBNull.Value))]));
        }
    }
}
