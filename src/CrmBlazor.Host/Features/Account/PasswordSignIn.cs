using CrmBlazor.Host.Identity;
using CrmBlazor.Host.Localization;
using Microsoft.AspNetCore.Identity;

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

    /// <summary>The password is right and the account has two-factor sign-in: the code comes next.</summary>
    CodeRequired,

    /// <summary>The code step was reached without a right password first, or it took too long: start again.</summary>
    SignInAgain,
}

/// <summary>
/// Signing in with an e-mail address and a password, without telling anyone whether an account exists
/// (no account enumeration). Every attempt takes the same steps whether or not the address has an account:
/// find the user, read the address's recent attempts from the security log (<see cref="SignInLockout"/>), verify a password hash
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
    SignInLockout lockout)
{
    private enum Attempt
    {
        SignedIn,
        CodeRequired,
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
        var failures = await lockout.FailuresInARowAsync(normalized);
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

            if (result.Succeeded && CrmCultures.Find(user.Culture) is { } culture)
            {
                // The user's language follows them to every browser they sign in with.
                CultureCookie.Append(signIn.Context.Response, culture);
            }

            attempt = result.Succeeded ? Attempt.SignedIn
                : result.RequiresTwoFactor ? Attempt.CodeRequired
                : result.IsLockedOut ? Attempt.RefusedWhileLocked
                : Failure(failures.Value);
        }

        await securityLog.WriteSignInAsync(
            attempt switch
            {
                Attempt.SignedIn => SecurityLog.SignedIn,
                // Not a sign-in yet: the run of failures goes on until the code is right too.
                Attempt.CodeRequired => SecurityLog.SignInCodeRequired,
                Attempt.LockedNow => SecurityLog.LockedOut,
                Attempt.RefusedWhileLocked => SecurityLog.SignInLocked,
                _ => SecurityLog.SignInFailed,
            },
            address,
            normalized,
            remoteAddress);
        return Answer(attempt);
    }

    /// <summary>
    /// The second step for an account with two-factor sign-in, after <see cref="SignInAsync"/> answered
    /// <see cref="SignInAnswer.CodeRequired"/> (Identity keeps who passed the first step in a short-lived
    /// cookie): checks a 6-digit code from the authenticator app or, failing that, one of the user's
    /// recovery codes (used up by the sign-in), and signs in. A wrong code counts as a failed sign-in
    /// of the address, so the lock-out applies to codes as to passwords.
    /// </summary>
    /// <param name="code">The code as typed (spaces and dashes are ignored in an authenticator code).</param>
    /// <param name="remember">Whether the cookie outlives the browser session.</param>
    /// <param name="remoteAddress">The client address, for the security log.</param>
    public async Task<SignInAnswer> SignInWithCodeAsync(string code, bool remember, string? remoteAddress)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return SignInAnswer.SignInAgain;
        }

        var failures = await lockout.FailuresInARowAsync(user.NormalizedUserName!);
        var usedRecoveryCode = false;
        Attempt attempt;
        if (failures is null)
        {
            attempt = Attempt.RefusedWhileLocked;
        }
        else
        {
            var digits = TwoFactorSettings.DigitsOf(code);
            SignInResult result;
            if (digits.Length == 6 && digits.All(char.IsAsciiDigit))
            {
                result = await signIn.TwoFactorAuthenticatorSignInAsync(digits, remember, rememberClient: false);
            }
            else
            {
                result = await signIn.TwoFactorRecoveryCodeSignInAsync(code.Trim());
                usedRecoveryCode = result.Succeeded;
            }

            // Identity counts wrong codes too and locks the account at the same number (LockoutEnd):
            // the failure that makes it lock is this address's lock-out.
            attempt = result.Succeeded ? Attempt.SignedIn
                : result.IsLockedOut && Failure(failures.Value) != Attempt.LockedNow ? Attempt.RefusedWhileLocked
                : Failure(failures.Value);
        }

        if (attempt == Attempt.SignedIn && CrmCultures.Find(user.Culture) is { } culture)
        {
            CultureCookie.Append(signIn.Context.Response, culture);
        }

        await securityLog.WriteSignInAsync(
            attempt switch
            {
                Attempt.SignedIn => SecurityLog.SignedIn,
                Attempt.LockedNow => SecurityLog.LockedOut,
                Attempt.RefusedWhileLocked => SecurityLog.SignInLocked,
                _ => SecurityLog.SignInFailed,
            },
            user.UserName!,
            user.NormalizedUserName!,
            remoteAddress);
        if (usedRecoveryCode)
        {
            await securityLog.WriteAboutUserAsync(SecurityLog.RecoveryCodeUsed, user.UserName, user, $"{await signIn.UserManager.CountRecoveryCodesAsync(user)} left");
        }

        return Answer(attempt);
    }

    private static SignInAnswer Answer(Attempt attempt) => attempt switch
    {
        Attempt.SignedIn => SignInAnswer.SignedIn,
        Attempt.CodeRequired => SignInAnswer.CodeRequired,
        Attempt.LockedNow or Attempt.RefusedWhileLocked => SignInAnswer.Locked,
        _ => SignInAnswer.Refused,
    };

    private Attempt Failure(int failuresBefore) => lockout.Locks(failuresBefore) ? Attempt.LockedNow : Attempt.Failed;
}
