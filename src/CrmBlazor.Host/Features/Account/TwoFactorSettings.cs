using System.Text;
using CrmBlazor.Host.Identity;
using CrmBlazor.Sdk.Results;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace CrmBlazor.Host.Features.Account;

/// <summary>What the two-factor page shows about the signed-in user.</summary>
/// <param name="Enabled">Whether two-factor sign-in is on.</param>
/// <param name="Key">The authenticator key (base32), grouped in fours for reading aloud or typing; shown while it is off.</param>
/// <param name="QrCode">The key as a QR code, a <c>data:image/png</c> URI for an <c>img</c>; while it is off.</param>
/// <param name="RecoveryCodesLeft">How many unused recovery codes the user has.</param>
/// <param name="Required">Whether one of the user's roles requires two-factor sign-in.</param>
public sealed record TwoFactorState(bool Enabled, string? Key, string? QrCode, int RecoveryCodesLeft, bool Required);

/// <summary>What a two-factor change came to.</summary>
/// <param name="Problem">Why nothing changed, or null.</param>
/// <param name="RecoveryCodes">New recovery codes, to be shown once, or none.</param>
public sealed record TwoFactorAnswer(Problem? Problem, IReadOnlyList<string> RecoveryCodes)
{
    /// <summary>Whether the change was made.</summary>
    public bool Succeeded => Problem is null;
}

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP, RFC 6238) through ASP.NET Core Identity's
/// authenticator support: the key is kept by Identity (<c>crm_user_tokens</c>), codes are checked by
/// <see cref="SingleUseAuthenticatorCodes"/> (each code once), recovery codes are stored hashed.
/// Turning it on needs the current password and a code from the app (so the app is known to work);
/// turning it off and new recovery codes need the current password (re-authentication, OWASP ASVS 5.0
/// 7.5.1; a wrong one counts towards the sign-in lock-out, <see cref="Reauthentication"/>). Every
/// change is in the security log.
/// </summary>
/// <remarks>
/// Runs in HTTP requests (<c>/account/two-factor</c> is a static form): turning it on or off gives the
/// account a new security stamp, and this session is signed in again with it; other sessions end, as
/// after a password change.
/// </remarks>
public sealed class TwoFactorSettings(SignInManager<CrmUser> signIn, UserSessions sessions, SecurityLog securityLog, RequiredTwoFactor required, Reauthentication reauthentication)
{
    /// <summary>Security log: a user turned two-factor sign-in on.</summary>
    public const string Enabled = "two-factor-enabled";

    /// <summary>Security log: a user turned two-factor sign-in off.</summary>
    public const string Disabled = "two-factor-disabled";

    /// <summary>Security log: a user replaced their recovery codes.</summary>
    public const string RecoveryCodesRegenerated = "recovery-codes-regenerated";

    /// <summary>How many recovery codes a user gets.</summary>
    public const int RecoveryCodeCount = 10;

    /// <summary>The name authenticator apps show for the key.</summary>
    public const string Issuer = "CrmBlazor";

    private static readonly Problem SignedOut = new("Sign in to change two-factor sign-in.");
    private static readonly Problem WrongCode = new("The code is not correct or was used already. Enter the next code the app shows, and check the time on your phone.");
    private static readonly Problem AlreadyOn = new("Two-factor sign-in is already on.");
    private static readonly Problem AlreadyOff = new("Two-factor sign-in is already off.");
    private static readonly Problem RequiredForRole = new("Your role requires two-factor sign-in, so it cannot be turned off.");

    /// <summary>The request's user's state, creating their authenticator key the first time.</summary>
    /// <param name="context">The request of the signed-in user.</param>
    public async Task<TwoFactorState?> LoadAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var users = signIn.UserManager;
        if (await users.GetUserAsync(context.User) is not { } user)
        {
            return null;
        }

        var isRequired = await required.AppliesToAsync(user);
        if (user.TwoFactorEnabled)
        {
            return new TwoFactorState(true, null, null, await users.CountRecoveryCodesAsync(user), isRequired);
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key gives the account a new security stamp: this session is signed in again with it.
            await SingleUseAuthenticatorCodes.ResetKeyAsync(users, user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email ?? user.UserName!)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        return new TwoFactorState(false, Grouped(key!), QrCodeOf(uri), 0, isRequired);
    }

