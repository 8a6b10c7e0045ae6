using CrmBlazor.Data;
using CrmBlazor.Host.Data;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Lifecycle;

/// <summary>
/// A host started after an administrator disabled Alpha: the first run records the choice in
/// <c>crm_plugin_settings</c>, as the plugins page does, and the second run starts without Alpha.
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
            await first.InScopeAsync(async services =>
            {
                await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
                db.PluginSettings.Add(new PluginSetting { PluginId = FixtureAlpha.Id, Enabled = false, ChangedAt = DateTimeOffset.UtcNow, ChangedBy = CrmHostFactory.Administrator.Email });
                await db.SaveChangesAsync();
            });
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
