using System.Globalization;
using CrmBlazor.Host.Identity;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace CrmBlazor.Host.Features.Account;

/// <summary>
/// Checks codes from an authenticator app as Identity's <see cref="AuthenticatorTokenProvider{TUser}"/>
/// does (RFC 6238: HMAC-SHA-1, six digits, 30-second steps, two steps either side for a phone whose
/// clock drifts), and accepts each step's code once: the last step used is kept with the account's
/// key in <c>crm_user_tokens</c>, and a code of that step or an earlier one is refused. A code read
/// over a shoulder or replayed from a captured request does not sign in again (OWASP ASVS 5.0 6.5.1).
/// </summary>
/// <remarks>
/// The step is stored through the account's concurrency stamp, so of two requests with the same code
/// at the same moment one is refused. A new key (<see cref="ResetKeyAsync"/>) starts afresh.
/// </remarks>
public sealed class SingleUseAuthenticatorCodes(TimeProvider clock) : IUserTwoFactorTokenProvider<CrmUser>
{
    /// <summary>The provider's name in <see cref="TokenOptions.AuthenticatorTokenProvider"/>.</summary>
    public const string Name = "CrmAuthenticator";

    private const string LoginProvider = "[CrmAuthenticator]";
    private const string LastUsedStep = "LastUsedStep";
    private static readonly VerificationWindow ClockDrift = new(previous: 2, future: 2);

    /// <inheritdoc />
    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<CrmUser> manager, CrmUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));
    }

    /// <summary>Nothing: the app computes the codes, the server never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<CrmUser> manager, CrmUser user) => Task.FromResult(string.Empty);

    /// <inheritdoc />
    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<CrmUser> manager, CrmUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token is not { Length: 6 } || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, token, out var step, ClockDrift))
        {
            return false;
        }

        var last = await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastUsedStep);
        if (long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var lastStep) && step <= lastStep)
        {
            return false;
        }

        var stored = await manager.SetAuthenticationTokenAsync(user, LoginProvider, LastUsedStep, step.ToString(CultureInfo.InvariantCulture));
        return stored.Succeeded;
    }

    /// <summary>
    /// Gives the account a new authenticator key and forgets which codes of the old one were used. The
    /// row for the last step is written now, so that checking a code later updates a row under the
    /// account's concurrency stamp instead of racing to insert one.
    /// </summary>
    /// <param name="users">The user manager of the request.</param>
    /// <param name="user">The account.</param>
    public static async Task ResetKeyAsync(UserManager<CrmUser> users, CrmUser user)
    {
        ArgumentNullException.ThrowIfNull(users);
        await users.ResetAuthenticatorKeyAsync(user);
        await ForgetUsedCodesAsync(users, user);
    }

    private static Task ForgetUsedCodesAsync(UserManager<CrmUser> users, CrmUser user) =>
        users.SetAuthenticationTokenAsync(user, LoginProvider, LastUsedStep, "0");
}
