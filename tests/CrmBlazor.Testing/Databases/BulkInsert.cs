using System.Data.Common;
using System.Globalization;

namespace CrmBlazor.Testing.Databases;

/// <summary>
/// Fills tables fast for benchmarks: rows in multi-row <c>INSERT</c> statements with parameters, all in one
/// transaction. The same SQL runs on SQLite and PostgreSQL (identifiers double-quoted); values are given as
/// the provider stores them (on SQLite a Guid as upper-case text and a time as UTC ticks, as EF Core writes them).
/// </summary>
public static class BulkInsert
{
    /// <summary>Rows per statement: 400 rows of up to 80 columns stay below SQLite's 32,766 parameters.</summary>
    public const int RowsPerStatement = 400;

    /// <summary>Inserts rows in multi-row statements inside one transaction.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="table">The table.</param>
    /// <param name="columns">Its columns, in the order of each row's values.</param>
    /// <param name="rows">The rows; null is stored as NULL.</param>
    /// <returns>How many rows were inserted.</returns>
    public static async Task<int> InsertAsync(DbConnection connection, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        await using var transaction = await connection.BeginTransactionAsync();
        var head = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => '"' + c + '"'))}) VALUES ";
        var inserted = 0;
        foreach (var batch in rows.Chunk(RowsPerStatement))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var values = new List<string>(batch.Length);
            for (var r = 0; r < batch.Length; r++)
            {
                var names = new string[columns.Count];
                for (var c = 0; c < columns.Count; c++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = names[c] = string.Create(CultureInfo.InvariantCulture, $"@p{r}_{c}");
                    parameter.Value = batch[r][c] ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }

                values.Add("(" + string.Join(", ", names) + ")");
            }

            command.CommandText = head + string.Join(", ", values);
            inserted += await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return inserted;
    }
}
