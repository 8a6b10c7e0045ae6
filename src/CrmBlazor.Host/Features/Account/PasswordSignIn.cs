using CrmBlazor.Host.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Host.Features.Account;

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
/// (no account enumeration). Every attempt takes the same steps whether or not the address has an account:
/// find the user, read the address's recent attempts from the security log, verify a password hash
/// (an account's, or <see cref="DecoyPasswordHash"/>), record the attempt. So both cost the same work
/// and the same database round trips, and lock the same way: after
/// <see cref="LockoutOptions.MaxFailedAccessAttempts"/> failures in a row (since the last success or
/// lock-out) the address is locked for <see cref="LockoutOptions.DefaultLockoutTimeSpan"/>, and while
/// it is locked no password is checked.
/// </summary>
/// <remarks>
/// Why a "locked" answer for unknown addresses rather than one wording for every refusal: a colleague
/// who locked their account by mistyping needs to hear that waiting, not retyping, will help, and that
/// an administrator can help; one wording would hide exactly that. Counting unknown addresses the same
/// way keeps the answer from telling whether the address has an account, and the wording speaks of
/// "this e-mail address", which is true either way.
/// <para>
/// Failures are counted in the security log rather than in Identity's per-user counter, which only
/// accounts have and which costs an account's attempt a validated update (three more round trips).
/// Identity's own lock-out (<c>LockoutEnd</c>) stays for locks an administrator sets; such an account
/// gets the "locked" answer too.
/// </para>
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
        var failures = await FailuresInARowAsync(normalized);
        Attempt attempt;
        if (failures is null)
        {
            attempt = Attempt.RefusedWhileLocked;
        }
        else if (user is null)
        {
            // Always wrong (nobody knows the decoy's password), and as slow as checking an account's.
            hasher.VerifyHashedPassword(DecoyPasswordHash.User, decoy.HashWith(hasher), password);
            attempt = Failure(failures.Value);
        }
        else
        {
            var result = await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: false);
            if (result.IsNotAllowed)
            {
                // A deactivated or only invited account (AccountInUse) is refused before any hash is
                // checked; check the decoy's, so that the refusal costs what a wrong password costs.
                hasher.VerifyHashedPassword(DecoyPasswordHash.User, decoy.HashWith(hasher), password);
            }

            attempt = result.Succeeded ? Attempt.SignedIn
                : result.IsLockedOut ? Attempt.RefusedWhileLocked
                : Failure(failures.Value);
        }

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

    private Attempt Failure(int failuresBefore) =>
        failuresBefore + 1 >= identity.Value.Lockout.MaxFailedAccessAttempts ? Attempt.LockedNow : Attempt.Failed;

    /// <summary>The address's failed attempts since its last success or lock-out, or null while it is locked.</summary>
    private async Task<int?> FailuresInARowAsync(string normalizedAddress)
    {
        var lockout = identity.Value.Lockout;
        var failures = 0;
        foreach (var (kind, occurredAt) in await securityLog.RecentSignInsAsync(normalizedAddress, lockout.MaxFailedAccessAttempts))
        {
            if (kind == SecurityLog.LockedOut)
            {
                return occurredAt + lockout.DefaultLockoutTimeSpan > clock.GetUtcNow() ? null : failures;
            }

            if (kind is SecurityLog.SignedIn or SecurityLog.Unlocked or SecurityLog.PasswordReset)
            {
                break;
            }

            failures++;
        }

        return failures;
    }
}
