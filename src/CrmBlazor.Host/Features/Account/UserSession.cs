using CrmBlazor.Host.Identity;
using CrmBlazor.Sdk.Data;

namespace CrmBlazor.Host.Features.Account;

/// <summary>
/// A signed-in browser: the server side of an authentication cookie (<c>crm_user_sessions</c>). The
/// cookie carries only a random key; the row holds the key's SHA-256 hash and the sign-in ticket, so a
/// session ends the moment its row is deleted, on every host instance at once. See
/// <see cref="UserSessionStore"/> and docs/decisions/0011-server-side-sessions.md.
/// </summary>
[NotAudited]
public sealed class UserSession
{
    /// <summary>The session's public id (not a secret: knowing it signs nobody in).</summary>
    public Guid Id { get; set; }

    /// <summary>SHA-256 of the key in the cookie, 64 lower-case hexadecimal digits. The key itself is never stored.</summary>
    public required string KeyHash { get; set; }

    /// <summary>The signed-in user.</summary>
    public required string UserId { get; set; }

    /// <summary>The authentication ticket (claims and properties), serialized.</summary>
    public required byte[] Ticket { get; set; }

    /// <summary>When the user signed in.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The last request seen with the session, to within <see cref="UserSessionStore.LastSeenResolution"/>.</summary>
    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>When the session ends unless a request renews it first (sliding expiration).</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The client address at sign-in.</summary>
    public string? ClientAddress { get; set; }

    /// <summary>The browser's user agent at sign-in (truncated to 512 characters).</summary>
    public string? UserAgent { get; set; }
}
