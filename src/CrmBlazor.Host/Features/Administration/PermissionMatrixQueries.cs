using CrmBlazor.Data;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Identity;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Sdk.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Administration;

/// <summary>
/// Reads the permission matrix: every permission the core and the loaded plugins declare (the
/// catalog), the permissions of plugins not loaded now (remembered in <c>crm_permissions</c>), and the
/// grants stored. For administrators only.
/// </summary>
public sealed class PermissionMatrixQueries(IDbContextFactory<CrmDbContext> contexts, PluginCatalog catalog, CurrentUser currentUser)
{
    /// <summary>The matrix as stored now.</summary>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <exception cref="UnauthorizedAccessException">The user is not an administrator.</exception>
    public async Task<PermissionMatrix> LoadAsync(CancellationToken cancellationToken = default)
    {
        if (!currentUser.IsInRole(CrmRoles.Admin))
        {
            throw new UnauthorizedAccessException("Only administrators may read which role holds which permission.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var known = await db.KnownPermissions.AsNoTracking().Select(p => p.Name).ToListAsync(cancellationToken);
        var grants = await db.PermissionGrants.AsNoTracking().Select(g => new { g.Role, g.Permission }).ToListAsync(cancellationToken);

        var groups = new List<PermissionGroup>
        {
            new(CrmDbContextOptions.CoreOwnerId, null, [.. catalog.Core.Permissions.Select(p => new PermissionEntry(p.Name, p.DisplayName))]),
        };
        groups.AddRange(catalog.Loaded
            .Where(p => p.Contributions.Permissions.Count > 0)
            .OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(p => new PermissionGroup(p.Id, p.Name, [.. p.Contributions.Permissions.Select(d => new PermissionEntry(d.Name, d.DisplayName))])));

        var declared = catalog.Permissions.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var notLoaded = known.Where(name => !declared.Contains(name)).Order(StringComparer.Ordinal)
            .Select(name => new PermissionEntry(name, null, PluginOf(name)?.Name))
            .ToList();
        if (notLoaded.Count > 0)
        {
            groups.Add(new PermissionGroup(null, null, notLoaded));
        }

        return new PermissionMatrix(groups, grants.Select(g => (g.Role, g.Permission)).ToHashSet());
    }

    // Permission names start with their plugin's id and a dot; plugin ids may hold dots too, so the longest id wins.
    private PluginEntry? PluginOf(string permission) => catalog.Plugins
        .Where(p => permission.StartsWith(p.Id + ".", StringComparison.Ordinal))
        .MaxBy(p => p.Id.Length);
}
