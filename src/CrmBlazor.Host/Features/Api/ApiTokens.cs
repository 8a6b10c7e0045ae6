using System.ComponentModel.DataAnnotations;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CrmBlazor.Data;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Identity;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Sdk.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Api;

/// <summary>What a user asks for when creating a token on their account page.</summary>
public sealed class ApiTokenInput
{
    /// <summary>What the token is for.</summary>
    [Required(ErrorMessage = "Enter the token's name.")]
    [StringLength(ApiToken.NameLength, ErrorMessage = "The name can be at most 100 characters long.")]
    public string Name { get; set; } = string.Empty;

    /// <summary>How many days it works (1 to <see cref="ApiTokens.MaximumDays"/>).</summary>
    public int Days { get; set; } = 90;

    /// <summary>The permissions it may use; each must be one the user holds.</summary>
    public HashSet<string> Scopes { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>A token as lists show it: never the secret.</summary>
/// <param name="Id">The id.</param>
/// <param name="Name">The name.</param>
/// <param name="DisplayPrefix">The public prefix, <c>crm_&lt;prefix&gt;</c>.</param>
/// <param name="Scopes">The permission names.</param>
/// <param name="CreatedAt">When created.</param>
/// <param name="ExpiresAt">When it stops working.</param>
/// <param name="LastUsedAt">Its last use, or null.</param>
/// <param name="RevokedAt">When it was revoked, or null.</param>
public sealed record ApiTokenRow(long Id, string Name, string DisplayPrefix, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    /// <summary>Whether the token still works at <paramref name="now"/>.</summary>
    /// <param name="now">The time.</param>
    public bool IsActive(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}

/// <summary>A permission a user may give a token: its name, owner (for its translated title) and title.</summary>
/// <param name="Name">The permission name.</param>
/// <param name="OwnerId">The core or the plugin declaring it.</param>
/// <param name="Title">Its English title.</param>
public sealed record ApiScopeChoice(string Name, string OwnerId, string Title);

/// <summary>
/// Personal access tokens: created by a user for themselves (the secret is returned once and only its
/// SHA-256 hash is kept), listed and revoked by the user and by administrators, and checked when a request
/// presents one (<see cref="FindAsync"/>). A token's scopes are permissions the user held when creating it;
/// a request may use a scope only while the user still holds it (<see cref="PermissionHandler"/>).
/// </summary>
/// <remarks>Format: <c>crm_&lt;prefix&gt;_&lt;secret&gt;</c>, 6 random bytes of prefix (hexadecimal) and 32 of secret (base64url).</remarks>
public sealed class ApiTokens(
    IDbContextFactory<CrmDbContext> contexts,
    CurrentUser currentUser,
    IAuthorizationService authorization,
    PluginCatalog catalog,
    TimeProvider clock)
{
    /// <summary>The longest life a token may have, in days.</summary>
    public const int MaximumDays = 365;

    /// <summary>The lifetimes offered on the account page, in days.</summary>
    public static readonly IReadOnlyList<int> OfferedDays = [30, 90, 365];

    /// <summary>How often the last use is written at most.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>What every token starts with.</summary>
    public const string TokenStart = "crm_";

    private const int PrefixLength = 12;

    private static readonly Problem SignedOut = new("Sign in to manage your API tokens.");

    private static readonly Problem ScopeNotHeld = new("You do not hold the permission {0}, so a token of yours cannot have it.");

    /// <summary>The permissions the current user holds, which their tokens may have.</summary>
    /// <param name="cancellationToken">Cancels the checks.</param>
    public async Task<IReadOnlyList<ApiScopeChoice>> ScopeChoicesAsync(CancellationToken cancellationToken = default)
    {
        var choices = new List<ApiScopeChoice>();
        if (!currentUser.IsAuthenticated)
        {
            return choices;
        }

        foreach (var (ownerId, contributions) in catalog.Active)
        {
            foreach (var permission in contributions.Permissions.DistinctBy(p => p.Name))
            {
                if (await currentUser.HasPermissionAsync(permission.Name, cancellationToken))
                {
                    choices.Add(new ApiScopeChoice(permission.Name, ownerId, permission.DisplayName));
                }
            }
        }

        return choices;
    }

    /// <summary>Creates a token for the current user.</summary>
    /// <param name="input">Name, days and scopes.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    /// <returns>The outcome, and on success the token (shown once, stored nowhere).</returns>
    public async Task<(ChangeResult Result, string? Token)> CreateAsync(ApiTokenInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (currentUser.UserId is not { } userId)
        {
            return (ChangeResult.Forbidden(SignedOut), null);
        }

        var errors = InputValidation.Validate(input);
        if (UserText.Check(input.Name, TextKind.SingleLine) is { } text && !errors.ContainsKey(nameof(input.Name)))
        {
            errors[nameof(input.Name)] = [text];
        }

        if (input.Days is < 1 or > MaximumDays)
        {
            errors[nameof(input.Days)] = [new Problem("Choose between 1 and {0} days.", MaximumDays)];
        }

        if (input.Scopes.Count == 0)
        {
            errors[nameof(input.Scopes)] = [new Problem("Choose at least one permission.")];
        }
        else
        {
            foreach (var scope in input.Scopes)
            {
                // A permission the user does not hold (or that does not exist) is refused, never dropped quietly.
                if (scope.Length > 200 || scope.Contains(' ', StringComparison.Ordinal)
                    || !catalog.Permissions.Any(p => p.Name == scope) || !await currentUser.HasPermissionAsync(scope, cancellationToken))
                {
                    errors[nameof(input.Scopes)] = [ScopeNotHeld with { Arguments = [scope] }];
                    break;
                }
            }
        }

        if (errors.Count > 0)
        {
            return (ChangeResult.Invalid(errors), null);
        }

        var now = clock.GetUtcNow();
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PrefixLength / 2));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            UserId = userId,
            Name = UserText.Clean(input.Name, TextKind.SingleLine).Trim(),
            Prefix = prefix,
            SecretHash = Hash(secret),
            Scopes = string.Join(' ', input.Scopes.Order(StringComparer.Ordinal)),
            CreatedAt = now,
            ExpiresAt = now.AddDays(input.Days),
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return (ChangeResult.Saved(token.Id), $"{TokenStart}{prefix}_{secret}");
    }

    /// <summary>The tokens of a user, newest first: the current user's own, or anyone's for an administrator.</summary>
    /// <param name="userId">The user, or null for the current user.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<ApiTokenRow>> ListAsync(string? userId = null, CancellationToken cancellationToken = default)
    {
        var owner = userId ?? currentUser.UserId;
        if (owner is null || !await MayManageAsync(owner))
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == owner).OrderByDescending(t => t.Id).ToListAsync(cancellationToken);
        return [.. tokens.Select(t => new ApiTokenRow(t.Id, t.Name, TokenStart + t.Prefix, t.ScopeList, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))];
    }

