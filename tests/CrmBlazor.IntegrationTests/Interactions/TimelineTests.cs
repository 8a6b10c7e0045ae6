using CrmBlazor.Host.Data;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Timeline;
using CrmBlazor.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Interactions;

/// <summary>
/// Plugins' timeline entries, one per key. Event handlers write them, and events are delivered at least
/// once, so the same entry can be recorded twice at the same moment.
/// </summary>
public abstract class TimelineTests(CrmHostFixture fixture)
{
    [Fact]
    public async Task Record_TheSameKeyManyTimesAtOnce_StoresOneEntryAndLogsNoError()
    {
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);
        var key = "fixture:" + Guid.NewGuid().ToString("N");
        using var recording = fixture.Host.Log.Record();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => fixture.Host.InScopeAsync(s =>
            s.GetRequiredService<ITimeline>().RecordAsync(new TimelineEntry(customer.Id, "fixture-alpha.note", key, DateTimeOffset.UtcNow, $"ನೋಟ್ {i}")))));

        Assert.Empty(recording.Errors);
        Assert.Equal(1, await fixture.Host.InScopeAsync(s => s.GetRequiredService<CrmDbContext>().TimelineEntries.CountAsync(t => t.Key == key)));
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : TimelineTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : TimelineTests(fixture);
}
