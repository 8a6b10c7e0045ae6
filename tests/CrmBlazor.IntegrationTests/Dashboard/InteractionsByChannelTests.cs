using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Dashboard;
using CrmBlazor.Host.Features.Interactions;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Dashboard;

/// <summary>
/// The dashboard's monthly interactions per channel, counted by the database in one grouped query.
/// Timestamps are stored in UTC and cut into months at the firm's midnights. Each test uses a year of
/// its own far from today, so the interactions other tests log never count.
/// </summary>
public abstract class InteractionsByChannelTests(CrmHostFixture fixture)
{
    private static readonly TimeZoneInfo India = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

    [Fact]
    public async Task Counts_PerChannelAndMonth_AreThoseOfEachMonth()
    {
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);
        await Log(customer.Id, InteractionChannel.Call, "2031-01-10T09:00:00Z", "2031-01-20T09:00:00Z", "2031-03-05T09:00:00Z");
        await Log(customer.Id, InteractionChannel.Email, "2031-02-14T09:00:00Z");

        var counts = await LoadAsync(now: "2031-03-15T12:00:00Z", TimeZoneInfo.Utc, months: 3);

        Assert.Equal([new DateOnly(2031, 1, 1), new DateOnly(2031, 2, 1), new DateOnly(2031, 3, 1)], counts.Months);
        Assert.Equal([InteractionChannel.Call, InteractionChannel.Email], counts.Counts.Keys);
        Assert.Equal([2, 0, 1], counts.Counts[InteractionChannel.Call]);
        Assert.Equal([0, 1, 0], counts.Counts[InteractionChannel.Email]);
    }

    [Fact]
    public async Task Counts_AroundMidnightInIndia_CountInTheMonthIndiaSawThemIn()
    {
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);

        // 23:59:59 on 31 March and 00:00:00 on 1 April in India (UTC+05:30).
        await Log(customer.Id, InteractionChannel.Meeting, "2032-03-31T18:29:59Z", "2032-03-31T18:30:00Z");

        var counts = await LoadAsync(now: "2032-04-10T12:00:00Z", India, months: 2);

        Assert.Equal([1, 1], counts.Counts[InteractionChannel.Meeting]);
    }

    [Fact]
    public async Task Counts_TheSameInstantsInUtc_CountInUtcMonths()
    {
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);
        await Log(customer.Id, InteractionChannel.Note, "2033-03-31T18:29:59Z", "2033-03-31T18:30:00Z");

        var counts = await LoadAsync(now: "2033-04-10T12:00:00Z", TimeZoneInfo.Utc, months: 2);

        Assert.Equal([2, 0], counts.Counts[InteractionChannel.Note]);
    }

    [Fact]
    public async Task Counts_JustOutsideThePeriod_AreLeftOut()
    {
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);

        // The last second before the first month, and the first second of the month after the current one.
        await Log(customer.Id, InteractionChannel.WebForm, "2034-01-31T23:59:59Z", "2034-02-01T00:00:00Z", "2034-03-31T23:59:59Z", "2034-04-01T00:00:00Z");

        var counts = await LoadAsync(now: "2034-03-20T12:00:00Z", TimeZoneInfo.Utc, months: 2);

        Assert.Equal([1, 1], counts.Counts[InteractionChannel.WebForm]);
    }

    [Fact]
    public async Task Counts_YearWithoutInteractions_AreEmpty()
    {
        var counts = await LoadAsync(now: "2041-06-15T12:00:00Z", TimeZoneInfo.Utc, months: 12);

        Assert.Equal(12, counts.Months.Count);
        Assert.Empty(counts.Counts);
        Assert.Equal(0, counts.Total);
    }

    private async Task Log(long customerId, InteractionChannel channel, params string[] instants)
    {
        foreach (var instant in instants)
        {
            await new InteractionBuilder(customerId).By(channel).At(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)).SaveAsync(fixture.Host);
        }
    }

    private Task<ChannelMonthCounts> LoadAsync(string now, TimeZoneInfo zone, int months) => fixture.Host.InScopeAsync(async services =>
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await ChannelMonthCounts.LoadAsync(db, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), zone, months);
    });

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : InteractionsByChannelTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : InteractionsByChannelTests(fixture);
}
