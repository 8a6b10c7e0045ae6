using System.ComponentModel.DataAnnotations;

namespace CrmBlazor.Host.Features.Account;

/// <summary>What the own-account page edits: how the user is named and how pages speak to them.</summary>
public sealed class AccountInput
{
    /// <summary>The name colleagues see.</summary>
    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(200, ErrorMessage = "The name can be at most 200 characters long.")]
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The language (a <c>CrmCultures</c> name).</summary>
    [Required(ErrorMessage = "Choose a language.")]
    [StringLength(16)]
    public string Culture { get; set; } = string.Empty;

    /// <summary>The IANA id of the time zone.</summary>
    [Required(ErrorMessage = "Choose a time zone.")]
    [StringLength(64)]
    public string TimeZone { get; set; } = string.Empty;
}

/// <summary>The signed-in user's own account as the page shows it.</summary>
/// <param name="Email">The e-mail address (the sign-in name).</param>
/// <param name="Input">The values the form starts with.</param>
/// <param name="TwoFactor">Whether two-factor sign-in is on.</param>
/// <param name="Version">The account's version, for the save's concurrency check.</param>
public sealed record OwnAccountView(string Email, AccountInput Input, bool TwoFactor, string Version);
