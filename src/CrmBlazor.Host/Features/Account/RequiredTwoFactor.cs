using System.Security.Claims;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Host.Features.Account;

/// <summary>
/// Which roles must sign in with two factors (<see cref="CrmRole.RequiresTwoFactor"/>), and whether a
/// signed-in user still has to enrol. Such a user is sent to <see cref="AccountPaths.TwoFactor"/> and
/// refused everything else (<see cref="RequiredTwoFactorEnrolment"/>), and an open page of theirs is
/// signed out at its next check (<see cref="RevalidatingAuthenticationStateProvider"/>).
/// </summary>
/// <remarks>
/// Asked on every request of a signed-in user, so both answers are cached for
/// <see cref="CacheTime"/>: the required roles, and per user whether two-factor sign-in is on (only
/// for users in a required role). Changes on this instance are seen at once (<see cref="Invalidate"/>,
/// <see cref="Forget"/>); on other instances within <see cref="CacheTime"/>.
/// </remarks>
public sealed class RequiredTwoFactor(IDbContextFactory<CrmDbContext> contexts, IMemoryCache cache, IOptions<IdentityOptions> identity)
{
    /// <summary>How long the answers are cached.</summary>
    public static readonly TimeSpan CacheTime = TimeSpan.FromMinutes(1);

    private const string RolesKey = "crm/two-factor-required-roles";

    /// <summary>The roles whose members must use two-factor sign-in.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlySet<string>> RolesAsync(CancellationToken cancellationToken = default) =>
        (await cache.GetOrCreateAsync(RolesKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheTime;
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var names = await db.Roles.AsNoTracking().Where(r => r.RequiresTwoFactor && r.Name != null).Select(r => r.Name!).ToListAsync(cancellationToken);
            return (IReadOnlySet<string>)names.ToHashSet(StringComparer.Ordinal);
        }))!;

    /// <summary>Whether one of the account's roles requires two-factor sign-in.</summary>
    /// <param name="user">The account.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<bool> AppliesToAsync(CrmUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var required = await RolesAsync(cancellationToken);
        if (required.Count == 0)
        {
            return false;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await (from ur in db.UserRoles
                      join r in db.Roles on ur.RoleId equals r.Id
                      where ur.UserId == user.Id && r.RequiresTwoFactor
                      select r.Id).AnyAsync(cancellationToken);
    }

    /// <summary>Whether the signed-in user is in a role that requires two-factor sign-in and has not turned it on.</summary>
    /// <param name="user">The principal of a request or a circuit.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<bool> IsPendingAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true || user.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType) is not { } userId)
        {
            return false;
        }

        var required = await RolesAsync(cancellationToken);
        if (!user.FindAll(identity.Value.ClaimsIdentity.RoleClaimType).Any(c => required.Contains(c.Value)))
        {
            return false;
        }

        var enabled = await cache.GetOrCreateAsync(KeyOf(userId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheTime;
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).FirstOrDefaultAsync(cancellationToken);
        });
        return !enabled;
    }

    /// <summary>Drops the cached roles after an administrator changed them.</summary>
    public void Invalidate() => cache.Remove(RolesKey);

    /// <summary>Drops a user's cached two-factor state after they turned it on or off.</summary>
    /// <param name="userId">The user.</param>
    public void Forget(string userId) => cache.Remove(KeyOf(userId));

    private static (string, string) KeyOf(string userId) => ("crm/two-factor-enabled", userId);
}
