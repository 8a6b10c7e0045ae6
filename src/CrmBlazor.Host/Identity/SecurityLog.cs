using CrmBlazor.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Identity;

/// <summary>
/// Writes security events (sign-ins, failures, lock-outs, refused access) to the log category
/// <c>CrmBlazor.Security</c> and to <c>crm_security_events</c>, where administrators can read them.
/// </summary>
public sealed class SecurityLog(IDbContextFactory<CrmDbContext> contexts, TimeProvider clock, ILoggerFactory loggers)
{
    /// <summary>A successful sign-in.</summary>
    public const string SignedIn = "sign-in";

    /// <summary>A failed sign-in (wrong password or unknown user).</summary>
    public const string SignInFailed = "sign-in-failed";

    /// <summary>An account locked after repeated failures, or a sign-in refused because it is locked.</summary>
    public const string LockedOut = "locked-out";

    /// <summary>A sign-out.</summary>
    public const string SignedOut = "sign-out";

    /// <summary>A request or page refused for lack of a permission or role.</summary>
    public const string AccessDenied = "access-denied";

    private readonly ILogger _logger = loggers.CreateLogger("CrmBlazor.Security");

    /// <summary>Records an event. Never throws: a failure to record is logged instead.</summary>
    /// <param name="kind">One of the constants of this class.</param>
    /// <param name="userName">The user involved, if known.</param>
    /// <param name="remoteAddress">The client address, if known.</param>
    /// <param name="detail">What was refused, or why.</param>
    public async Task WriteAsync(string kind, string? userName, string? remoteAddress, string? detail)
    {
        // Sign-ins and sign-outs are routine; failures, lock-outs and refusals deserve attention.
        var level = kind is SignedIn or SignedOut ? LogLevel.Information : LogLevel.Warning;
        _logger.Log(level, "Security event {SecurityEventKind} for {UserName} from {RemoteAddress}{Detail}", kind, userName, remoteAddress, detail is null ? string.Empty : ": " + detail);
        try
        {
            await using var db = await contexts.CreateDbContextAsync();
            db.SecurityEvents.Add(new SecurityEvent
            {
                Kind = kind,
                UserName = Truncate(userName, 320),
                RemoteAddress = Truncate(remoteAddress, 64),
                Detail = Truncate(detail, 1000),
                OccurredAt = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException)
        {
            _logger.LogError(e, "Could not store security event {SecurityEventKind}", kind);
        }
    }

    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
