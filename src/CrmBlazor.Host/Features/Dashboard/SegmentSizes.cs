using CrmBlazor.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Dashboard;

/// <summary>A segment and its number of members.</summary>
/// <param name="Id">The segment.</param>
/// <param name="Name">Its name.</param>
/// <param name="Members">Members at the last refresh.</param>
public sealed record SegmentSize(long Id, string Name, int Members);

/// <summary>How many customers each segment holds, as of each segment's last refresh.</summary>
/// <param name="Largest">The largest segments, largest first.</param>
/// <param name="Others">How many smaller segments were left out.</param>
/// <param name="RefreshedAt">The oldest refresh among those shown, or null if none was ever refreshed.</param>
public sealed record SegmentSizes(IReadOnlyList<SegmentSize> Largest, int Others, DateTimeOffset? RefreshedAt)
{
    /// <summary>The most segments a chart shows legibly.</summary>
    public const int Shown = 8;

    /// <summary>Loads the largest segments (the member counts kept by the refresh: no counting here).</summary>
    /// <param name="db">The context.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static async Task<SegmentSizes> LoadAsync(CrmDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var segments = await db.Segments.AsNoTracking()
            .OrderByDescending(s => s.MemberCount).ThenBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, s.MemberCount, s.RefreshedAt })
            .ToListAsync(cancellationToken);
        var largest = segments.Take(Shown).ToList();
        return new SegmentSizes(
            [.. largest.Select(s => new SegmentSize(s.Id, s.Name, s.MemberCount))],
            segments.Count - largest.Count,
            largest.Where(s => s.RefreshedAt is not null).Min(s => s.RefreshedAt));
    }
}
