using CrmBlazor.Data;
using CrmBlazor.Host.Features.Administration;
using CrmBlazor.Host.Plugins;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;
using CrmBlazor.Testing.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Lifecycle;

/// <summary>
/// A host in its third start after administrators uploaded plugins: in the first run two plugins are
/// uploaded (Kept and Removed); the second run loads both, then a newer version of Kept is uploaded and
/// Removed is removed; the third run (the shared host) loads Kept's new version and not Removed.
/// Uploaded plugins are unpacked into a folder of this scenario (<c>Plugins:InstalledPath</c>).
/// </summary>
/// <param name="provider">The provider.</param>
/// <param name="installedPath">The folder uploaded plugins are unpacked into.</param>
public abstract class HostWithUploadedPlugins(DatabaseProvider provider, string installedPath)
    : HostFixture(provider, CrmHostFixture.FixturePlugins.WithSettings(new Dictionary<string, string?> { ["Plugins:InstalledPath"] = installedPath })), IAsyncLifetime
{
    private readonly string _keptAssembly = "Acme.Kept" + Guid.NewGuid().ToString("N");

    /// <summary>The plugin uploaded, loaded, then upgraded.</summary>
    public string KeptId { get; } = "kept-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The plugin uploaded, loaded, then removed.</summary>
    public string RemovedId { get; } = "removed-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The folder uploaded plugins are unpacked into.</summary>
    public string InstalledPath { get; } = installedPath;

    /// <summary>Kept and Removed as the second run found them.</summary>
    public IReadOnlyList<PluginEntry?> SecondRun { get; private set; } = [];

    /// <summary>Kept and Removed as the first run listed them right after the upload.</summary>
    public IReadOnlyList<PluginEntry?> FirstRun { get; private set; } = [];

    /// <summary>A folder for a scenario's uploaded plugins.</summary>
    protected static string NewInstalledPath() => Path.Combine(Path.GetTempPath(), "crmblazor-tests", "installed-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The first two runs.</summary>
    /// <param name="database">The database every run uses.</param>
    protected override async Task BeforeHostStartsAsync(TestDatabase database)
    {
        await using (var first = StartHost(database))
        {
            await UploadAsync(first, PluginArchiveBuilder.ForPlugin(KeptId, "1.0.0", _keptAssembly).Build());
            await UploadAsync(first, PluginArchiveBuilder.ForPlugin(RemovedId).Build());
            FirstRun = Find(first);
        }

        await using (var second = StartHost(database))
        {
            SecondRun = Find(second);
            await UploadAsync(second, PluginArchiveBuilder.ForPlugin(KeptId, "1.1.0", _keptAssembly).Build());
            var removal = await second.AsUserAsync(CrmHostFactory.Administrator, services => services.GetRequiredService<PluginArchives>().RemoveAsync(RemovedId));
            if (!removal.Succeeded)
            {
                throw new InvalidOperationException("The second run could not remove " + RemovedId);
            }
        }
    }

    private PluginEntry?[] Find(CrmHostFactory host)
    {
        var catalog = host.Services.GetRequiredService<PluginCatalog>();
        return [catalog.Find(KeptId), catalog.Find(RemovedId)];
    }

    private static async Task UploadAsync(CrmHostFactory host, byte[] archive)
    {
        var upload = await host.AsUserAsync(CrmHostFactory.Administrator, services =>
            services.GetRequiredService<PluginArchives>().InstallAsync(new MemoryStream(archive)));
        if (!upload.Accepted)
        {
            throw new InvalidOperationException("The upload was refused: " + upload.Refusal);
        }
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteHostWithUploadedPlugins() : HostWithUploadedPlugins(DatabaseProvider.Sqlite, NewInstalledPath());

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresHostWithUploadedPlugins() : HostWithUploadedPlugins(DatabaseProvider.Postgres, NewInstalledPath());
