using CrmBlazor.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Identity;

/// <summary>
/// Writes security events (sign-ins, failures, lock-outs, refused access, changed permissions) to the log category
/// <c>CrmBlazor.Security</c> and to <c>crm_security_events</c>, where administrators can read them.
/// </summary>
public sealed class SecurityLog(IDbContextFactory<CrmDbContext> contexts, TimeProvider clock, ILoggerFactory loggers)
{
    /// <summary>A successful sign-in.</summary>
    public const string SignedIn = "sign-in";

    /// <summary>A failed sign-in (wrong password or unknown user).</summary>
    public const string SignInFailed = "sign-in-failed";

    /// <summary>An address locked after repeated failed sign-ins (an account's, or one without an account).</summary>
    public const string LockedOut = "locked-out";

    /// <summary>A sign-in refused because its address is locked.</summary>
    public const string SignInLocked = "sign-in-locked";

    /// <summary>A sign-out.</summary>
    public const string SignedOut = "sign-out";

    /// <summary>A request or page refused for lack of a permission or role.</summary>
    public const string AccessDenied = "access-denied";

    /// <summary>An administrator gave a role a permission (detail: <c>permission → role</c>).</summary>
    public const string PermissionGranted = "permission-granted";

    /// <summary>An administrator took a permission away from a role (detail: <c>permission → role</c>).</summary>
    public const string PermissionRevoked = "permission-revoked";

    /// <summary>
    /// An administrator unlocked an account. Written under the account's normalized address, so that it
    /// ends the address's run of failed sign-ins as a successful sign-in does.
    /// </summary>
    public const string Unlocked = "user-unlocked";

    /// <summary>
    /// A signed-in user typed a wrong current password where a change asks for it again (a password
    /// or two-factor change): someone may be using a browser left signed in. Counts towards the address's
    /// lock-out as a failed sign-in does.
    /// </summary>
    public const string ReauthenticationFailed = "reauthentication-failed";

    /// <summary>The password was right and the account asks for a code from the authenticator app next.</summary>
    public const string SignInCodeRequired = "sign-in-code-required";

    /// <summary>A user signed in with one of their recovery codes instead of an authenticator code; it is used up.</summary>
    public const string RecoveryCodeUsed = "recovery-code-used";

    /// <summary>A user signed out on every device: all their sessions ended.</summary>
    public const string SignedOutEverywhere = "sign-out-everywhere";

    /// <summary>
    /// Someone asked for a password reset on the forgotten-password page. Written under the address as
    /// typed and normalized, whether or not it has an account; the users page shows it on the account's row.
    /// </summary>
    public const string PasswordResetRequested = "password-reset-requested";

    /// <summary>An administrator issued a password reset link for an account (or one was sent to its address).</summary>
    public const string PasswordResetIssued = "password-reset-issued";

    /// <summary>
    /// A person chose a new password with a reset link. Ends the address's run of failed sign-ins, as a
    /// sign-in does: the account's lock is cleared with it.
    /// </summary>
    public const string PasswordReset = "password-reset";

    // What ends an address's run of failed sign-ins, for its lock-out as sign-in counts it and as the users page shows it.
    internal static readonly string[] EndsARunOfFailures = [SignedIn, Unlocked, PasswordReset];

    private readonly ILogger _logger = loggers.CreateLogger("CrmBlazor.Security");

    /// <summary>Records an event. Never throws: a failure to record is logged instead.</summary>
    /// <param name="kind">One of the constants of this class.</param>
    /// <param name="userName">The user involved, if known.</param>
    /// <param name="remoteAddress">The client address, if known.</param>
    /// <param name="detail">What was refused, or why.</param>
    public Task WriteAsync(string kind, string? userName, string? remoteAddress, string? detail) =>
        WriteAsync(kind, userName, null, remoteAddress, detail);

    /// <summary>Records a sign-in attempt. Never throws.</summary>
    /// <param name="kind"><see cref="SignedIn"/>, <see cref="SignInFailed"/>, <see cref="LockedOut"/> or <see cref="SignInLocked"/>.</param>
    /// <param name="address">The address as typed (trimmed).</param>
    /// <param name="normalizedAddress">The address as Identity normalizes user names.</param>
    /// <param name="remoteAddress">The client address, if known.</param>
    public Task WriteSignInAsync(string kind, string address, string normalizedAddress, string? remoteAddress) =>
        WriteAsync(kind, address, normalizedAddress, remoteAddress, null);

