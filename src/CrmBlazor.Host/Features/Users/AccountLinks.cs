using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Diagnostics;

namespace CrmBlazor.Host.Features.Users;

/// <summary>What a single-use account link (an invitation, a password reset) is worth now.</summary>
public enum AccountLinkStatus
{
    /// <summary>Open: the person can choose a password with it.</summary>
    Open,

    /// <summary>No such link: mistyped, replaced by a newer one, or withdrawn by a deactivation.</summary>
    Unknown,

    /// <summary>Already used to choose a password.</summary>
    Used,

    /// <summary>Past its expiry.</summary>
    Expired,
}

/// <summary>The outcome of choosing a password with an account link.</summary>
/// <param name="Status"><see cref="AccountLinkStatus.Open"/> when the password was set (the link is used now), otherwise why the link did not work.</param>
/// <param name="PasswordErrors">Identity's password rules the password broke (the link stays open), or none.</param>
public sealed record AccountLinkAnswer(AccountLinkStatus Status, IReadOnlyList<string> PasswordErrors)
{
    /// <summary>Whether the password was set.</summary>
    public bool Accepted => Status == AccountLinkStatus.Open && PasswordErrors.Count == 0;
}

/// <summary>
/// A single-use link that lets a person choose a password, as issued: the token exists only here and
/// in the link (the database keeps its hash). Returned once to whoever issued it, to show, unless it
/// was e-mailed (<see cref="SentTo"/>).
/// See docs/decisions/0017-invitation-links.md.
/// </summary>
/// <param name="Page">The public page that takes the token (<see cref="InvitationPage"/>, <see cref="PasswordResetPage"/>).</param>
/// <param name="Token">The random token (256 bits, base64url).</param>
/// <param name="ExpiresAt">When the link stops working.</param>
public sealed record AccountLink(string Page, string Token, DateTimeOffset ExpiresAt)
{
    /// <summary>The page of invitation links.</summary>
    public const string InvitationPage = "/account/invitation";

    /// <summary>The page of password reset links.</summary>
    public const string PasswordResetPage = "/account/reset-password";

    /// <summary>
    /// The address the link was e-mailed to (<see cref="AccountLinkMail"/>), or null when it was not
    /// sent and is to be shown once to the administrator who issued it.
    /// </summary>
    public string? SentTo { get; init; }

    /// <summary>The link's path and query, to put after the CRM's address.</summary>
    public string PathAndQuery => Page + "?token=" + Uri.EscapeDataString(Token);
}

/// <summary>
/// What invitation and password reset links share: the token (32 random bytes, base64url), the hash
/// stored instead of it, and how their pages refuse a link that does not work.
/// </summary>
internal static class AccountLinkTokens
{
    /// <summary>A new random token.</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>SHA-256 of a token in lower-case hexadecimal, as the link tables store it.</summary>
    /// <param name="token">The token from the link.</param>
    public static string HashOf(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>The hash to look a token up by, or null for what cannot be a token (a token is 43 characters; anything far longer is not hashed).</summary>
    /// <param name="token">The token from the link, as received.</param>
    public static string? LookupHashOf(string? token) =>
        string.IsNullOrWhiteSpace(token) || token.Length > 100 ? null : HashOf(token.Trim());

    /// <summary>What a link row is worth at <paramref name="now"/>.</summary>
    /// <param name="usedAt">When it was used, or null.</param>
    /// <param name="expiresAt">When it expires.</param>
    /// <param name="now">The host's time.</param>
    public static AccountLinkStatus StatusOf(DateTimeOffset? usedAt, DateTimeOffset expiresAt, DateTimeOffset now) =>
        usedAt is not null ? AccountLinkStatus.Used
        : expiresAt <= now ? AccountLinkStatus.Expired
        : AccountLinkStatus.Open;

    /// <summary>
    /// Answers a link that does not work with a 4xx: 410 for one used or expired, 400 for a token that
    /// never existed or was replaced. The page says what is wrong with the link, so the host's general
    /// "Page not found" (status code pages) must not replace it; a 404 would invite exactly that.
    /// </summary>
    /// <param name="context">The page's request.</param>
    /// <param name="status">What the link is worth.</param>
    public static void Refuse(HttpContext context, AccountLinkStatus status)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (status == AccountLinkStatus.Open || context.Response.HasStarted)
        {
            return;
        }

        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        context.Response.StatusCode = status == AccountLinkStatus.Unknown ? StatusCodes.Status400BadRequest : StatusCodes.Status410Gone;
    }
}
