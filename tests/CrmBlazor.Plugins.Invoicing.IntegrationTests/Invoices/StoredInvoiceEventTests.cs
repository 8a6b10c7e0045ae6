using System.Globalization;
using CrmBlazor.Data.Outbox;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Events;
using CrmBlazor.Plugins.Invoicing.IntegrationTests.Hosting;
using CrmBlazor.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Plugins.Invoicing.IntegrationTests.Invoices;

/// <summary>
/// Invoicing's events moved from the plugin's assembly into the SDK (<c>CrmBlazor.Sdk.Invoicing</c>).
/// A firm's database may hold events the plugin stored before the move, not yet delivered: the outbox
/// keeps the event's name and its JSON, and the Hangfire job only the stored event's id, so those rows
/// must still reach every handler. The rows below are written exactly as the plugin wrote them then.
/// </summary>
public abstract class StoredInvoiceEventTests(InvoicingHostFixture fixture)
{
    private const string Handlers = "invoicing/CrmBlazor.Plugins.Invoicing.Features.";

    // The fan-out to outgoing webhooks of the events the plugin offers them (AddWebhookEvent).
    private const string Webhooks = "invoicing/CrmBlazor.Host.Features.Webhooks.WebhookFanOut`1[CrmBlazor.Sdk.Invoicing.";

    private InvoicingPlugin Invoicing => fixture.Invoicing;

    [Fact]
    public async Task EventsStoredBeforeTheMoveIntoTheSdk_AreDeliveredToEveryHandler()
    {
        var billing = await Billing.CreateAsync(fixture, "EUR");
        var id = (await Invoicing.DraftAsync(billing.Accountant, billing.CustomerId)).SavedId;
        await Invoicing.AddLineAsync(billing.Accountant, id, "Fee", 1, 100m);
        await Invoicing.IssueAsync(billing.Accountant, id);
        var number = (await Invoicing.GetAsync(id)).Number;
        var invoice = id.ToString(CultureInfo.InvariantCulture);
        var customer = billing.CustomerId.ToString(CultureInfo.InvariantCulture);

        var issued = await StoreAsync("invoicing.invoice-issued",
            $$"""{"invoiceId":{{invoice}},"customerId":{{customer}},"kind":0,"number":"{{number}}","gross":100.00,"currency":"EUR","issueDate":"2025-01-31","creditedInvoiceId":null}""");
        var paid = await StoreAsync("invoicing.payment-received",
            $$"""{"invoiceId":{{invoice}},"sequence":1,"customerId":{{customer}},"number":"{{number}}","amount":40.00,"currency":"EUR","date":"2025-02-03","status":2}""");
        var reminded = await StoreAsync("invoicing.payment-reminder",
            $$"""{"invoiceId":{{invoice}},"customerId":{{customer}},"number":"{{number}}","level":1,"dueDate":"2025-03-02","outstanding":60.00,"currency":"EUR","date":"2025-03-05"}""");
        foreach (var eventId in new[] { issued, paid, reminded })
        {
            await fixture.Host.InScopeAsync(services => services.GetRequiredService<DomainEventDispatcher>().DeliverAsync(eventId, CancellationToken.None));
        }

        Assert.Equal(
            [
                Webhooks + "InvoiceIssued]",
                Handlers + "Invoices.CreditNoteTimeReleaseHandler",
                Handlers + "Invoices.IssuedInvoiceTimeNumberHandler",
                Handlers + "Sending.SendIssuedRunInvoiceHandler",
                Handlers + "Timeline.InvoiceIssuedTimelineHandler",
            ],
            await DeliveredAsync(issued));
        Assert.Equal([Webhooks + "PaymentReceived]", Handlers + "Timeline.PaymentTimelineHandler"], await DeliveredAsync(paid));
        Assert.Equal([Handlers + "Timeline.ReminderTimelineHandler"], await DeliveredAsync(reminded));
    }

    private Task<Guid> StoreAsync(string name, string payload) => WithCoreAsync(async db =>
    {
        var stored = new DomainEventRecord { Id = Guid.NewGuid(), Name = name, Payload = payload, OccurredAt = DateTimeOffset.UtcNow };
        db.DomainEvents.Add(stored);
        await db.SaveChangesAsync();
        return stored.Id;
    });

    /// <summary>The subscribers that received the event, when the event is complete (every one of them succeeded).</summary>
    private Task<List<string>> DeliveredAsync(Guid eventId) => WithCoreAsync(async db =>
    {
        Assert.NotNull((await db.DomainEvents.AsNoTracking().SingleAsync(e => e.Id == eventId)).CompletedAt);
        var deliveries = await db.DomainEventDeliveries.AsNoTracking().Where(d => d.EventId == eventId).ToListAsync();
        Assert.All(deliveries, d => Assert.Null(d.LastError));
        return deliveries.Where(d => d.DeliveredAt != null).Select(d => d.Subscriber).Order(StringComparer.Ordinal).ToList();
    });

    private Task<T> WithCoreAsync<T>(Func<CrmDbContext, Task<T>> query) => fixture.Host.InScopeAsync(async services =>
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await query(db);
    });

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteInvoicingHostFixture fixture) : StoredInvoiceEventTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresInvoicingHostFixture fixture) : StoredInvoiceEventTests(fixture);
}
