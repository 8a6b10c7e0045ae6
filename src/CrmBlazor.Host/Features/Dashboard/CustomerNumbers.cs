using CrmBlazor.Host.Data;
using CrmBlazor.Sdk.Formatting;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Dashboard;

/// <summary>The customer base in three numbers.</summary>
/// <param name="Active">Customers not archived.</param>
/// <param name="NewThisMonth">Of those, created since the start of the current calendar month.</param>
/// <param name="Quiet">Of those, with no interaction in the last <see cref="QuietDays"/> days (or none ever).</param>
public sealed record CustomerNumbers(int Active, int NewThisMonth, int Quiet)
{
    /// <summary>After how many days without an interaction a customer counts as quiet.</summary>
    public const int QuietDays = 90;

    /// <summary>Counts the customers in one pass over the table.</summary>
    /// <param name="db">The context.</param>
    /// <param name="now">The current time.</param>
    /// <param name="zone">The time zone whose calendar month counts (the firm's).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static async Task<CustomerNumbers> LoadAsync(CrmDbContext db, DateTimeOffset now, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var monthStart = LocalCalendar.MonthStart(now, zone);
        var quietSince = now.AddDays(-QuietDays);
        var counts = await db.Customers.AsNoTracking().Where(c => !c.IsArchived)
            .GroupBy(c => 1)
            .Select(g => new
            {
                Active = g.Count(),
                New = g.Count(c => c.CreatedAt >= monthStart),
                Quiet = g.Count(c => c.LastInteractionAt == null || c.LastInteractionAt < quietSince),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return new CustomerNumbers(counts?.Active ?? 0, counts?.New ?? 0, counts?.Quiet ?? 0);
    }
}
