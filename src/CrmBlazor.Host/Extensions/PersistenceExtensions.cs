using CrmBlazor.Data;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Data.Interceptors;
using CrmBlazor.Host.Plugins;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmBlazor.Host.Extensions;

internal static class PersistenceExtensions
{
    /// <summary>The database, the core's context, the save interceptors and the shared key ring.</summary>
    public static DatabaseSettings AddCrmPersistence(this IHostApplicationBuilder builder, string dataDirectory)
    {
        var settings = DatabaseSettings.FromConfiguration(builder.Configuration, dataDirectory);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<ISaveChangesInterceptor, RowVersionInterceptor>();
        builder.Services.AddSingleton<ISaveChangesInterceptor, OutboxInterceptor>();
        builder.Services.AddSingleton<ISaveChangesInterceptor, AuditInterceptor>();
        builder.Services.AddCrmDbContext<CrmDbContext>(pluginId: null);

        // Every host instance reads and writes the same key ring, so cookies and antiforgery tokens
        // issued by one instance are accepted by the others.
        builder.Services.AddDataProtection()
            .SetApplicationName("CrmBlazor")
            .PersistKeysToDbContext<CrmDbContext>();
        return settings;
    }

    /// <summary>
    /// Applies the core's migrations before plugins are loaded (the plugin settings live in the core's
    /// tables) and reads which plugins administrators disabled.
    /// </summary>
    public static async Task<IReadOnlySet<string>> MigrateCoreAndReadDisabledPluginsAsync(DatabaseSettings settings, ILogger logger)
    {
        var options = new DbContextOptionsBuilder<CrmDbContext>().UseCrmDatabase(settings, pluginId: null).Options;
        await using var db = new CrmDbContext(options);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers work while a writer commits; set once, it persists in the file.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.CloseConnectionAsync();
        }

        await db.Database.MigrateAsync();
        await PlannerStatistics.RefreshAsync(db);
        logger.LogInformation("Core database migrated ({Provider})", settings.Provider);
        return (await db.PluginSettings.Where(p => !p.Enabled).Select(p => p.PluginId).ToListAsync()).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Unpacks the plugin archives administrators uploaded into the folder of uploaded plugins, replacing
    /// stale copies and deleting removed ones, before the plugins are discovered.
    /// </summary>
    public static async Task UnpackUploadedPluginsAsync(DatabaseSettings settings, string installedPluginsPath, PluginArchiveLimits limits, ILogger logger)
    {
        var options = new DbContextOptionsBuilder<CrmDbContext>().UseCrmDatabase(settings, pluginId: null).Options;
        await using var db = new CrmDbContext(options);
        var stored = await db.PluginArchives.AsNoTracking().Select(a => new { a.PluginId, a.Sha256 }).ToListAsync();
        InstalledPlugins.Synchronise(
            installedPluginsPath,
            [.. stored.Select(a => new StoredPluginArchive(a.PluginId, a.Sha256, () => ContentOf(options, a.PluginId)))],
            limits,
            logger);
    }

    // One archive at a time, only for a plugin whose folder is missing or stale: archives can be large.
    private static byte[] ContentOf(DbContextOptions<CrmDbContext> options, string pluginId)
    {
        using var db = new CrmDbContext(options);
        return db.PluginArchives.AsNoTracking().Where(a => a.PluginId == pluginId).Select(a => a.Content).Single();
    }
}
