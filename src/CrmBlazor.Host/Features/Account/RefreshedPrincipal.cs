using System.Security.Claims;

namespace CrmBlazor.Host.Features.Account;

/// <summary>
/// A signed-in principal read again from the account (new roles, a new name), keeping what only the
/// sign-in knew: the session it belongs to (<see cref="UserSessionStore.SessionClaimType"/>) and how
/// the person signed in.
/// </summary>
internal static class RefreshedPrincipal
{
    /// <summary>The fresh principal, with every claim of the current one whose type it lacks.</summary>
    /// <param name="current">The principal of the session so far.</param>
    /// <param name="fresh">The principal made from the account now.</param>
    public static ClaimsPrincipal KeepingSessionClaims(ClaimsPrincipal current, ClaimsPrincipal fresh)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(fresh);
        if (fresh.Identity is not ClaimsIdentity identity)
        {
            return fresh;
        }

        var types = fresh.Claims.Select(c => c.Type).ToHashSet(StringComparer.Ordinal);
        identity.AddClaims(current.Claims.Where(c => !types.Contains(c.Type)).Select(c => new Claim(c.Type, c.Value, c.ValueType, c.Issuer)));
        return fresh;
    }
}
