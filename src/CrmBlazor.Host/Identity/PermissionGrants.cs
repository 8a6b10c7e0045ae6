using CrmBlazor.Host.Data;
using CrmBlazor.Host.Plugins;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CrmBlazor.Host.Identity;

/// <summary>
/// Which role holds which permission: read from the database and cached briefly, so that a change
/// made on one host instance reaches the others within a minute.
/// </summary>
internal sealed class PermissionGrants(IDbContextFactory<CrmDbContext> contexts, IMemoryCache cache, TimeProvider clock)
{
    private const string CacheKey = "crm:permission-grants";

    public async Task<IReadOnlySet<(string Role, string Permission)>> GetAsync(CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(CacheKey, out IReadOnlySet<(string, string)>? cached) && cached is not null)
        {
            return cached;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var grants = await db.PermissionGrants.AsNoTracking().Select(g => new { g.Role, g.Permission }).ToListAsync(cancellationToken);
        var set = grants.Select(g => (g.Role, g.Permission)).ToHashSet();
        cache.Set(CacheKey, (IReadOnlySet<(string, string)>)set, TimeSpan.FromMinutes(1));
        return set;
    }

    public void Invalidate() => cache.Remove(CacheKey);

    /// <summary>
    /// Records permissions declared for the first time and grants them to their default roles. A
    /// permission seen before keeps whatever grants administrators have made since.
    /// </summary>
    public async Task SeedAsync(PluginCatalog catalog, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var known = (await db.KnownPermissions.Select(p => p.Name).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var permission in catalog.Permissions.Where(p => !known.Contains(p.Name)).DistinctBy(p => p.Name))
        {
            db.KnownPermissions.Add(new KnownPermission { Name = permission.Name, FirstSeenAt = clock.GetUtcNow() });
            foreach (var role in permission.DefaultRoles.Distinct())
            {
                db.PermissionGrants.Add(new PermissionGrant { Role = role, Permission = permission.Name });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        Invalidate();
    }
}
