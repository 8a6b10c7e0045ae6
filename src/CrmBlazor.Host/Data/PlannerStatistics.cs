using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Data;

/// <summary>
/// Keeps SQLite's query planner statistics (<c>sqlite_stat1</c>) in step with the data. Without them
/// SQLite guesses: it answered a customer search by reading every active customer in name order
/// (about 800,000 steps at 100,000 customers) instead of the few hundred customers the word matches
/// (20,000 steps). PostgreSQL keeps its own statistics (autovacuum's ANALYZE).
/// </summary>
internal static class PlannerStatistics
{
    /// <summary>
    /// Runs <c>PRAGMA optimize=0x10002</c> on SQLite: ANALYZE for every table that has no statistics
    /// yet or grew or shrank a lot since, within a time limit SQLite sets itself; otherwise nothing.
    /// </summary>
    /// <param name="db">Any context on the database (the pragma covers every table of the file).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public static async Task RefreshAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", cancellationToken);
        }
    }
}
