using CrmBlazor.Host.Data;
using CrmBlazor.Host.Plugins;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Identity;

/// <summary>
/// Which role holds which permission: read from the database and kept for <see cref="Lifetime"/>, so
/// that a change made on one host instance reaches the others within a minute. The instance that makes
/// a change forgets its copy at once (<see cref="Invalidate"/>). <see cref="Changed"/> tells open
/// menus to work themselves out again.
/// </summary>
/// <remarks>The copy's age is measured with the host's <see cref="TimeProvider"/>.</remarks>
internal sealed class PermissionGrants(IDbContextFactory<CrmDbContext> contexts, TimeProvider clock)
{
    /// <summary>How long an instance keeps the grants it read.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private Snapshot? _snapshot;
    private long _generation;

    /// <summary>
    /// Raised when the grants changed: at once on the instance that changed them, and on another instance
    /// when its first read after <see cref="Lifetime"/> finds them different. Handlers run on the thread
    /// that noticed, and must not throw.
    /// </summary>
    public event Action? Changed;

    public async Task<IReadOnlySet<(string Role, string Permission)>> GetAsync(CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is not null && clock.GetUtcNow() - snapshot.ReadAt < Lifetime)
        {
            return snapshot.Grants;
        }

        var generation = Interlocked.Read(ref _generation);
        var readAt = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var grants = await db.PermissionGrants.AsNoTracking().Select(g => new { g.Role, g.Permission }).ToListAsync(cancellationToken);
        var set = grants.Select(g => (g.Role, g.Permission)).ToHashSet();

        // A change invalidated while this read ran may be missing from it: keep it only if none did.
        if (Interlocked.Read(ref _generation) == generation)
        {
            var previous = Interlocked.Exchange(ref _snapshot, new Snapshot(set, readAt));
            if (previous is not null && !previous.Grants.SetEquals(set))
            {
                // Changed on another instance (this one would have forgotten its copy instead).
                Changed?.Invoke();
            }
        }

        return set;
    }

    /// <summary>Forgets the grants read, so that the next check reads them again.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _snapshot, null);
        Changed?.Invoke();
    }

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

    private sealed record Snapshot(IReadOnlySet<(string Role, string Permission)> Grants, DateTimeOffset ReadAt);
}
