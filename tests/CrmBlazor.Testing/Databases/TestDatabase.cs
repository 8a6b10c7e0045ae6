using System.Data.Common;
using CrmBlazor.Data;

namespace CrmBlazor.Testing.Databases;

/// <summary>
/// A database of its own for one test host (or several hosts started one after another on it): an
/// SQLite file in a temporary folder, or a uniquely named PostgreSQL database. It knows the settings
/// that point a host at it, answers SQL queries written for both providers (quote column names:
/// <c>"CustomerId"</c>), and removes itself when disposed.
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    /// <summary>The provider.</summary>
    public abstract DatabaseProvider Provider { get; }

    /// <summary>The host settings that select this database (<c>Database:Provider</c>, <c>ConnectionStrings:Crm</c>...).</summary>
    public abstract IReadOnlyDictionary<string, string?> HostSettings { get; }

    /// <summary>Creates an empty database for the provider.</summary>
    /// <param name="provider">The provider.</param>
    /// <exception cref="InvalidOperationException">PostgreSQL is asked for and <c>CRM_TEST_POSTGRES</c> is not set.</exception>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => SqliteTestDatabase.Create(),
        DatabaseProvider.Postgres => await PostgresTestDatabase.CreateAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown provider."),
    };

    /// <summary>Opens a connection to the database.</summary>
    public abstract Task<DbConnection> OpenConnectionAsync();

    /// <summary>Runs a query and returns the first column of the first row, converted to <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The expected type; SQLite's integers, text GUIDs and PostgreSQL's types are converted.</typeparam>
    /// <param name="sql">The SQL, with parameters named <c>@p0</c>, <c>@p1</c>...</param>
    /// <param name="parameters">The parameter values, in order.</param>
    public async Task<T> ScalarAsync<T>(string sql, params object?[] parameters)
    {
        await using var connection = await OpenConnectionAsync();
        await using var command = Command(connection, sql, parameters);
        return ConvertTo<T>(await command.ExecuteScalarAsync());
    }

    /// <summary>
    /// Whether a run of the host's job dispatcher has succeeded (<c>crm_job_runs</c>): for a test that restarts a
    /// killed host and must keep it running until the job it recovered has finished, not only done its work.
    /// </summary>
    /// <param name="runId">The run.</param>
    public async Task<bool> JobRunSucceededAsync(Guid runId) =>
        await ScalarAsync<long>("""SELECT COUNT(*) FROM crm_job_runs WHERE lower(CAST("Id" AS TEXT)) = @p0 AND "State" = 'Succeeded'""", runId.ToString("D")) == 1;

    /// <summary>Runs a query and returns the first column of every row, converted to <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The expected type; SQLite's integers, text GUIDs and PostgreSQL's types are converted.</typeparam>
    /// <param name="sql">The SQL, with parameters named <c>@p0</c>, <c>@p1</c>...</param>
    /// <param name="parameters">The parameter values, in order.</param>
    public async Task<IReadOnlyList<T>> ColumnAsync<T>(string sql, params object?[] parameters)
    {
        await using var connection = await OpenConnectionAsync();
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(ConvertTo<T>(reader.IsDBNull(0) ? null : reader.GetValue(0)));
        }

        return values;
    }

    /// <summary>Runs a query and returns its rows as column-name-to-value maps.</summary>
    /// <param name="sql">The SQL, with parameters named <c>@p0</c>, <c>@p1</c>...</param>
    /// <param name="parameters">The parameter values, in order.</param>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> QueryAsync(string sql, params object?[] parameters)
    {
        await using var connection = await OpenConnectionAsync();
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Runs a statement and returns the number of rows affected.</summary>
    /// <param name="sql">The SQL, with parameters named <c>@p0</c>, <c>@p1</c>...</param>
    /// <param name="parameters">The parameter values, in order.</param>
    public async Task<int> ExecuteAsync(string sql, params object?[] parameters)
    {
        await using var connection = await OpenConnectionAsync();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Whether a table exists.</summary>
    /// <param name="table">The table name.</param>
    public async Task<bool> TableExistsAsync(string table) =>
        (await TablesAsync()).Contains(table, StringComparer.Ordinal);

    /// <summary>The names of all tables (PostgreSQL: of every schema but the system ones, unqualified).</summary>
    public abstract Task<IReadOnlyList<string>> TablesAsync();

    /// <summary>
    /// Searches every text column of every table for a string (case-sensitive) and returns where it
    /// was found, as <c>table.column</c>: the way to prove that some data left no trace.
    /// </summary>
    /// <param name="text">The text to look for.</param>
    public abstract Task<IReadOnlyList<string>> FindTextAsync(string text);

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();

    /// <summary>Builds a command with positional parameters named <c>@p0</c>, <c>@p1</c>...</summary>
    protected static DbCommand Command(DbConnection connection, string sql, IReadOnlyList<object?> parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // Tests write their SQL themselves; values go through parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "p" + i;
            parameter.Value = parameters[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static T ConvertTo<T>(object? value)
    {
        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (value is null or DBNull)
        {
            return default(T) is null || Nullable.GetUnderlyingType(typeof(T)) is not null
                ? default!
                : throw new InvalidOperationException($"The query returned no value; expected {typeof(T).Name}.");
        }

        if (target.IsInstanceOfType(value))
        {
            return (T)value;
        }

        if (target == typeof(Guid))
        {
            return (T)(object)(value is byte[] bytes ? new Guid(bytes) : Guid.Parse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!));
        }

        if (target == typeof(bool) && value is long or int)
        {
            return (T)(object)(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) != 0);
        }

        return (T)Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
    }
}
