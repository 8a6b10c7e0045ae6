using CrmBlazor.Host.Features.Dashboard;
using CrmBlazor.Host.Features.Interactions;

namespace CrmBlazor.Host.Tests.Builders;

/// <summary>Monthly interaction counts per channel, as the dashboard's query returns them.</summary>
internal sealed class ChannelMonthCountsBuilder(DateOnly firstMonth, int months)
{
    private readonly SortedDictionary<InteractionChannel, int[]> _counts = [];

    /// <summary>Counts over <paramref name="months"/> months from <paramref name="firstMonth"/>.</summary>
    public static ChannelMonthCountsBuilder Months(int months, DateOnly firstMonth) => new(firstMonth, months);

    /// <summary>A channel's count in each month, oldest first (missing months count zero).</summary>
    public ChannelMonthCountsBuilder With(InteractionChannel channel, params int[] perMonth)
    {
        var counts = new int[months];
        perMonth.CopyTo(counts, 0);
        _counts[channel] = counts;
        return this;
    }

    public ChannelMonthCounts Build() =>
        new([.. Enumerable.Range(0, months).Select(firstMonth.AddMonths)], _counts);
}
