using System.Globalization;
using CrmBlazor.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CrmBlazor.Bench.Seeding;

/// <summary>
/// Writes many rows fast with the provider's own bulk path, bypassing EF Core (no change tracking, no
/// audit or outbox interceptors): prepared multi-row INSERTs in large transactions on SQLite, binary
/// COPY on PostgreSQL. Values are CLR values as the host's model has them (DateTimeOffset, Guid, bool,
/// enum names as strings); each writer stores them the way EF Core would for its provider.
/// </summary>
internal abstract class BulkWriter : IAsyncDisposable
{
    /// <summary>Opens a writer on a database.</summary>
    /// <param name="database">The database.</param>
    public static async Task<BulkWriter> OpenAsync(BenchDatabase database) => database.Provider switch
    {
        DatabaseProvider.Sqlite => await SqliteBulkWriter.OpenAsync(database.Settings.ConnectionString),
        _ => await PostgresBulkWriter.OpenAsync(database.Settings.ConnectionString),
    };

    /// <summary>Writes rows into a table.</summary>
    /// <param name="table">The table.</param>
    /// <param name="columns">The columns, in the order of each row's values.</param>
    /// <param name="rows">The rows.</param>
    /// <returns>The number of rows written.</returns>
    public abstract long Write(string table, string[] columns, IEnumerable<object?[]> rows);

    /// <summary>Runs a statement (maintenance after the load).</summary>
    /// <param name="sql">The statement.</param>
    public abstract void Execute(string sql);

    /// <summary>Makes identity columns continue after the ids written explicitly (PostgreSQL; SQLite does it itself).</summary>
    /// <param name="tables">Tables whose <c>Id</c> was written explicitly.</param>
    public abstract void ContinueIdentities(params string[] tables);

    /// <summary>Updates the planner's statistics (SQLite: ANALYZE; PostgreSQL: VACUUM ANALYZE).</summary>
    public abstract void Analyze();

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();

    private static string Quote(string name) => "\"" + name + "\"";

    private sealed class SqliteBulkWriter(SqliteConnection connection) : BulkWriter
    {
        // SQLite finds a named parameter by a linear search, so binding costs grows with the square of the parameters per statement: keep statements small.
        private const int ParametersPerStatement = 400;
        private const int RowsPerTransaction = 50_000;

        public static async Task<BulkWriter> OpenAsync(string connectionString)
        {
            // A connection of its own (not pooled), so the load's settings do not reach the measured queries.
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
            await connection.OpenAsync();
            var writer = new SqliteBulkWriter(connection);
            writer.Execute("PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;");
            return writer;
        }

        public override long Write(string table, string[] columns, IEnumerable<object?[]> rows)
        {
            var rowsPerStatement = Math.Max(1, ParametersPerStatement / columns.Length);
            var transaction = connection.BeginTransaction();
            using var full = Insert(table, columns, rowsPerStatement, transaction);
            var batch = new List<object?[]>(rowsPerStatement);
            long written = 0;
            foreach (var row in rows)
            {
                batch.Add(row);
                if (batch.Count < rowsPerStatement)
                {
                    continue;
                }

                Run(full, batch);
                written += batch.Count;
                batch.Clear();
                if (written % RowsPerTransaction < rowsPerStatement)
                {
                    transaction.Commit();
                    transaction.Dispose();
                    transaction = connection.BeginTransaction();
                    full.Transaction = transaction;
                }
            }

            if (batch.Count > 0)
            {
                using var rest = Insert(table, columns, batch.Count, transaction);
                Run(rest, batch);
                written += batch.Count;
            }

            transaction.Commit();
            transaction.Dispose();
            return written;
        }

        public override void Execute(string sql)
        {
            using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The benchmark's own maintenance statements.
            command.CommandText = sql;
#pragma warning restore CA2100
            command.ExecuteNonQuery();
        }