    /// <summary>Revokes a token: the user's own, or anyone's for an administrator. Revoking a revoked token changes nothing.</summary>
    /// <param name="id">The token.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> RevokeAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        // Another user's token is answered as missing, not as forbidden: its existence is not told.
        if (token is null || !await MayManageAsync(token.UserId))
        {
            return ChangeResult.NotFound();
        }

        if (token.RevokedAt is null)
        {
            token.RevokedAt = clock.GetUtcNow();
            token.RevokedBy = currentUser.UserName;
            await db.SaveChangesAsync(cancellationToken);
        }

        return ChangeResult.Saved(token.Id);
    }

    /// <summary>
    /// The token a request presented, when it is well formed, its secret matches, and it is neither revoked
    /// nor expired; null otherwise. Writes the last use at most once a <see cref="LastUsedResolution"/>.
    /// </summary>
    /// <param name="presented">The bearer token as sent.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    internal async Task<ApiToken?> FindAsync(string presented, CancellationToken cancellationToken = default)
    {
        if (!TryParse(presented, out var prefix, out var secret))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Prefix == prefix, cancellationToken);
        // The hash is compared even without a token, and in constant time, so the answer's timing tells nothing.
        var expected = Encoding.ASCII.GetBytes(token?.SecretHash ?? new string('0', 64));
        var matches = CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(Hash(secret)));
        var now = clock.GetUtcNow();
        if (token is null || !matches || token.RevokedAt is not null || token.ExpiresAt <= now)
        {
            return null;
        }

        if (token.LastUsedAt is not { } last || now - last >= LastUsedResolution)
        {
            await db.ApiTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
            token.LastUsedAt = now;
        }

        return token;
    }

    /// <summary>SHA-256 of a secret, lower-case hexadecimal.</summary>
    /// <param name="secret">The secret part of a token.</param>
    internal static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static bool TryParse(string presented, out string prefix, out string secret)
    {
        prefix = secret = string.Empty;
        if (presented.Length is < 20 or > 200 || !presented.StartsWith(TokenStart, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = presented[TokenStart.Length..];
        if (rest.Length <= PrefixLength + 1 || rest[PrefixLength] != '_' || !rest[..PrefixLength].All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        prefix = rest[..PrefixLength];
        secret = rest[(PrefixLength + 1)..];
        return true;
    }

    private async Task<bool> MayManageAsync(string ownerUserId) =>
        currentUser.UserId == ownerUserId
        || (currentUser.IsAuthenticated && (await authorization.AuthorizeAsync(currentUser.Principal, CorePermissions.Administration)).Succeeded);
}
