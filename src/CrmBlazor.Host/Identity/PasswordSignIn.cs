using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Host.Identity;

/// <summary>What the sign-in page may tell the person signing in.</summary>
internal enum SignInAnswer
{
    /// <summary>Signed in: the cookie is set.</summary>
    SignedIn,

    /// <summary>The address or the password is wrong (which of them is not said).</summary>
    Refused,

    /// <summary>Too many failed attempts with this address; whether it has an account is not said.</summary>
    Locked,
}

/// <summary>
/// Signing in with an e-mail address and a password, without telling anyone whether an account exists
/// (issue 10 item 5). An address without an account costs the same work as an account with a wrong
/// password: a password hash is verified (against <see cref="DecoyPasswordHash"/>) and the database is
/// asked as often. And it locks the same way: after
/// <see cref="LockoutOptions.MaxFailedAccessAttempts"/> failures in a row it answers "locked" for
/// <see cref="LockoutOptions.DefaultLockoutTimeSpan"/>, counted from the security log as Identity counts
/// an account's failures (since its last success or lock-out; attempts while locked do not count).
/// </summary>
/// <remarks>
/// Why a "locked" answer for unknown addresses rather than one wording for every refusal: a colleague
/// who locked their account by mistyping needs to hear that waiting, not retyping, will help, and that
/// an administrator can unlock them; one wording would hide exactly that. Counting unknown addresses
/// too keeps the answer from telling whether the address has an account, and the wording speaks of
/// "this e-mail address", which is true either way.
/// </remarks>
internal sealed class PasswordSignIn(
    SignInManager<CrmUser> signIn,
    IPasswordHasher<CrmUser> hasher,
    DecoyPasswordHash decoy,
    SecurityLog securityLog,
    TimeProvider clock,
    IOptions<IdentityOptions> identity)
{
    private enum Attempt
    {
        SignedIn,
        Failed,
        LockedNow,
        RefusedWhileLocked,
    }

    /// <summary>Checks the password and, if it is right, signs in (sets the cookie); records the attempt in the security log.</summary>
    /// <param name="email">The address as typed.</param>
    /// <param name="password">The password as typed.</param>
    /// <param name="remember">Whether the cookie outlives the browser session.</param>
    /// <param name="remoteAddress">The client address, for the security log.</param>
    public async Task<SignInAnswer> SignInAsync(string email, string password, bool remember, string? remoteAddress)
    {
        var address = email.Trim();
        var users = signIn.UserManager;
        var normalized = users.NormalizeName(address);
        var user = await users.FindByNameAsync(address);
        var attempt = user is null
            ? await AttemptWithoutAccountAsync(normalized, password)
            : await AttemptAsync(user, password, remember);
        await securityLog.WriteSignInAsync(
            attempt switch
            {
                Attempt.SignedIn => SecurityLog.SignedIn,
                Attempt.LockedNow => SecurityLog.LockedOut,
                Attempt.RefusedWhileLocked => SecurityLog.SignInLocked,
                _ => SecurityLog.SignInFailed,
            },
            address,
            normalized,
            remoteAddress);
        return attempt switch
        {
            Attempt.SignedIn => SignInAnswer.SignedIn,
            Attempt.LockedNow or Attempt.RefusedWhileLocked => SignInAnswer.Locked,
            _ => SignInAnswer.Refused,
        };
    }

    private async Task<Attempt> AttemptAsync(CrmUser user, string password, bool remember)
    {
        // Identity refuses a locked account before it looks at the password, as the path below does.
        var wasLocked = await signIn.UserManager.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        return result.Succeeded ? Attempt.SignedIn
            : result.IsLockedOut ? (wasLocked ? Attempt.RefusedWhileLocked : Attempt.LockedNow)
            : Attempt.Failed;
    }

    private async Task<Attempt> AttemptWithoutAccountAsync(string normalizedAddress, string password)
    {
        var lockout = identity.Value.Lockout;
        var failures = 0;
        foreach (var (kind, occurredAt) in await securityLog.RecentSignInsAsync(normalizedAddress, lockout.MaxFailedAccessAttempts))
        {
            if (kind == SecurityLog.LockedOut)
            {
                if (occurredAt + lockout.DefaultLockoutTimeSpan > clock.GetUtcNow())
                {
                    return Attempt.RefusedWhileLocked;
                }

                break;
            }

            if (kind == SecurityLog.SignedIn)
            {
                break;
            }

            failures++;
        }

        // Always wrong (nobody knows the decoy's password), and as slow as checking a real account's.
        hasher.VerifyHashedPassword(DecoyPasswordHash.User, decoy.HashWith(hasher), password);
        return failures + 1 >= lockout.MaxFailedAccessAttempts ? Attempt.LockedNow : Attempt.Failed;
    }
}
