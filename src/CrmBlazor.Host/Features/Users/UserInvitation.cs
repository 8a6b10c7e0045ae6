using CrmBlazor.Sdk.Data;

namespace CrmBlazor.Host.Features.Users;

/// <summary>
/// The invitation of an account that has no password yet: a link holding a random token lets the person
/// choose one. Only the token's SHA-256 hash is stored; the link is shown once when it is issued. One per
/// account: inviting again replaces the token, so an older link stops working.
/// </summary>
/// <remarks>Not audited: the security log records who invited whom, and the audit log has no use for token hashes.</remarks>
[NotAudited]
public sealed class UserInvitation
{
    /// <summary>The row id.</summary>
    public long Id { get; set; }

    /// <summary>The invited account.</summary>
    public required string UserId { get; set; }

    /// <summary>The SHA-256 hash of the link's token, in lower-case hexadecimal.</summary>
    public required string TokenHash { get; set; }

    /// <summary>When the link was issued.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the link stops working.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When the person chose their password with it, or null while it is open.</summary>
    public DateTimeOffset? UsedAt { get; set; }
}
