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
}
