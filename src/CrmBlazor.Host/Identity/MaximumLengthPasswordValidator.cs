using Microsoft.AspNetCore.Identity;

namespace CrmBlazor.Host.Identity;

/// <summary>
/// Allows passphrases of up to 128 characters (OWASP ASVS 5.0 asks for at least 64) and refuses
/// longer input, which would only cost hashing time.
/// </summary>
internal sealed class MaximumLengthPasswordValidator(LocalizedIdentityErrors errors) : IPasswordValidator<CrmUser>
{
    public const int MaximumLength = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<CrmUser> manager, CrmUser user, string? password) =>
        Task.FromResult(password is { Length: > MaximumLength }
            ? IdentityResult.Failed(errors.PasswordTooLong(MaximumLength))
            : IdentityResult.Success);
}
