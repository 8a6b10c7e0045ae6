using CrmBlazor.Host.Identity;
using CrmBlazor.Sdk.Results;
using Microsoft.AspNetCore.Identity;

namespace CrmBlazor.Host.Features.Account;

/// <summary>
/// The current password asked again before a signed-in user changes their password or two-factor
/// settings (OWASP ASVS 5.0 6.2.3, 7.5.1). It is one more place a password can be guessed, so it shares
/// the sign-in's lock-out (<see cref="SignInLockout"/>): a wrong password counts as a failed sign-in of
/// the account's address, the one that reaches the limit locks the address, and while the address is
/// locked (or an administrator locked the account) no password is checked here either.
/// </summary>
public sealed class Reauthentication(UserManager<CrmUser> users, SignInLockout lockout, SecurityLog securityLog)
{
    /// <summary>The answer to a wrong current password.</summary>
    public static readonly Problem WrongPassword = new("The current password is not correct.");

    /// <summary>The answer while the address is locked; the same words as at sign-in.</summary>
    public static readonly Problem Locked = new("Too many failed attempts to sign in with this e-mail address. Try again in 15 minutes or ask an administrator.");

    /// <summary>Checks that <paramref name="password"/> is the user's current password; null when it is, otherwise why not.</summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="password">The password as typed.</param>
    /// <param name="purpose">What the password was asked for, for the security log (such as "password change").</param>
    /// <param name="remoteAddress">The client address, for the security log.</param>
    public async Task<Problem?> CheckAsync(CrmUser user, string password, string purpose, string? remoteAddress)
    {
        ArgumentNullException.ThrowIfNull(user);
        var address = user.NormalizedUserName ?? user.Id;
        var failures = await lockout.FailuresInARowAsync(address);
        if (failures is null || await users.IsLockedOutAsync(user))
        {
            await securityLog.WriteSignInAsync(SecurityLog.SignInLocked, user.UserName ?? user.Id, address, remoteAddress);
            return Locked;
        }

        if (await users.CheckPasswordAsync(user, password ?? string.Empty))
        {
            return null;
        }

        await securityLog.WriteAboutUserAsync(SecurityLog.ReauthenticationFailed, user.UserName, user, purpose);
        if (lockout.Locks(failures.Value))
        {
            await securityLog.WriteSignInAsync(SecurityLog.LockedOut, user.UserName ?? user.Id, address, remoteAddress);
            return Locked;
        }

        return WrongPassword;
    }
}