    /// <summary>Turns two-factor sign-in on, when the password is right and the code fits the key; returns the recovery codes.</summary>
    /// <param name="context">The request of the signed-in user.</param>
    /// <param name="password">The current password.</param>
    /// <param name="code">The code the app shows now.</param>
    public async Task<TwoFactorAnswer> EnableAsync(HttpContext context, string password, string code)
    {
        ArgumentNullException.ThrowIfNull(context);
        var users = signIn.UserManager;
        var (user, refused) = await ReauthenticatedAsync(context, password);
        if (user is null)
        {
            return new(refused, []);
        }

        if (user.TwoFactorEnabled)
        {
            return new(AlreadyOn, []);
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, DigitsOf(code)))
        {
            return new(WrongCode, []);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        required.Forget(user.Id);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        var ended = await SignInAgainAsync(context, user);
        await securityLog.WriteAboutUserAsync(Enabled, user.UserName, user, $"{ended} other sessions ended");
        return new(null, codes);
    }

    /// <summary>Turns two-factor sign-in off (refused while one of the user's roles requires it); the next enrolment gets a new key.</summary>
    /// <param name="context">The request of the signed-in user.</param>
    /// <param name="password">The current password.</param>
    public async Task<TwoFactorAnswer> DisableAsync(HttpContext context, string password)
    {
        ArgumentNullException.ThrowIfNull(context);
        var users = signIn.UserManager;
        var (user, refused) = await ReauthenticatedWithTwoFactorAsync(context, password);
        if (user is null)
        {
            return new(refused, []);
        }

        if (await required.AppliesToAsync(user))
        {
            return new(RequiredForRole, []);
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        required.Forget(user.Id);
        // The old key may be on a lost phone: a later enrolment starts from a new one.
        await SingleUseAuthenticatorCodes.ResetKeyAsync(users, user);
        var ended = await SignInAgainAsync(context, user);
        await securityLog.WriteAboutUserAsync(Disabled, user.UserName, user, $"{ended} other sessions ended");
        return new(null, []);
    }

    /// <summary>Replaces the user's recovery codes with new ones (the old ones stop working).</summary>
    /// <param name="context">The request of the signed-in user.</param>
    /// <param name="password">The current password.</param>
    public async Task<TwoFactorAnswer> RegenerateRecoveryCodesAsync(HttpContext context, string password)
    {
        ArgumentNullException.ThrowIfNull(context);
        var users = signIn.UserManager;
        var (user, refused) = await ReauthenticatedWithTwoFactorAsync(context, password);
        if (user is null)
        {
            return new(refused, []);
        }

        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await securityLog.WriteAboutUserAsync(RecoveryCodesRegenerated, user.UserName, user, null);
        return new(null, codes);
    }

    /// <summary>The code with the spaces and dashes people type or paste removed.</summary>
    /// <param name="code">The code as typed.</param>
    internal static string DigitsOf(string? code) =>
        string.Concat((code ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-'));

    /// <summary>A key in groups of four characters, as authenticator apps show keys to type in.</summary>
    /// <param name="key">The base32 key.</param>
    internal static string Grouped(string key)
    {
        var text = new StringBuilder(key.Length + key.Length / 4);
        for (var i = 0; i < key.Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                text.Append(' ');
            }

            text.Append(char.ToLowerInvariant(key[i]));
        }

        return text.ToString();
    }

    private static string QrCodeOf(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    // The signed-in user when the password is theirs (re-authentication before a change), or why not;
    // a wrong password counts towards the sign-in lock-out.
    private async Task<(CrmUser? User, Problem? Refused)> ReauthenticatedAsync(HttpContext context, string password)
    {
        var users = signIn.UserManager;
        if (await users.GetUserAsync(context.User) is not { } user)
        {
            return (null, SignedOut);
        }

        return await reauthentication.CheckAsync(user, password, "two-factor change", context.Connection.RemoteIpAddress?.ToString()) is { } refused
            ? (null, refused)
            : (user, null);
    }

    // For the changes that need two-factor sign-in on (turning it off, new recovery codes).
    private async Task<(CrmUser? User, Problem? Refused)> ReauthenticatedWithTwoFactorAsync(HttpContext context, string password)
    {
        var (user, refused) = await ReauthenticatedAsync(context, password);
        return user is { TwoFactorEnabled: false } ? (null, AlreadyOff) : (user, refused);
    }

    /// <summary>Ends the user's other sessions and signs this one in again with the account's new stamp.</summary>
    private async Task<int> SignInAgainAsync(HttpContext context, CrmUser user)
    {
        var ended = await sessions.EndAllAsync(user.Id, UserSessions.IdOf(context.User) ?? Guid.Empty, CancellationToken.None);
        await signIn.RefreshSignInAsync(user);
        return ended;
    }
}
