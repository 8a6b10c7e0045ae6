using System.Linq.Expressions;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Interactions;
using CrmBlazor.Sdk.Formatting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace CrmBlazor.Host.Features.Dashboard;

/// <summary>Interactions per calendar month and channel.</summary>
/// <param name="Months">The months, oldest first (the first day of each).</param>
/// <param name="Counts">Per channel that had interactions in the period, the count for each month (in <see cref="Months"/> order).</param>
public sealed record ChannelMonthCounts(IReadOnlyList<DateOnly> Months, IReadOnlyDictionary<InteractionChannel, int[]> Counts)
{
    /// <summary>All interactions in the period.</summary>
    public int Total => Counts.Values.Sum(c => c.Sum());

    /// <summary>Loads the counts of the last months, the current one included, in one grouped query.</summary>
    /// <param name="db">The context.</param>
    /// <param name="now">The current time.</param>
    /// <param name="zone">The time zone whose calendar months count (the firm's).</param>
    /// <param name="months">How many months.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <remarks>
    /// The database assigns each interaction to its month by comparing it with the months' first instants
    /// (<see cref="LocalCalendar"/>), so no date function of either provider is needed, the range condition
    /// uses the index on <see cref="Interaction.OccurredAt"/>, and one row per month and channel comes back.
    /// </remarks>
    public static async Task<ChannelMonthCounts> LoadAsync(CrmDbContext db, DateTimeOffset now, TimeZoneInfo zone, int months = 12, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var starts = LocalCalendar.MonthBoundaries(now, zone, months);
        var from = starts[0];
        var until = starts[^1];
        var rows = await db.Interactions.AsNoTracking()
            .Where(i => i.OccurredAt >= from && i.OccurredAt < until)
            .GroupBy(MonthAndChannel(starts))
            .Select(g => new { g.Key.Month, g.Key.Channel, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var counts = new SortedDictionary<InteractionChannel, int[]>();
        foreach (var row in rows)
        {
            if (!counts.TryGetValue(row.Channel, out var perMonth))
            {
                counts[row.Channel] = perMonth = new int[months];
            }

            perMonth[row.Month] += row.Count;
        }

        var labels = starts[..^1].Select(s => LocalCalendar.Day(s, zone)).ToArray();
        return new ChannelMonthCounts(labels, counts);
    }

    // i => new MonthKey { Month = i.OccurredAt < starts[1] ? 0 : i.OccurredAt < starts[2] ? 1 : ... : n - 1, Channel = i.Channel }
    private static Expression<Func<Interaction, MonthKey>> MonthAndChannel(DateTimeOffset[] starts)
    {
        var interaction = Expression.Parameter(typeof(Interaction), "i");
        Expression month = Expression.Constant(starts.Length - 2);
        for (var index = starts.Length - 2; index >= 1; index--)
        {
            // A captured local, so that EF Core sends each boundary as a parameter.
            var end = starts[index];
            Expression<Func<Interaction, bool>> before = i => i.OccurredAt < end;
            var condition = ReplacingExpressionVisitor.Replace(before.Parameters[0], interaction, before.Body);
            month = Expression.Condition(condition, Expression.Constant(index - 1), month);
        }

        var key = Expression.MemberInit(
            Expression.New(typeof(MonthKey)),
            Expression.Bind(typeof(MonthKey).GetProperty(nameof(MonthKey.Month))!, month),
            Expression.Bind(typeof(MonthKey).GetProperty(nameof(MonthKey.Channel))!, Expression.Property(interaction, nameof(Interaction.Channel))));
        return Expression.Lambda<Func<Interaction, MonthKey>>(key, interaction);
    }

    private sealed class MonthKey
    {
        public int Month { get; init; }

        public InteractionChannel Channel { get; init; }
    }
}
