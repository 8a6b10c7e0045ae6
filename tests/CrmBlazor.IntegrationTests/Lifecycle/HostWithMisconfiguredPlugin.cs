using CrmBlazor.Data;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;

namespace CrmBlazor.IntegrationTests.Lifecycle;

/// <summary>
/// A host started with a setting of Alpha that is not a schedule: Alpha reads its heartbeat's schedule
/// from its settings (<c>Plugins:fixture-alpha:HeartbeatSchedule</c>), as a firm's plugin reads
/// "every tuesday" from a configuration someone typed.
/// </summary>
public abstract class HostWithMisconfiguredPlugin : IAsyncLifetime
{
    /// <summary>The schedule given to Alpha.</summary>
    public const string Schedule = "every tuesday";

    private TestDatabase? _database;
    private CrmHostFactory? _host;

    /// <summary>The provider.</summary>
    public abstract DatabaseProvider Provider { get; }

    /// <summary>The host, started.</summary>
    public CrmHostFactory Host => _host ?? throw new InvalidOperationException("Not initialised.");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider);
        var settings = new Dictionary<string, string?>(CrmHostFixture.Settings) { ["Plugins:fixture-alpha:HeartbeatSchedule"] = Schedule };
        _host = new CrmHostFactory(_database, CrmHostFixture.PluginsPath, settings).Start();
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

/// <summary>On SQLite.</summary>
public sealed class SqliteHostWithMisconfiguredPlugin : HostWithMisconfiguredPlugin
{
    /// <inheritdoc />
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresHostWithMisconfiguredPlugin : HostWithMisconfiguredPlugin
{
    /// <inheritdoc />
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
