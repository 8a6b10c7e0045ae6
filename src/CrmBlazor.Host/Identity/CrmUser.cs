using Microsoft.AspNetCore.Identity;

namespace CrmBlazor.Host.Identity;

/// <summary>A person who signs in to the CRM.</summary>
public sealed class CrmUser : IdentityUser
{
    /// <summary>The name shown in the UI; the e-mail address if empty.</summary>
    [PersonalData]
    public string? DisplayName { get; set; }

    /// <summary>When the account was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// When an administrator deactivated the account, or null while it is in use. A deactivated user
    /// cannot sign in and has no sessions; the account and the work recorded under it stay.
    /// </summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <summary>
    /// The user's language (one of <c>CrmCultures</c>), or null for the browser's. The sign-in sets the
    /// culture cookie from it, so the choice follows the user to another browser.
    /// </summary>
    public string? Culture { get; set; }

    /// <summary>
    /// The IANA id of the user's time zone (<c>Asia/Kolkata</c>), or null for the firm's: the dates and
    /// times pages show the user are on this clock (<c>UserDisplay</c>).
    /// </summary>
    public string? TimeZone { get; set; }
}

/// <summary>A role (see <c>CrmRoles</c>).</summary>
public sealed class CrmRole : IdentityRole
{
    /// <summary>Creates an empty role (for EF Core).</summary>
    public CrmRole()
    {
    }

    /// <summary>Creates a role with a name.</summary>
    /// <param name="name">The role name.</param>
    public CrmRole(string name)
        : base(name)
    {
    }

    /// <summary>
    /// Whether members must sign in with two factors: a member without an authenticator is sent to the
    /// enrolment page after signing in and can open nothing else until enrolled. Set by administrators
    /// on the users page.
    /// </summary>
    public bool RequiresTwoFactor { get; set; }
}
