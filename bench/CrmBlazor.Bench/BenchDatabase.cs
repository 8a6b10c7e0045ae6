using System.Data.Common;
using CrmBlazor.Data;
using CrmBlazor.Host.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CrmBlazor.Bench;

/// <summary>
/// A fresh database for one benchmark run, migrated with the host's own migrations: an SQLite file in
/// a temporary folder, or a uniquely named PostgreSQL database on the server of <c>CRM_BENCH_POSTGRES</c>.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _serverConnectionString;
    private readonly string? _directory;

    private BenchDatabase(DatabaseSettings settings, string name, string? serverConnectionString, string? directory)
    {
        Settings = settings;
        Name = name;
        _serverConnectionString = serverConnectionString;
        _directory = directory;
    }

    /// <summary>The settings a host would be configured with.</summary>
    public DatabaseSettings Settings { get; }

    /// <summary>The provider.</summary>
    public DatabaseProvider Provider => Settings.Provider;

    /// <summary>The file or database name.</summary>
    public string Name { get; }

    /// <summary>Whether to leave the database in place when the run ends (<c>--keep</c>).</summary>
    public bool Keep { get; set; }

    /// <summary>Creates an empty SQLite database file in a new temporary folder.</summary>
    /// <param name="parent">Where to create the folder.</param>
    public static BenchDatabase CreateSqlite(string parent)
    {
        var directory = Path.Combine(parent, "crm-bench-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "crm.db");
        return new BenchDatabase(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file}"), file, null, directory);
    }

    /// <summary>Creates an empty, uniquely named PostgreSQL database.</summary>
    /// <param name="serverConnectionString">A connection string of a role that may create databases.</param>
    public static async Task<BenchDatabase> CreatePostgresAsync(string serverConnectionString)
    {
        var name = "crm_bench_" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        await using (var connection = new NpgsqlConnection(serverConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ToString();
        return new BenchDatabase(new DatabaseSettings(DatabaseProvider.Postgres, connectionString), name, serverConnectionString, null);
    }

    /// <summary>An existing benchmark database (<c>--reuse</c>): an SQLite file path or a PostgreSQL database name. It is kept.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="name">The file or database name.</param>
    /// <param name="serverConnectionString">The PostgreSQL server, for PostgreSQL.</param>
    public static BenchDatabase Existing(DatabaseProvider provider, string name, string? serverConnectionString) => provider == DatabaseProvider.Sqlite
        ? new BenchDatabase(new DatabaseSettings(provider, $"Data Source={name}"), name, null, Path.GetDirectoryName(name)) { Keep = true }
        : new BenchDatabase(new DatabaseSettings(provider, new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ToString()), name, serverConnectionString, null) { Keep = true };

    /// <summary>Options for the host's context on this database (without the host's save interceptors: the benchmark only reads through EF).</summary>
    public DbContextOptions<CrmDbContext> ContextOptions() =>
        new DbContextOptionsBuilder<CrmDbContext>().UseCrmDatabase(Settings, pluginId: null).Options;

    /// <summary>Applies the host's migrations, as the host does at start-up (SQLite in WAL mode).</summary>
    public async Task MigrateAsync()
    {
        await using var db = new CrmDbContext(ContextOptions());
        if (Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.CloseConnectionAsync();
        }

        await db.Database.MigrateAsync();
    }

    /// <summary>Opens a raw connection (pooled, like EF's).</summary>
    public async Task<DbConnection> OpenConnectionAsync()
    {
        DbConnection connection = Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(Settings.ConnectionString)
            : new NpgsqlConnection(Settings.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The size of the database on disk, in bytes (SQLite: the file after a checkpoint).</summary>
    public async Task<long> SizeInBytesAsync()
    {
        await using var connection = await OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        if (Provider == DatabaseProvider.Sqlite)
        {
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await command.ExecuteNonQueryAsync();
            return new FileInfo(Name).Length;
        }

        command.CommandText = "SELECT pg_database_size(current_database())";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Keep)
        {
            return;
        }

        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_directory!, recursive: true);
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
