using CrmBlazor.Data;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Identity;
using CrmBlazor.Host.Plugins;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Administration;

/// <summary>The tables a plugin left in the database, and whether the plugin runs now.</summary>
/// <param name="PluginId">The plugin id.</param>
/// <param name="Name">Its display name when the host still finds it, otherwise the id.</param>
/// <param name="Tables">Its tables, its migrations history table last.</param>
/// <param name="IsLoaded">Whether the plugin runs on this instance now.</param>
public sealed record PluginDataHolder(string PluginId, string Name, IReadOnlyList<string> Tables, bool IsLoaded);

/// <summary>
/// The data plugins keep in tables of their own, found from the database rather than from the plugins'
/// code, so that it is known for a plugin that is removed, refused or disabled too: a plugin has held
/// data when its migrations history table (<c>__EFMigrationsHistory_&lt;prefix&gt;</c>) exists, and its
/// tables are those named with its prefix. Such data stays until an administrator purges it; while it
/// stays and the plugin is not loaded, the personal-data export names the plugin as left out and the
/// erasure is refused (docs/decisions/0015-plugins-installed-from-the-admin-page.md).
/// </summary>
public sealed class PluginData(IDbContextFactory<CrmDbContext> contexts, PluginCatalog catalog, DatabaseSettings database, CurrentUser currentUser, SecurityLog securityLog)
{
    private const string HistoryTablePrefix = "__EFMigrationsHistory_";

    /// <summary>Every plugin that has tables in the database, loaded or not, by id.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<PluginDataHolder>> HoldersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sql = database.Provider == DatabaseProvider.Postgres
            ? "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            : "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'";
        var tables = await db.Database.SqlQueryRaw<string>(sql).ToListAsync(cancellationToken);
        var prefixes = tables.Where(t => t.StartsWith(HistoryTablePrefix, StringComparison.Ordinal))
            .Select(t => t[HistoryTablePrefix.Length..])
            .Where(p => p.Length > 0)
            .ToList();
        var holders = new List<PluginDataHolder>();
        foreach (var prefix in prefixes.Order(StringComparer.Ordinal))
        {
            // Ids are lower-case letters, digits and hyphens; the prefix turns hyphens into underscores.
            var id = prefix.Replace('_', '-');
            // "acme" must not take the tables of "acme-tickets" (acme_tickets_...).
            var longer = prefixes.Where(p => p.Length > prefix.Length && p.StartsWith(prefix + "_", StringComparison.Ordinal)).ToList();
            var owned = tables
                .Where(t => t.StartsWith(prefix + "_", StringComparison.Ordinal)
                    && !longer.Any(l => t.StartsWith(l + "_", StringComparison.Ordinal)))
                .Order(StringComparer.Ordinal)
                .Append(HistoryTablePrefix + prefix)
                .ToList();
            var entry = catalog.Find(id);
            holders.Add(new PluginDataHolder(id, entry?.Name ?? id, owned, catalog.IsActive(id)));
        }

        return holders;
    }

    /// <summary>The plugins that hold data but do not run now: what the personal-data export and erasure cannot reach.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<PluginDataHolder>> NotLoadedAsync(CancellationToken cancellationToken = default) =>
        [.. (await HoldersAsync(cancellationToken)).Where(h => !h.IsLoaded)];

    /// <summary>
    /// Drops the tables of a plugin that is not loaded, its migrations history included, so that the
    /// plugin starts from empty tables if it is installed again; for administrators only. Recorded in the security log.
    /// </summary>
    /// <param name="pluginId">The plugin.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>The tables dropped; refused while the plugin runs.</returns>
    public async Task<ChangeResult> PurgeAsync(string pluginId, CancellationToken cancellationToken = default)
    {
        if (!await currentUser.HasPermissionAsync(CorePermissions.Administration, cancellationToken))
        {
            return ChangeResult.Forbidden(new Problem("Only administrators may install, remove or purge plugins."));
        }

        var holder = (await HoldersAsync(cancellationToken)).FirstOrDefault(h => h.PluginId == pluginId);
        if (holder is null)
        {
            return ChangeResult.NotFound();
        }

        if (holder.IsLoaded)
        {
            return ChangeResult.Invalid("", new Problem("{0} is running; disable or remove it and restart before purging its data.", holder.Name));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                // The plugin's tables may reference each other; dropped together, in any order.
                await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF", cancellationToken);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var table in holder.Tables)
            {
                // A name read from the database's own catalogue, quoted as an identifier.
                var drop = "DROP TABLE IF EXISTS \"" + table.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
                    + (database.Provider == DatabaseProvider.Postgres ? " CASCADE" : string.Empty);
                await db.Database.ExecuteSqlRawAsync(drop, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = ON", CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }

        await securityLog.WriteAsync("plugin-data-purged", currentUser.UserName, null, $"{pluginId}: {string.Join(", ", holder.Tables)}");
        return ChangeResult.Saved(0);
    }
}
