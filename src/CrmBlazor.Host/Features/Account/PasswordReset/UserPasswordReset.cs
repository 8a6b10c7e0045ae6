using CrmBlazor.Sdk.Data;

namespace CrmBlazor.Host.Features.Account.PasswordReset;

/// <summary>
/// A password reset link of an account in use: a link holding a random token lets the person choose a
/// new password. Only the token's SHA-256 hash is stored; the link is shown (or sent) once when it is
/// issued. One per account: a new link replaces the token, so an older link stops working.
/// </summary>
/// <remarks>Not audited: the security log records who issued it and when it was used.</remarks>
[NotAudited]
public sealed class UserPasswordReset
{
    /// <summary>The row id.</summary>
    public long Id { get; set; }

    /// <summary>The account.</summary>
    public required string UserId { get; set; }

    /// <summary>The SHA-256 hash of the link's token, in lower-case hexadecimal.</summary>
    public required string TokenHash { get; set; }

    /// <summary>When the link was issued.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the link stops working.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When the person chose a new password with it, or null while it is open.</summary>
    public DateTimeOffset? UsedAt { get; set; }
}
