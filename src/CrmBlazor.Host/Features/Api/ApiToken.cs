using CrmBlazor.Sdk.Data;

namespace CrmBlazor.Host.Features.Api;

/// <summary>
/// A personal access token of the API (<c>crm_api_tokens</c>): a user's key for <c>/api/v1</c>, with a
/// name, an expiry and scopes (permission names) drawn from what the user holds. The secret is shown once
/// and never stored: only its SHA-256 hash. See <see cref="ApiTokens"/> and docs/api.md.
/// </summary>
/// <remarks>
/// Creation and revocation are audited (the hash is not); the last use is written past the audit, at
/// most once a <see cref="ApiTokens.LastUsedResolution"/>.
/// </remarks>
public sealed class ApiToken
{
    /// <summary>Longest name accepted.</summary>
    public const int NameLength = 100;

    /// <summary>The id.</summary>
    public long Id { get; set; }

    /// <summary>The user the token acts as.</summary>
    public required string UserId { get; set; }

    /// <summary>What the user called it ("Accounting export").</summary>
    public required string Name { get; set; }

    /// <summary>The public part of the token (hexadecimal), shown in lists as <c>crm_&lt;prefix&gt;</c>; unique.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the secret part, 64 lower-case hexadecimal digits. The secret itself is never stored.</summary>
    [NotAudited]
    public required string SecretHash { get; set; }

    /// <summary>The permissions the token may use, separated by spaces (each also needs the user to hold it).</summary>
    public required string Scopes { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it stops working.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The last request made with it, to within <see cref="ApiTokens.LastUsedResolution"/>.</summary>
    [NotAudited]
    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>When it was revoked, or null.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Who revoked it (user name), or null.</summary>
    public string? RevokedBy { get; set; }

    /// <summary>The scopes as a list.</summary>
    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
