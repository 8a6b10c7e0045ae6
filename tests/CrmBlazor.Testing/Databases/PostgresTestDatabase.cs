using System.Data.Common;
using CrmBlazor.Data;
using Npgsql;

namespace CrmBlazor.Testing.Databases;

/// <summary>
/// A uniquely named PostgreSQL database, created on the server named by the environment variable
/// <c>CRM_TEST_POSTGRES</c> and dropped when disposed.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    /// <summary>The environment variable holding the server's connection string.</summary>
    public const string ServerVariable = "CRM_TEST_POSTGRES";

    private readonly string _serverConnectionString;

    private PostgresTestDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ToString();
    }

    /// <summary>The database name.</summary>
    public string Name { get; }

    /// <summary>The connection string of the database.</summary>
    public string ConnectionString { get; }

    /// <inheritdoc />
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string?> HostSettings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Crm"] = ConnectionString,
    };

    /// <summary>The server's connection string from <c>CRM_TEST_POSTGRES</c>.</summary>
    /// <exception cref="InvalidOperationException">The variable is not set. PostgreSQL tests fail rather than skip.</exception>
    public static string ServerConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(ServerVariable);
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException(
                $"The PostgreSQL tests need a PostgreSQL server, and {ServerVariable} is not set. Set it to a connection string of a role " +
                $"that may create databases, e.g. {ServerVariable}=\"Host=localhost;Username=crm;Password=crm;Database=postgres\".")
            : value;
    }

    /// <summary>Creates an empty, uniquely named database.</summary>
    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var server = ServerConnectionString();
        var name = $"crm_test_{DateTime.UtcNow:yyyyMMddHHmmss}_{Guid.NewGuid().ToString("N")[..8]}";
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = Command(connection, $"CREATE DATABASE \"{name}\"", []);
        await command.ExecuteNonQueryAsync();
        return new PostgresTestDatabase(server, name);
    }

    /// <inheritdoc />
    public override async Task<DbConnection> OpenConnectionAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<string>> TablesAsync()
    {
        var rows = await QueryAsync(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' " +
            "AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY table_name");
        return [.. rows.Select(r => (string)r["table_name"]!)];
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<string>> FindTextAsync(string text)
    {
        var columns = await QueryAsync(
            "SELECT c.table_schema, c.table_name, c.column_name FROM information_schema.columns c " +
            "JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE' " +
            "WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema') " +
            "AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'xml') ORDER BY 1, 2, 3");
        var found = new List<string>();
        foreach (var column in columns)
        {
            var (schema, table, name) = ((string)column["table_schema"]!, (string)column["table_name"]!, (string)column["column_name"]!);
            var hits = await ScalarAsync<long>($"SELECT COUNT(*) FROM \"{schema}\".\"{table}\" WHERE strpos(\"{name}\"::text, @p0) > 0", text);
            if (hits > 0)
            {
                found.Add(table + "." + name);
            }
        }

        return found;
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        // Pooled connections of the hosts that used the database would keep it open.
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();

        // WITH (FORCE) ends the connections of the hosts' own role, but refuses when an autovacuum
        // worker (run by the server's superuser) is busy in the database; a plain DROP waits for such a
        // worker to leave. Between the two, a few attempts always get through.
        for (var attempt = 1; ; attempt++)
        {
            var force = attempt % 2 == 1 ? " WITH (FORCE)" : string.Empty;
            await using var command = Command(connection, $"DROP DATABASE IF EXISTS \"{Name}\"{force}", []);
            try
            {
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (attempt < 10 && e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
    }
}