        public override void ContinueIdentities(params string[] tables)
        {
            // SQLite moves an AUTOINCREMENT table's sequence past explicitly inserted ids by itself.
        }

        public override void Analyze() => Execute("ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");

        public override async ValueTask DisposeAsync() => await connection.DisposeAsync();

        private static void Run(SqliteCommand command, List<object?[]> batch)
        {
            var i = 0;
            foreach (var row in batch)
            {
                foreach (var value in row)
                {
                    command.Parameters[i++].Value = ToSqlite(value);
                }
            }

            command.ExecuteNonQuery();
        }

        // As EF Core's SQLite provider stores them, with the CRM's convention of UTC ticks for timestamps.
        private static object ToSqlite(object? value) => value switch
        {
            null => DBNull.Value,
            DateTimeOffset d => d.UtcTicks,
            Guid g => g.ToString().ToUpperInvariant(),
            bool b => b ? 1L : 0L,
            _ => value,
        };

        private SqliteCommand Insert(string table, string[] columns, int rows, SqliteTransaction transaction)
        {
            var sql = new System.Text.StringBuilder()
                .Append("INSERT INTO ").Append(Quote(table)).Append(" (").AppendJoin(", ", columns.Select(Quote)).Append(") VALUES ");
            var command = connection.CreateCommand();
            var p = 0;
            for (var r = 0; r < rows; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Length; c++)
                {
                    var name = "@p" + p++.ToString(CultureInfo.InvariantCulture);
                    sql.Append(c == 0 ? name : ", " + name);
                    command.Parameters.Add(new SqliteParameter { ParameterName = name });
                }

                sql.Append(')');
            }

#pragma warning disable CA2100 // Table and column names are the benchmark's own; values are parameters.
            command.CommandText = sql.ToString();
#pragma warning restore CA2100
            command.Transaction = transaction;
            foreach (SqliteParameter parameter in command.Parameters)
            {
                parameter.Value = DBNull.Value;
            }

            command.Prepare();
            return command;
        }
    }

    private sealed class PostgresBulkWriter(NpgsqlConnection connection) : BulkWriter
    {
        public static async Task<BulkWriter> OpenAsync(string connectionString)
        {
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, CommandTimeout = 0 }.ToString());
            await connection.OpenAsync();
            return new PostgresBulkWriter(connection);
        }

        public override long Write(string table, string[] columns, IEnumerable<object?[]> rows)
        {
            using var import = connection.BeginBinaryImport(
                $"COPY {Quote(table)} ({string.Join(", ", columns.Select(Quote))}) FROM STDIN (FORMAT BINARY)");
            long written = 0;
            foreach (var row in rows)
            {
                import.StartRow();
                foreach (var value in row)
                {
                    switch (value)
                    {
                        case null: import.WriteNull(); break;
                        case string s: import.Write(s); break;
                        case long l: import.Write(l); break;
                        case int i: import.Write(i); break;
                        case bool b: import.Write(b); break;
                        case double d: import.Write(d); break;
                        case Guid g: import.Write(g); break;
                        case DateTimeOffset t: import.Write(t); break;
                        default: throw new NotSupportedException($"No COPY mapping for {value.GetType()} in {table}.");
                    }
                }

                written++;
            }

            import.Complete();
            return written;
        }

        public override void Execute(string sql)
        {
#pragma warning disable CA2100 // The benchmark's own maintenance statements.
            using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
            command.ExecuteNonQuery();
        }

        public override void ContinueIdentities(params string[] tables)
        {
            foreach (var table in tables)
            {
                Execute($"SELECT setval(pg_get_serial_sequence('{Quote(table)}', 'Id'), (SELECT COALESCE(MAX(\"Id\"), 1) FROM {Quote(table)}))");
            }
        }

        public override void Analyze() => Execute("VACUUM ANALYZE");

        public override async ValueTask DisposeAsync() => await connection.DisposeAsync();
    }
}
