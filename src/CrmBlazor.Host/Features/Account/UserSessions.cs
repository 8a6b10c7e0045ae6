using System.Security.Claims;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Account;

/// <summary>
/// Ends sessions on the server: one session, or every session of a user (a password change, a
/// deactivated account, "sign out everywhere"). An ended session's cookie is refused by the next
/// request on every host instance, and an open circuit of it is signed out within
/// <see cref="Components.Account.RevalidatingAuthenticationStateProvider.Interval"/>. Callers record
/// why in the <see cref="SecurityLog"/>. Signing out (<c>POST /account/logout</c>) ends its own session
/// through the cookie handler and <see cref="UserSessionStore"/>.
/// </summary>
public sealed class UserSessions(IDbContextFactory<CrmDbContext> contexts, TimeProvider clock)
{
    /// <summary>The session a signed-in principal belongs to, or null (anonymous, or signed in before sessions were stored).</summary>
    /// <param name="user">The principal of a request or a circuit.</param>
    public static Guid? IdOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Guid.TryParse(user.FindFirstValue(UserSessionStore.SessionClaimType), out var id) ? id : null;
    }

    /// <summary>Whether the principal's session still exists and has not expired.</summary>
    /// <param name="user">The principal of a request or a circuit.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<bool> IsActiveAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (IdOf(user) is not { } id)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.UserSessions.AnyAsync(s => s.Id == id && s.ExpiresAt > now, cancellationToken);
    }

    /// <summary>Ends one session of a user (e.g. from a list of the user's sessions).</summary>
    /// <param name="userId">The user; a session of another user is left alone.</param>
    /// <param name="sessionId">The session (<see cref="UserSession.Id"/>).</param>
    /// <param name="cancellationToken">Cancels the deletion.</param>
    /// <returns>Whether the session existed.</returns>
    public async Task<bool> EndAsync(string userId, Guid sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.UserSessions.Where(s => s.Id == sessionId && s.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>Ends every session of a user, except perhaps one.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="except">A session to keep, e.g. the one of the user who changes their own password; null ends all.</param>
    /// <param name="cancellationToken">Cancels the deletion.</param>
    /// <returns>How many sessions ended.</returns>
    public async Task<int> EndAllAsync(string userId, Guid? except = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sessions = db.UserSessions.Where(s => s.UserId == userId);
        if (except is { } kept)
        {
            sessions = sessions.Where(s => s.Id != kept);
        }

        return await sessions.ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Deletes the sessions that expired (their cookies are refused already; this only tidies up).</summary>
    /// <param name="cancellationToken">Cancels the deletion.</param>
    /// <returns>How many were deleted.</returns>
    public async Task<int> RemoveExpiredAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.UserSessions.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }
}
