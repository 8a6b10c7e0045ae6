using CrmBlazor.Data;
using CrmBlazor.Host.Features.Administration;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Lifecycle;

/// <summary>
/// A host started after an administrator disabled Alpha: in the first run the administrator switches
/// it off through the plugins page's service, and the second run starts without Alpha.
/// </summary>
public abstract class HostWithDisabledPlugin : IAsyncLifetime
{
    private TestDatabase? _database;
    private CrmHostFactory? _host;

    /// <summary>The provider.</summary>
    public abstract DatabaseProvider Provider { get; }

    /// <summary>The host started with Alpha disabled.</summary>
    public CrmHostFactory Host => _host ?? throw new InvalidOperationException("Not initialised.");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider);
        await using (var first = CrmHostFixture.StartHost(_database))
        {
            await first.AsUserAsync(CrmHostFactory.Administrator, services =>
                services.GetRequiredService<PluginSettingsService>().SetEnabledAsync(FixtureAlpha.Id, enabled: false));
        }

        _host = CrmHostFixture.StartHost(_database);
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
public sealed class SqliteHostWithDisabledPlugin : HostWithDisabledPlugin
{
    /// <inheritdoc />
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresHostWithDisabledPlugin : HostWithDisabledPlugin
{
    /// <inheritdoc />
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
