using CrmBlazor.Data;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;

namespace CrmBlazor.IntegrationTests.Hosting;

/// <summary>
/// One host with the four fixture plugins on a fresh database of one provider, shared by every test
/// class of the provider's collection. Scenarios that need hosts of their own (a restart, a disabled
/// plugin) start them with <see cref="StartHost"/> on a database of their own.
/// </summary>
public abstract class CrmHostFixture : IAsyncLifetime
{
    /// <summary>The folder the build copies the fixture plugins into, next to the test assembly.</summary>
    public const string PluginsPath = "fixture-plugins";

    /// <summary>The greeting configured for Alpha (<c>Plugins:fixture-alpha:Greeting</c>), shown on its page.</summary>
    public const string AlphaGreeting = "Greetings to the integration tests from the configuration";

    private TestDatabase? _database;
    private CrmHostFactory? _host;

    /// <summary>The provider under test.</summary>
    public abstract DatabaseProvider Provider { get; }

    /// <summary>The shared host's database.</summary>
    public TestDatabase Database => _database ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>The shared host.</summary>
    public CrmHostFactory Host => _host ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>The settings every test host gets besides its database.</summary>
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Plugins:fixture-alpha:Greeting"] = AlphaGreeting,
    };

    /// <summary>
    /// Starts another host with the fixture plugins on a database (the caller disposes it). Its password
    /// verifications are counted (<see cref="PasswordVerifications"/>).
    /// </summary>
    /// <param name="database">The database.</param>
    public static CrmHostFactory StartHost(TestDatabase database) => new CrmHostFactory(database, PluginsPath, Settings, PasswordVerifications.Register).Start();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider);
        _host = StartHost(_database);
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
public sealed class SqliteHostFixture : CrmHostFixture
{
    /// <inheritdoc />
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>The shared host on PostgreSQL (needs <c>CRM_TEST_POSTGRES</c>; fails without it).</summary>
public sealed class PostgresHostFixture : CrmHostFixture
{
    /// <inheritdoc />
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>Every test class running on the shared SQLite host (and the shared Production host, see <see cref="ProductionHostFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class SqliteHost : ICollectionFixture<SqliteHostFixture>, ICollectionFixture<ProductionHostFixture>
{
    public const string Name = "SQLite host";
}

/// <summary>Every test class running on the shared PostgreSQL host.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresHost : ICollectionFixture<PostgresHostFixture>
{
    public const string Name = "PostgreSQL host";
}
