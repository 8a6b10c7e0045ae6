using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Identity;
using CrmBlazor.Sdk.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Host.Features.Account;

/// <summary>
/// The sign-in cookie's server side (<see cref="CookieAuthenticationOptions.SessionStore"/>): the cookie
/// carries a random key, <c>crm_user_sessions</c> holds the key's SHA-256 hash with the ticket. Every
/// request reads the row, so deleting it (sign-out, <see cref="UserSessions"/>) refuses the cookie at once
/// on every host instance; nothing is cached in memory. A database reader sees hashes only and cannot
/// replay a session. See docs/decisions/0011-server-side-sessions.md.
/// </summary>
internal sealed class UserSessionStore(
    IDbContextFactory<CrmDbContext> contexts,
    TimeProvider clock,
    IOptions<IdentityOptions> identity,
    ILogger<UserSessionStore> logger) : ITicketStore
{
    /// <summary>The claim that carries the session's public id (<see cref="UserSession.Id"/>) in the signed-in principal.</summary>
    public const string SessionClaimType = "crm/session";

    /// <summary>How stale <see cref="UserSession.LastSeenAt"/> may get: one write per session per interval, not per request.</summary>
    public static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(5);

    private const string PreviousSessionItem = "crm/previous-session";
    private const int UserAgentLength = 512;
    private const int ClientAddressLength = 64;

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, null, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) => StoreAsync(ticket, null, cancellationToken);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var userId = UserIdOf(ticket) ?? throw new InvalidOperationException("A session belongs to a user, and the ticket has no user id.");
        var now = clock.GetUtcNow();
        var key = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var session = new UserSession
        {
            Id = Guid.CreateVersion7(now),
            KeyHash = HashOf(key),
            UserId = userId,
            Ticket = [],
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = ExpiryOf(ticket),
            ClientAddress = Truncate(httpContext?.Connection.RemoteIpAddress?.ToString(), ClientAddressLength),
            UserAgent = Truncate(httpContext?.Request.Headers.UserAgent.ToString(), UserAgentLength),
        };
        session.Ticket = Serialize(ticket, session.Id);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (httpContext?.Items[PreviousSessionItem] is string previous)
        {
            // Signing in again from a browser that still held a session replaces that session.
            await db.UserSessions.Where(s => s.KeyHash == previous).ExecuteDeleteAsync(cancellationToken);
        }

        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) => RetrieveAsync(key, null, cancellationToken);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        var hash = HashOf(key);
        if (httpContext is not null && IsSignInPage(httpContext))
        {
            // The cookie handler keeps the key of the session a request arrives with when it signs in
            // (dotnet/aspnetcore#22135), so a cookie planted before sign-in would carry the new user's
            // session. The sign-in pages (password, then code) therefore never resume a session: a
            // sign-in always gets a new key, and the session the browser held ends when it succeeds
            // (StoreAsync).
            httpContext.Items[PreviousSessionItem] = hash;
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = await db.UserSessions.AsNoTracking()
            .Where(s => s.KeyHash == hash)
            .Select(s => new { s.Id, s.Ticket, s.ExpiresAt, s.LastSeenAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (session is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (session.ExpiresAt <= now)
        {
            await db.UserSessions.Where(s => s.Id == session.Id).ExecuteDeleteAsync(cancellationToken);
            return null;
        }

        if (now - session.LastSeenAt >= LastSeenResolution)
        {
            await db.UserSessions.Where(s => s.Id == session.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), cancellationToken);
        }

        return TicketSerializer.Default.Deserialize(session.Ticket);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, null, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) => RenewAsync(key, ticket, null, cancellationToken);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var hash = HashOf(key);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = await db.UserSessions.FirstOrDefaultAsync(s => s.KeyHash == hash, cancellationToken);
        if (session is null)
        {
            // Ended meanwhile (signed out on another request, ended by an administrator): a renewal
            // never brings a session back.
            return;
        }

        if (UserIdOf(ticket) != session.UserId)
        {
            // A session never changes hands; nothing in the CRM signs another user in over a session.
            logger.LogWarning("Session {SessionId} of user {UserId} was to be renewed for another user; it is ended instead", session.Id, session.UserId);
            db.UserSessions.Remove(session);
        }
        else
        {
            var now = clock.GetUtcNow();
            session.Ticket = Serialize(ticket, session.Id);
            session.ExpiresAt = ExpiryOf(ticket);
            session.LastSeenAt = now;
        }

        // A conflict means it was deleted between the read and the update: it stays ended.
        await db.TrySaveChangesAsync(cancellationToken);
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, null, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => RemoveAsync(key, null, cancellationToken);

    public async Task RemoveAsync(string key, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        // Not cancelled with the request: a sign-out must end the session even if the browser has
        // already gone (the tab closed right after the click).
        var hash = HashOf(key);
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        await db.UserSessions.Where(s => s.KeyHash == hash).ExecuteDeleteAsync(CancellationToken.None);
    }

    /// <summary>SHA-256 of a session key as stored in <see cref="UserSession.KeyHash"/>.</summary>
    /// <param name="key">The key from the cookie.</param>
    public static string HashOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    private string? UserIdOf(AuthenticationTicket ticket) => ticket.Principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);

    // The cookie handler sets the expiry on every ticket it signs in or renews.
    private static DateTimeOffset ExpiryOf(AuthenticationTicket ticket) =>
        ticket.Properties.ExpiresUtc ?? throw new InvalidOperationException("The ticket has no expiry.");

    // Not read from the cookie options: the store is part of those options, and depending on them
    // would make the options' construction recursive.
    private static bool IsSignInPage(HttpContext httpContext) =>
        httpContext.Request.Path.Equals(AccountPaths.SignIn, StringComparison.OrdinalIgnoreCase)
        || httpContext.Request.Path.Equals(AccountPaths.SignInWithCode, StringComparison.OrdinalIgnoreCase);

    // The stored principal carries the session's public id, so that an open circuit, which has no
    // cookie to read, can check that its session still exists (RevalidatingAuthenticationStateProvider).
    private static byte[] Serialize(AuthenticationTicket ticket, Guid sessionId)
    {
        var principal = new ClaimsPrincipal(ticket.Principal.Identities.Select(i => i.Clone()));
        var identity = principal.Identities.First();
        foreach (var stale in identity.FindAll(SessionClaimType).ToList())
        {
            identity.RemoveClaim(stale);
        }

        identity.AddClaim(new Claim(SessionClaimType, sessionId.ToString()));
        return TicketSerializer.Default.Serialize(new AuthenticationTicket(principal, ticket.Properties, ticket.AuthenticationScheme));
    }

    private static string? Truncate(string? value, int length) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= length ? value : value[..length];
}
