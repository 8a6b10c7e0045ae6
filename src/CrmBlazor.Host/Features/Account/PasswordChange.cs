using CrmBlazor.Host.Identity;
using CrmBlazor.Sdk.Results;
using Microsoft.AspNetCore.Identity;

namespace CrmBlazor.Host.Features.Account;

/// <summary>What a password change came to.</summary>
/// <param name="Errors">Why the password was not changed, or none.</param>
/// <param name="OtherSessionsEnded">How many other sessions of the user ended.</param>
public sealed record PasswordChangeAnswer(IReadOnlyList<Problem> Errors, int OtherSessionsEnded)
{
    /// <summary>Whether the password was changed.</summary>
    public bool Changed => Errors.Count == 0;
}

/// <summary>
/// A signed-in user changes their own password. The current password is required (re-authentication:
/// a browser left signed in is not enough to take the account over; a wrong one counts towards the
/// sign-in lock-out, <see cref="Reauthentication"/>); the new one passes Identity's
/// validators, the common-password check included. On success the account gets a new security stamp,
/// which refuses every principal issued before; this session is signed in again at once with the new
/// stamp (same session, cookie re-issued), and every other session of the user ends.
/// </summary>
/// <remarks>
/// Runs in an HTTP request, not in a circuit: re-issuing the cookie needs the response
/// (<c>/account/password</c> is a static form for that reason).
/// </remarks>
public sealed class PasswordChange(SignInManager<CrmUser> signIn, UserSessions sessions, SecurityLog securityLog, Reauthentication reauthentication)
{
    /// <summary>Security log: a user changed their password.</summary>
    public const string Changed = "password-changed";

    private static readonly Problem SignedOut = new("Sign in to change your password.");

    /// <summary>Changes the password of the request's user.</summary>
    /// <param name="context">The request of the signed-in user.</param>
    /// <param name="currentPassword">The password as the user typed it now.</param>
    /// <param name="newPassword">The new password.</param>
    public async Task<PasswordChangeAnswer> ChangeAsync(HttpContext context, string currentPassword, string newPassword)
    {
        ArgumentNullException.ThrowIfNull(context);
        var users = signIn.UserManager;
        var user = await users.GetUserAsync(context.User);
        if (user is null)
        {
            return new([SignedOut], 0);
        }

        if (await reauthentication.CheckAsync(user, currentPassword, "password change", context.Connection.RemoteIpAddress?.ToString()) is { } refused)
        {
            return new([refused], 0);
        }

        // Checks the current password again (it was right a moment ago), then the new one's rules.
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded)
        {
            return new([.. result.Errors.Select(e => new Problem(e.Description))], 0);
        }

        // The other sessions end first, while the request's principal still names this one (after the
        // sign-in below it no longer does). A session without an id (none should be left) ends too.
        var ended = await sessions.EndAllAsync(user.Id, UserSessions.IdOf(context.User) ?? Guid.Empty, CancellationToken.None);
        // The new stamp refuses this session's principal too: sign it in again (same session, new cookie).
        await signIn.RefreshSignInAsync(user);
        await securityLog.WriteAboutUserAsync(Changed, user.UserName, user, $"{ended} other sessions ended");
        return new([], ended);
    }
}
