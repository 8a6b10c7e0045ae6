using CrmBlazor.Host.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Host.Features.Account;

/// <summary>
/// The lock-out of an address after failed attempts to prove who one is, counted in the security log:
/// wrong passwords and codes at sign-in, and wrong current passwords on the account pages
/// (<see cref="SecurityLog.ReauthenticationFailed"/>). After <see cref="LockoutOptions.MaxFailedAccessAttempts"/>
/// failures in a row (since the last sign-in, unlock or reset) the address is locked for
/// <see cref="LockoutOptions.DefaultLockoutTimeSpan"/>, and while it is locked no password is checked,
/// at sign-in or on the account pages.
/// </summary>
/// <remarks>
/// One count for every place a password is typed: otherwise a stolen session could guess the password
/// on the account page without limit, and a guess there would not slow down guesses at sign-in.
/// </remarks>
public sealed class SignInLockout(SecurityLog securityLog, TimeProvider clock, IOptions<IdentityOptions> identity)
{
    /// <summary>The address's failed attempts since its last success or lock-out, or null while it is locked.</summary>
    /// <param name="normalizedAddress">The address as Identity normalizes user names.</param>
    public async Task<int?> FailuresInARowAsync(string normalizedAddress)
    {
        var lockout = identity.Value.Lockout;
        var failures = 0;
        foreach (var (kind, occurredAt) in await securityLog.RecentSignInsAsync(normalizedAddress, lockout.MaxFailedAccessAttempts))
        {
            if (kind == SecurityLog.LockedOut)
            {
                return occurredAt + lockout.DefaultLockoutTimeSpan > clock.GetUtcNow() ? null : failures;
            }

            if (SecurityLog.EndsARunOfFailures.Contains(kind))
            {
                break;
            }

            failures++;
        }

        return failures;
    }

    /// <summary>Whether one more failure after <paramref name="failuresBefore"/> locks the address.</summary>
    /// <param name="failuresBefore">The failures in a row before this one.</param>
    public bool Locks(int failuresBefore) => failuresBefore + 1 >= identity.Value.Lockout.MaxFailedAccessAttempts;
}
