using Microsoft.Data.Sqlite;

namespace CrmBlazor.EndToEndTests.Infrastructure;

/// <summary>Reads the running host's SQLite database, to check what a page's save really stored (and arranges what no page makes yet).</summary>
public static class HostDatabase
{
    /// <summary>The first column of the first row, or null.</summary>
    /// <param name="host">The running host.</param>
    /// <param name="sql">The query, with parameters @p0, @p1, …</param>
    /// <param name="parameters">The parameters' values.</param>
    public static async Task<object?> ScalarAsync(CrmHostProcess host, string sql, params object[] parameters)
    {
        ArgumentNullException.ThrowIfNull(host);
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(host.DataDirectory, "crm.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue("@p" + i, parameters[i]);
        }

        return await command.ExecuteScalarAsync() is { } value and not DBNull ? value : null;
    }

    /// <summary>
    /// Changes the running host's database, for what a test needs arranged that no page makes yet (a
    /// person's manager and skills in resources); the change is committed at once.
    /// </summary>
    /// <param name="host">The running host.</param>
    /// <param name="sql">The statement, with parameters @p0, @p1, …</param>
    /// <param name="parameters">The parameters' values.</param>
    public static async Task ExecuteAsync(CrmHostProcess host, string sql, params object[] parameters)
    {
        ArgumentNullException.ThrowIfNull(host);
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(host.DataDirectory, "crm.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue("@p" + i, parameters[i]);
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A text value, or null.</summary>
    /// <param name="host">The running host.</param>
    /// <param name="sql">The query, with parameters @p0, @p1, …</param>
    /// <param name="parameters">The parameters' values.</param>
    public static async Task<string?> TextAsync(CrmHostProcess host, string sql, params object[] parameters) =>
        (string?)await ScalarAsync(host, sql, parameters);
}
