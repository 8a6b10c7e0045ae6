using CrmBlazor.Data;
using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CrmBlazor.IntegrationTests.Segments.Hosting;

// A small local stand-in for tests/CrmBlazor.Testing (CrmHostFactory, TestDatabase), which is being
// written on another branch. When it lands, these tests move onto it: LocalHostFixture becomes
// CrmHostFixture, LocalDatabase becomes TestDatabase and LocalHostFactory becomes CrmHostFactory.

/// <summary>An empty database of its own: an SQLite file in a temporary folder, or a uniquely named PostgreSQL database.</summary>
public sealed class LocalDatabase : IAsyncDisposable
{
    /// <summary>The environment variable holding a PostgreSQL server's connection string (a role that may create databases).</summary>
    public const string PostgresVariable = "CRM_TEST_POSTGRES";

    private readonly string? _directory;
    private readonly string? _server;
    private readonly string? _name;

    private LocalDatabase(DatabaseProvider provider, IReadOnlyDictionary<string, string?> settings, string? directory, string? server, string? name)
    {
        Provider = provider;
        HostSettings = settings;
        _directory = directory;
        _server = server;
        _name = name;
    }

    /// <summary>The provider.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>The settings that point a host at the database.</summary>
    public IReadOnlyDictionary<string, string?> HostSettings { get; }

    /// <summary>Creates an empty database; PostgreSQL needs <c>CRM_TEST_POSTGRES</c> and fails rather than skips without it.</summary>
    /// <param name="provider">The provider.</param>
    public static async Task<LocalDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var directory = Path.Combine(Path.GetTempPath(), "crmblazor-tests", "segments-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(directory);
            return new LocalDatabase(provider, new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["ConnectionStrings:Crm"] = string.Empty,
                ["Crm:DataDirectory"] = directory,
            }, directory, null, null);
        }

        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException($"The PostgreSQL tests need {PostgresVariable}, e.g. \"Host=localhost;Username=crm;Password=crm;Database=postgres\".");
        }

        var name = $"crm_test_segments_{DateTime.UtcNow:yyyyMMddHHmmss}_{Guid.NewGuid().ToString("N")[..8]}";
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        return new LocalDatabase(provider, new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Crm"] = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString(),
        }, null, server, name);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_directory is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A host still shutting down may hold the file a moment longer; the folder is in /tmp.
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync(_server!, $"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (attempt < 10 && e.SqlState is PostgresErrorCodes.ObjectInUse or PostgresErrorCodes.InsufficientPrivilege)
            {
                await Task.Delay(200 * attempt);
            }
        }
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The statement names a database the test generated.
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>The real host in memory on a <see cref="LocalDatabase"/>, loading the plugins of a folder next to the test assembly.</summary>
public sealed class LocalHostFactory : WebApplicationFactory<Program>
{
    /// <summary>The folder the build copies the fixture plugins into.</summary>
    public const string FixturePlugins = "fixture-plugins";

    private static readonly Lock Gate = new();
    private static readonly List<LocalHostFactory> Running = [];
    private readonly Dictionary<string, string?> _settings;

    /// <summary>Creates the factory; <see cref="Start"/> starts the host.</summary>
    /// <param name="database">The database.</param>
    /// <param name="pluginsPath">The plugins folder, relative to the test assembly's folder.</param>
    public LocalHostFactory(LocalDatabase database, string pluginsPath = FixturePlugins)
    {
        ArgumentNullException.ThrowIfNull(database);
        _settings = new Dictionary<string, string?>(database.HostSettings)
        {
            ["Plugins:Path"] = pluginsPath,
            ["Plugins:fixture-alpha:Greeting"] = "Greetings to the segment tests",
            ["Crm:Admin:Email"] = "admin@crm.test",
            ["Crm:Admin:Password"] = "admin-passphrase-for-tests",
            ["Jobs:PollIntervalSeconds"] = "1",
            ["Jobs:WorkerCount"] = "2",
            ["Logging:LogLevel:Default"] = "Warning",
        };
    }

    /// <summary>Starts the host and returns it.</summary>
    public LocalHostFactory Start()
    {
        _ = Server;
        return this;
    }

    /// <summary>Runs code in a service scope of the host, as a request or a job would, and returns its result.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="action">The code.</param>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>
    /// Hangfire keeps its log provider, activator and storage in process-wide statics that every host
    /// sets while it starts; when one of several hosts stops they are pointed back at a running one.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        lock (Gate)
        {
            if (Running.Remove(this) && Running.Count > 0)
            {
                var services = Running[^1].Services;
                GlobalConfiguration.Configuration
                    .UseLogProvider(new AspNetCoreLogProvider(services.GetRequiredService<ILoggerFactory>()))
                    .UseActivator(services.GetRequiredService<JobActivator>());
                JobStorage.Current = services.GetRequiredService<JobStorage>();
            }
        }

        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        lock (Gate)
        {
            Running.Add(this);
        }

        return host;
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>One host with the fixture plugins on a fresh database of one provider, shared by a provider's test classes.</summary>
public abstract class LocalHostFixture : IAsyncLifetime
{
    private LocalDatabase? _database;
    private LocalHostFactory? _host;

    /// <summary>The provider under test.</summary>
    public abstract DatabaseProvider Provider { get; }

    /// <summary>The shared host.</summary>
    public LocalHostFactory Host => _host ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>Creates another empty database of the provider (the caller disposes it).</summary>
    public Task<LocalDatabase> CreateDatabaseAsync() => LocalDatabase.CreateAsync(Provider);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        _host = new LocalHostFactory(_database).Start();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>The shared host on SQLite.</summary>
public sealed class SqliteHostFixture : LocalHostFixture
{
    /// <inheritdoc />
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>The shared host on PostgreSQL.</summary>
public sealed class PostgresHostFixture : LocalHostFixture
{
    /// <inheritdoc />
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>Every test class running on the shared SQLite host.</summary>
[CollectionDefinition(Name)]
public sealed class SqliteHost : ICollectionFixture<SqliteHostFixture>
{
    public const string Name = "SQLite host";
}

/// <summary>Every test class running on the shared PostgreSQL host.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresHost : ICollectionFixture<PostgresHostFixture>
{
    public const string Name = "PostgreSQL host";
}
