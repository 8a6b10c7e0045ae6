using CrmBlazor.Host.Data;
using CrmBlazor.Sdk.Security;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Account.PasswordReset;

/// <summary>
/// The counts of <see cref="IRateLimits"/>: one row of <c>crm_rate_limits</c> per key, holding the end of
/// its current window (Unix seconds) and the attempts in it, so that every instance on the database counts
/// together and keys with windows of different lengths share the table.
/// </summary>
/// <remarks>
/// Each attempt is one atomic upsert (<c>INSERT … ON CONFLICT … DO UPDATE … RETURNING</c>, on SQLite and
/// PostgreSQL alike, without a transaction around it: the row is locked only for the statement): two
/// instances counting at once both see the other's attempt. Rows whose window has ended are deleted
/// whenever a key starts a new window. Why not the rate-limiting middleware: its counters live in one
/// process, and a partition is chosen before the body (the e-mail address of a reset request) is read.
/// </remarks>
internal sealed class SharedRateLimits(IDbContextFactory<CrmDbContext> contexts, TimeProvider clock) : IRateLimits
{
    /// <inheritdoc />
    public async Task<TimeSpan?> HitAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = clock.GetUtcNow();
        var seconds = Math.Max(1L, (long)window.TotalSeconds);
        var end = ((now.ToUnixTimeSeconds() / seconds) + 1) * seconds;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var count = await CountAsync(db, key.Length <= 400 ? key : key[..400], end, cancellationToken);
        // Counters of ended windows are of no use any more: swept when a key starts a window, not on every
        // attempt, so that a burst on one key is one statement per attempt.
        if (count == 1)
        {
            var nowSeconds = now.ToUnixTimeSeconds();
            await db.RateLimitCounters.Where(c => c.Window <= nowSeconds).ExecuteDeleteAsync(cancellationToken);
        }

        return count <= Math.Max(1, limit) ? null : DateTimeOffset.FromUnixTimeSeconds(end) - now;
    }

    private static async Task<int> CountAsync(CrmDbContext db, string key, long end, CancellationToken cancellationToken) =>
        (await db.Database.SqlQuery<int>($"""
            INSERT INTO crm_rate_limits ("Key", "Window", "Count") VALUES ({key}, {end}, 1)
            ON CONFLICT ("Key") DO UPDATE SET
                "Count" = CASE WHEN crm_rate_limits."Window" = excluded."Window" THEN crm_rate_limits."Count" + 1 ELSE 1 END,
                "Window" = excluded."Window"
            RETURNING "Count" AS "Value"
            """).ToListAsync(cancellationToken)).Single();
}
