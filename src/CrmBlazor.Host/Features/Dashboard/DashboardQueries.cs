using CrmBlazor.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Dashboard;

/// <summary>
/// The read side of the core's dashboard widgets, each widget's data in a context of its own, as of now
/// in the firm's time zone. The queries themselves are the data records' <c>LoadAsync</c>, which the
/// tests run with a time of their choosing.
/// </summary>
public sealed class DashboardQueries(IDbContextFactory<CrmDbContext> contexts, TimeProvider clock)
{
    /// <summary>How many months the interactions chart shows, the current one included.</summary>
    public const int ChannelMonths = 12;

    /// <summary>How many of the oldest open complaints and inquiries the widget lists.</summary>
    public const int OldestOpenCases = 5;

    /// <summary>Active customers, new ones this month and quiet ones.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<CustomerNumbers> CustomerNumbersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await CustomerNumbers.LoadAsync(db, clock.GetUtcNow(), clock.LocalTimeZone, cancellationToken);
    }

    /// <summary>Interactions per channel in each of the last <see cref="ChannelMonths"/> months.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<ChannelMonthCounts> InteractionsByChannelAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ChannelMonthCounts.LoadAsync(db, clock.GetUtcNow(), clock.LocalTimeZone, ChannelMonths, cancellationToken);
    }

    /// <summary>Open complaints and inquiries: how many, and the <see cref="OldestOpenCases"/> oldest.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<OpenCaseSummary> OpenCasesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await OpenCaseSummary.LoadAsync(db, OldestOpenCases, cancellationToken);
    }

    /// <summary>The largest segments by members, as of their last refresh.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<SegmentSizes> SegmentSizesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await SegmentSizes.LoadAsync(db, cancellationToken);
    }
}
