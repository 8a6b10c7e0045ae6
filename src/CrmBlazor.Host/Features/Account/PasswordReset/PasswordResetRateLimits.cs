using System.Text;
using CrmBlazor.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Account.PasswordReset;

/// <summary>What the forgotten-password and reset pages limit.</summary>
internal enum PasswordResetStep
{
    /// <summary>Asking for a reset on the forgotten-password page.</summary>
    Request,

    /// <summary>Choosing a new password with a link.</summary>
    Reset,
}

/// <summary>
/// Limits the forgotten-password requests and the new passwords submitted with reset links, per client
/// address and per e-mail address, in fixed windows of <see cref="Window"/>: <see cref="PerClientSetting"/>
/// (20) from one client address, and <see cref="PerAddressSetting"/> (5) for one e-mail address, for each
/// step. The pages answer a refused attempt with 429 and a message. The counts are rows of
/// <c>crm_rate_limits</c>, so every instance on the database counts together: more instances do not
/// give an attacker more attempts.
/// </summary>
/// <remarks>
/// Each attempt is one atomic upsert per key (<c>INSERT … ON CONFLICT … DO UPDATE … RETURNING</c>, on
/// SQLite and PostgreSQL alike): two instances counting at once both see the other's attempt. A refused
/// attempt counts too, so hammering does not reopen the window. Why not the rate-limiting middleware:
/// the e-mail address is in the posted form, which a middleware partition cannot read (it is chosen
/// before the body is read), and its counters live in one process.
/// </remarks>
internal sealed class PasswordResetRateLimits(IDbContextFactory<CrmDbContext> contexts, TimeProvider clock, IConfiguration configuration)
{
    /// <summary>The setting of how many attempts of each step one client address may make per window.</summary>
    public const string PerClientSetting = "Crm:Users:PasswordResetLimitPerClient";

    /// <summary>The setting of how many attempts of each step may concern one e-mail address per window.</summary>
    public const string PerAddressSetting = "Crm:Users:PasswordResetLimitPerAddress";

    /// <summary>The window the limits count in.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private int PerClient => Math.Max(1, configuration.GetValue(PerClientSetting, 20));

    private int PerAddress => Math.Max(1, configuration.GetValue(PerAddressSetting, 5));

    /// <summary>Counts an attempt; refused (with how long until the window ends) when it is one too many.</summary>
    /// <param name="step">What is attempted.</param>
    /// <param name="client">The client address (or null when unknown: all such clients share one count).</param>
    /// <param name="email">The e-mail address it concerns, as typed.</param>
    /// <param name="cancellationToken">Cancels the count.</param>
    public async Task<(bool Allowed, TimeSpan RetryAfter)> TryAcquireAsync(PasswordResetStep step, string? client, string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var now = clock.GetUtcNow();
        var window = now.ToUnixTimeSeconds() / (long)Window.TotalSeconds;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var byClient = await CountAsync(db, Truncated($"{step} client {client}"), window, cancellationToken);
        var byAddress = await CountAsync(db, Truncated($"{step} address {KeyOf(email)}"), window, cancellationToken);
        // Counters of earlier windows are of no use any more.
        await db.RateLimitCounters.Where(c => c.Window < window).ExecuteDeleteAsync(cancellationToken);
        var windowEnd = DateTimeOffset.FromUnixTimeSeconds((window + 1) * (long)Window.TotalSeconds);
        return (byClient <= PerClient && byAddress <= PerAddress, windowEnd - now);
    }

    private static async Task<int> CountAsync(CrmDbContext db, string key, long window, CancellationToken cancellationToken) =>
        (await db.Database.SqlQuery<int>($"""
            INSERT INTO crm_rate_limits ("Key", "Window", "Count") VALUES ({key}, {window}, 1)
            ON CONFLICT ("Key") DO UPDATE SET
                "Count" = CASE WHEN crm_rate_limits."Window" = excluded."Window" THEN crm_rate_limits."Count" + 1 ELSE 1 END,
                "Window" = excluded."Window"
            RETURNING "Count" AS "Value"
            """).ToListAsync(cancellationToken)).Single();

    // As Identity's default normalizer compares addresses: one count however the address is written.
    private static string KeyOf(string email) => email.Trim().Normalize(NormalizationForm.FormC).ToUpperInvariant();

    private static string Truncated(string key) => key.Length <= 400 ? key : key[..400];
}
