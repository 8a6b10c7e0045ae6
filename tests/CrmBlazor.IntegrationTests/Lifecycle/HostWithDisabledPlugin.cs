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
/// <param name="provider">The provider.</param>
public abstract class HostWithDisabledPlugin(DatabaseProvider provider) : HostFixture(provider, CrmHostFixture.FixturePlugins), IAsyncLifetime
{
    /// <summary>The first run, in which the administrator disables Alpha.</summary>
    /// <param name="database">The database both runs use.</param>
    protected override async Task BeforeHostStartsAsync(TestDatabase database)
    {
        await using var first = StartHost(database);
        await first.AsUserAsync(CrmHostFactory.Administrator, services =>
            services.GetRequiredService<PluginSettingsService>().SetEnabledAsync(FixtureAlpha.Id, enabled: false));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteHostWithDisabledPlugin() : HostWithDisabledPlugin(DatabaseProvider.Sqlite);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresHostWithDisabledPlugin() : HostWithDisabledPlugin(DatabaseProvider.Postgres);
