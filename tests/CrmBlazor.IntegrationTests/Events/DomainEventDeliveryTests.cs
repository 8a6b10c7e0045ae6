using System.Text.Json;
using CrmBlazor.Data.Outbox;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Events;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Events;

/// <summary>
/// A note added in Alpha publishes "fixture-alpha.note-added", which reaches Alpha's own timeline
/// handler and Beta's handler (Beta declares its own record of that name and never references Alpha).
/// Each delivery is recorded; delivering again never does the handlers' work twice.
/// </summary>
public abstract class DomainEventDeliveryTests(CrmHostFixture fixture)
{
    private const string AlphaSubscriber = "fixture-alpha/CrmBlazor.Fixtures.Alpha.Features.NoteAddedTimelineHandler";
    private const string BetaSubscriber = "fixture-beta/CrmBlazor.Fixtures.Beta.Features.NoteAddedHandler";

    [Fact]
    public async Task NoteAdded_InAlpha_IsReceivedByBetaThroughItsOwnEventType()
    {
        var (customerId, noteId) = await AddNoteAsync();

        var received = await Eventually.ReturnsAsync("Beta received the note", () => BetaReceivedAsync(noteId), rows => rows.Count > 0);

        Assert.Equal([customerId], received);
    }

    [Fact]
    public async Task NoteAdded_InAlpha_IsPutOnTheCustomersTimelineByAlphasHandler()
    {
        var (customerId, noteId) = await AddNoteAsync("Called about the renewal");

        var entry = await Eventually.ReturnsAsync("the note reached the timeline", () => TimelineEntryAsync(noteId), e => e is not null);

        Assert.Equal(customerId, entry!.CustomerId);
        Assert.Equal("fixture-alpha.note", entry.Kind);
        Assert.Equal("Fixture note: Called about the renewal", entry.Title);
    }

    [Fact]
    public async Task NoteAdded_Delivered_RecordsOneDeliveryPerSubscriberAndCompletesTheEvent()
    {
        var (_, noteId) = await AddNoteAsync();

        var stored = await DeliveredEventAsync(noteId);

        var deliveries = await DeliveriesAsync(stored.Id);
        Assert.Equal([AlphaSubscriber, BetaSubscriber], deliveries.Select(d => d.Subscriber).Order(StringComparer.Ordinal));
        Assert.All(deliveries, d => Assert.NotNull(d.DeliveredAt));
        Assert.All(deliveries, d => Assert.Equal(1, d.Attempts));
    }

    [Fact]
    public async Task Redelivery_OfADeliveredEvent_AddsNothing()
    {
        var (_, noteId) = await AddNoteAsync();
        var stored = await DeliveredEventAsync(noteId);

        await DeliverAgainAsync(stored.Id);

        Assert.Single(await BetaReceivedAsync(noteId));
        Assert.All(await DeliveriesAsync(stored.Id), d => Assert.Equal(1, d.Attempts));
    }

    [Fact]
    public async Task Redelivery_AfterTheDeliveryRecordsWereLost_DoesNotDuplicateTheHandlersWork()
    {
        var (_, noteId) = await AddNoteAsync();
        var stored = await DeliveredEventAsync(noteId);
        await ForgetDeliveriesAsync(stored.Id);

        await DeliverAgainAsync(stored.Id);

        Assert.Single(await BetaReceivedAsync(noteId));
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_timeline_entries WHERE \"Key\" = @p0", TimelineKey(noteId)));
        Assert.Equal(2, (await DeliveriesAsync(stored.Id)).Count(d => d.DeliveredAt is not null));
    }

    private static string TimelineKey(long noteId) => "fixture-alpha.note:" + noteId;

    private async Task<(long CustomerId, long NoteId)> AddNoteAsync(string text = "A note for the event tests")
    {
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);
        var noteId = await FixtureAlpha.In(fixture.Host).AddNoteAsManagerAsync(customer.Id, text);
        return (customer.Id, noteId);
    }

    private Task<IReadOnlyList<long>> BetaReceivedAsync(long noteId) =>
        fixture.Database.ColumnAsync<long>("SELECT \"CustomerId\" FROM fixture_beta_received WHERE \"NoteId\" = @p0", noteId);

    private Task<TimelineEntryRecord?> TimelineEntryAsync(long noteId) => WithCoreAsync(db =>
        db.TimelineEntries.AsNoTracking().FirstOrDefaultAsync(t => t.Key == TimelineKey(noteId)));

    private Task<List<DomainEventDelivery>> DeliveriesAsync(Guid eventId) => WithCoreAsync(db =>
        db.DomainEventDeliveries.AsNoTracking().Where(d => d.EventId == eventId).ToListAsync());

    /// <summary>Waits until the note's event is stored and completely delivered, and returns it.</summary>
    private async Task<DomainEventRecord> DeliveredEventAsync(long noteId) =>
        (await Eventually.ReturnsAsync(
            $"the event of note {noteId} was delivered to every subscriber",
            () => WithCoreAsync(async db =>
            {
                var candidates = await db.DomainEvents.AsNoTracking().Where(e => e.Name == FixtureAlpha.NoteAddedEvent && e.CompletedAt != null).ToListAsync();
                return candidates.SingleOrDefault(e => NoteIdOf(e) == noteId);
            }),
            e => e is not null))!;

    private static long NoteIdOf(DomainEventRecord stored)
    {
        using var payload = JsonDocument.Parse(stored.Payload);
        return payload.RootElement.GetProperty("noteId").GetInt64();
    }

    private Task DeliverAgainAsync(Guid eventId) => fixture.Host.InScopeAsync(services =>
        services.GetRequiredService<DomainEventDispatcher>().DeliverAsync(eventId, CancellationToken.None));

    /// <summary>As after a crash between the handlers' work and the recording of their success.</summary>
    private Task ForgetDeliveriesAsync(Guid eventId) => WithCoreAsync(async db =>
    {
        await db.DomainEventDeliveries.Where(d => d.EventId == eventId).ExecuteDeleteAsync();
        return await db.DomainEvents.Where(e => e.Id == eventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.CompletedAt, (DateTimeOffset?)null));
    });

    private Task<T> WithCoreAsync<T>(Func<CrmDbContext, Task<T>> query) => fixture.Host.InScopeAsync(async services =>
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await query(db);
    });

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : DomainEventDeliveryTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : DomainEventDeliveryTests(fixture);
}
