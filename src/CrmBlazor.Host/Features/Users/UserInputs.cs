using System.ComponentModel.DataAnnotations;

namespace CrmBlazor.Host.Features.Users;

/// <summary>What the invitation form edits.</summary>
public sealed class InviteInput
{
    /// <summary>The person's name as colleagues see it.</summary>
    [Required(ErrorMessage = "Enter the person's name.")]
    [StringLength(200, ErrorMessage = "The name can be at most 200 characters long.")]
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The e-mail address, which becomes the sign-in name.</summary>
    [Required(ErrorMessage = "Enter the e-mail address.")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [StringLength(256, ErrorMessage = "The e-mail address is too long.")]
    public string Email { get; set; } = string.Empty;

    /// <summary>The roles (<c>CrmRoles</c>); at least one.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>
    /// The person's language (a <c>CrmCultures</c> name): the invitation e-mail is written in it, and
    /// the CRM opens in it at their first sign-in. Null for the inviting administrator's language.
    /// </summary>
    [StringLength(16)]
    public string? Culture { get; set; }
}

/// <summary>The roles an administrator gives a user.</summary>
public sealed class RolesInput
{
    /// <summary>The roles (<c>CrmRoles</c>); at least one.</summary>
    public List<string> Roles { get; set; } = [];
}
