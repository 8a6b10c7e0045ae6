namespace CrmBlazor.Host.Features.Users;

/// <summary>Where an account stands, as the users page shows it.</summary>
public enum UserState
{
    /// <summary>Invited: no password yet, cannot sign in until the person uses the invitation link.</summary>
    Invited,

    /// <summary>In use.</summary>
    Active,

    /// <summary>Locked after failed sign-ins, or by Identity's lock-out; an administrator can unlock it.</summary>
    Locked,

    /// <summary>Deactivated by an administrator: cannot sign in; the work recorded under it stays.</summary>
    Deactivated,

    /// <summary>Deactivated and its personal data erased: an anonymous name under which the recorded work stays.</summary>
    Erased,
}

/// <summary>One row of the users page.</summary>
/// <param name="Id">The user id.</param>
/// <param name="Name">The display name (the e-mail address when there is none).</param>
/// <param name="Email">The e-mail address, which is also the sign-in name.</param>
/// <param name="Roles">The roles, in the order of <c>CrmRoles.All</c>.</param>
/// <param name="State">Where the account stands.</param>
/// <param name="LastSignInAt">The last successful sign-in, from the security log, or null.</param>
/// <param name="TwoFactor">Whether two-factor sign-in is on.</param>
/// <param name="Version">The account's concurrency stamp when it was read: changes made from this row expect it.</param>
/// <param name="PasswordResetRequestedAt">When someone asked for a password reset on the forgotten-password page with the account's address, and no link has been issued since; or null.</param>
public sealed record UserRow(
    string Id,
    string Name,
    string Email,
    IReadOnlyList<string> Roles,
    UserState State,
    DateTimeOffset? LastSignInAt,
    bool TwoFactor,
    string Version,
    DateTimeOffset? PasswordResetRequestedAt = null);
