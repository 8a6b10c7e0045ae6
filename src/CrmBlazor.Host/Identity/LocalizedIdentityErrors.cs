using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CrmBlazor.Host.Identity;

/// <summary>
/// Identity's messages (the password rules above all) in the language of the request that caused them:
/// Identity writes its errors in English, and the pages show <see cref="IdentityError.Description"/> as
/// it comes. The host's own password rules (<see cref="CommonPasswordValidator"/>,
/// <see cref="MaximumLengthPasswordValidator"/>) word theirs here too, so every rule a person can break
/// reads the same way. The English texts are keys of the core's resources.
/// </summary>
/// <remarks>
/// Messages about things no person can cause through the product (a login provider, an unknown role)
/// keep Identity's English: they only reach logs.
/// </remarks>
public sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> L) : IdentityErrorDescriber
{
    /// <inheritdoc />
    public override IdentityError DefaultError() => Error(nameof(DefaultError), L["Something went wrong. Nothing was changed: try again."]);

    /// <inheritdoc />
    public override IdentityError ConcurrencyFailure() =>
        Error(nameof(ConcurrencyFailure), L["Someone else changed this account meanwhile. Nothing was saved: try again."]);

    /// <inheritdoc />
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), L["The current password is not correct."]);

    /// <inheritdoc />
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), L["This link does not work. Ask for a new one."]);

    /// <inheritdoc />
    public override IdentityError InvalidUserName(string? userName) =>
        Error(nameof(InvalidUserName), L["This is not a valid e-mail address."]);

    /// <inheritdoc />
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), L["This is not a valid e-mail address."]);

    /// <inheritdoc />
    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), L["There is already a user with this e-mail address."]);

    /// <inheritdoc />
    public override IdentityError DuplicateEmail(string email) =>
        Error(nameof(DuplicateEmail), L["There is already a user with this e-mail address."]);

    /// <inheritdoc />
    public override IdentityError UserAlreadyHasPassword() =>
        Error(nameof(UserAlreadyHasPassword), L["This user has already chosen a password."]);

    /// <inheritdoc />
    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), L["Use at least {0} characters.", length]);

    /// <inheritdoc />
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), L["Use at least {0} different characters.", uniqueChars]);

    /// <inheritdoc />
    public override IdentityError RecoveryCodeRedemptionFailed() =>
        Error(nameof(RecoveryCodeRedemptionFailed), L["This recovery code is not correct or was used already."]);

    /// <summary>A password on the list of common passwords (<see cref="CommonPasswordValidator"/>).</summary>
    public IdentityError PasswordTooCommon() => Error("PasswordTooCommon", L["This password is too common: choose another."]);

    /// <summary>A password longer than the host hashes (<see cref="MaximumLengthPasswordValidator"/>).</summary>
    /// <param name="length">The longest password allowed.</param>
    public IdentityError PasswordTooLong(int length) => Error("PasswordTooLong", L["Use at most {0} characters.", length]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