    /// <summary>Records something done by someone who typed an address, such as <see cref="PasswordResetRequested"/>. Never throws.</summary>
    /// <param name="kind">One of the constants of this class.</param>
    /// <param name="address">The address as typed (trimmed).</param>
    /// <param name="normalizedAddress">The address as Identity normalizes user names.</param>
    /// <param name="remoteAddress">The client address, if known.</param>
    public Task WriteForAddressAsync(string kind, string address, string normalizedAddress, string? remoteAddress) =>
        WriteAsync(kind, address, normalizedAddress, remoteAddress, null);

    /// <summary>
    /// Records what an administrator did to an account (invited, roles changed, deactivated, unlocked).
    /// Never throws.
    /// </summary>
    /// <param name="kind">What was done, e.g. <see cref="Unlocked"/>.</param>
    /// <param name="actor">The administrator's user name.</param>
    /// <param name="target">The account; its address is the event's <see cref="Data.SecurityEvent.NormalizedUserName"/> and starts its detail.</param>
    /// <param name="detail">More about the change (the roles before and after), or null.</param>
    public Task WriteAboutUserAsync(string kind, string? actor, CrmUser target, string? detail)
    {
        ArgumentNullException.ThrowIfNull(target);
        return WriteAsync(kind, actor, target.NormalizedUserName, null, detail is null ? target.Email : $"{target.Email}: {detail}");
    }

    /// <summary>
    /// The latest sign-in events of an address that count towards its lock-out (<see cref="SignedIn"/>,
    /// <see cref="SignInFailed"/>, <see cref="ReauthenticationFailed"/>, <see cref="LockedOut"/>, and <see cref="Unlocked"/> and <see cref="PasswordReset"/>,
    /// which end a run of failures as a sign-in does), newest first.
    /// </summary>
    /// <param name="normalizedAddress">The address as Identity normalizes user names.</param>
    /// <param name="count">How many to read at most.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<(string Kind, DateTimeOffset OccurredAt)>> RecentSignInsAsync(string normalizedAddress, int count, CancellationToken cancellationToken = default)
    {
        string[] kinds = [SignInFailed, ReauthenticationFailed, LockedOut, .. EndsARunOfFailures];
        var key = Truncate(normalizedAddress, 320);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var events = await db.SecurityEvents.AsNoTracking()
            .Where(e => e.NormalizedUserName == key && kinds.Contains(e.Kind))
            .OrderByDescending(e => e.Id)
            .Take(count)
            .Select(e => new { e.Kind, e.OccurredAt })
            .ToListAsync(cancellationToken);
        return [.. events.Select(e => (e.Kind, e.OccurredAt))];
    }

    /// <summary>
    /// Of <paramref name="normalizedAddresses"/>, those locked out by failed sign-ins: their latest event among
    /// <see cref="LockedOut"/> and the events that end a run of failures since <paramref name="since"/>
    /// (the lock-out's length ago) is a lock-out. One query for a page of addresses.
    /// </summary>
    /// <param name="normalizedAddresses">Addresses as Identity normalizes user names.</param>
    /// <param name="since">The start of the lock-out window.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<HashSet<string>> LockedAddressesAsync(IReadOnlyCollection<string> normalizedAddresses, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        string[] kinds = [LockedOut, .. EndsARunOfFailures];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var events = await db.SecurityEvents.AsNoTracking()
            .Where(e => e.NormalizedUserName != null && normalizedAddresses.Contains(e.NormalizedUserName) && kinds.Contains(e.Kind) && e.OccurredAt > since)
            .Select(e => new { e.Id, e.NormalizedUserName, e.Kind })
            .ToListAsync(cancellationToken);
        return [.. events.GroupBy(e => e.NormalizedUserName!)
            .Where(g => g.MaxBy(e => e.Id)!.Kind == LockedOut)
            .Select(g => g.Key)];
    }

    private async Task WriteAsync(string kind, string? userName, string? normalizedUserName, string? remoteAddress, string? detail)
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
                NormalizedUserName = Truncate(normalizedUserName, 320),
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
