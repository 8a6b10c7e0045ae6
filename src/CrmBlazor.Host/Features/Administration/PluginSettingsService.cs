using CrmBlazor.Host.Data;
using CrmBlazor.Host.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Administration;

/// <summary>
/// Administrators' choices of which plugins run (<c>crm_plugin_settings</c>): shown and changed on the
/// plugins page, and read at start-up, where a disabled plugin's code is never loaded. A change takes
/// effect at the next start.
/// </summary>
public sealed class PluginSettingsService(IDbContextFactory<CrmDbContext> contexts, CurrentUser currentUser, TimeProvider clock)
{
    /// <summary>Whether each plugin an administrator has switched runs at the next start; a plugin without a choice runs.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyDictionary<string, bool>> EnabledAtNextStartAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PluginSettings.AsNoTracking().ToDictionaryAsync(s => s.PluginId, s => s.Enabled, cancellationToken);
    }

    /// <summary>Records whether a plugin runs from the next start on, and who chose it; for administrators only.</summary>
    /// <param name="pluginId">The plugin.</param>
    /// <param name="enabled">Whether it runs.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <exception cref="UnauthorizedAccessException">The user is not an administrator.</exception>
    public async Task SetEnabledAsync(string pluginId, bool enabled, CancellationToken cancellationToken = default)
    {
        if (!await currentUser.HasPermissionAsync(CorePermissions.Administration, cancellationToken))
        {
            throw new UnauthorizedAccessException("Only administrators may enable or disable plugins.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var setting = await db.PluginSettings.FirstOrDefaultAsync(s => s.PluginId == pluginId, cancellationToken);
        if (setting is null)
        {
            setting = new PluginSetting { PluginId = pluginId };
            db.PluginSettings.Add(setting);
        }

        setting.Enabled = enabled;
        setting.ChangedAt = clock.GetUtcNow();
        setting.ChangedBy = currentUser.UserName;
        await db.SaveChangesAsync(cancellationToken);
    }
}
