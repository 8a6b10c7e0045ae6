using CrmBlazor.Data;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Webhooks;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Events;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Webhooks;

/// <summary>
/// Webhooks through the real host and a real receiver: each request's signature verified by the
/// <c>StandardWebhooks</c> package; a receiver down for a while, then up, gets every event once and in
/// order per subject; a loopback target is refused unless private targets are allowed; a subscription
/// failing for days is disabled and its owner mailed.
/// </summary>
public abstract class WebhookDeliveryTests
{
    protected abstract DatabaseProvider Provider { get; }

    [Fact]
    public async Task ReceiverDownThenUp_GetsEveryEventOnceInOrderPerSubject_EachSignatureVerified()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Down = true;
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var host = new CrmHostFactory(database, "no-plugins", Settings(allowPrivate: true)).Start();
        var subscriptionId = await SubscribeAsync(host, receiver, "interaction.logged");

        // Three customers, four interactions each, published one after the other.
        var sequence = 0;
        for (var round = 0; round < 4; round++)
        {
            for (var customer = 1; customer <= 3; customer++)
            {
                sequence++;
                var interaction = sequence;
                await host.InScopeAsync(s => s.GetRequiredService<IDomainEventPublisher>().PublishAsync(new InteractionLogged(interaction, customer, "Call", DateTimeOffset.UtcNow)));
            }
        }

        await Eventually.HoldsAsync("the receiver refused some attempts", () => Task.FromResult(receiver.Requests.Count(r => r.Status == 503) >= 3));
        receiver.Down = false;
        await Eventually.HoldsAsync(
            "every event was delivered",
            () => Task.FromResult(receiver.Requests.Where(r => r.Status == 200).Select(r => r.WebhookId).Distinct().Count() == sequence),
            TimeSpan.FromMinutes(2));

        var requests = receiver.Requests.ToList();
        Assert.All(requests, r => Assert.Null(r.VerificationError));
        var delivered = requests.Where(r => r.Status == 200).ToList();
        Assert.Equal(sequence, delivered.Count);
        Assert.Equal(sequence, delivered.Select(r => r.WebhookId).Distinct().Count());
        foreach (var subject in delivered.GroupBy(r => r.Data.GetProperty("customerId").GetInt64()))
        {
            var order = subject.Select(r => r.Data.GetProperty("interactionId").GetInt64()).ToList();
            Assert.Equal(order.Order(), order);
            Assert.Equal(4, order.Count);
        }

        // A retry carries the webhook-id of the first attempt.
        Assert.All(requests.Where(r => r.Status == 503), r => Assert.Contains(delivered, d => d.WebhookId == r.WebhookId));
        var attempts = await host.InScopeAsync(async s =>
        {
            await using var db = await s.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            return await db.WebhookAttempts.AsNoTracking().ToListAsync();
        });
        Assert.Equal(requests.Count, attempts.Count);
        Assert.Contains(attempts, a => a.StatusCode == 503 && a.ResponseExcerpt == "down for maintenance");
    }

    [Fact]
    public async Task LoopbackTarget_ByDefault_IsRefusedAtSaveAndAtConnect()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var host = new CrmHostFactory(database, "no-plugins", Settings(allowPrivate: false)).Start();

        Assert.NotNull(await WebhookTargets.ProblemAsync(receiver.Url, allowPrivate: false));
        Assert.Null(await WebhookTargets.ProblemAsync(receiver.Url, allowPrivate: true));

        // Written past the check at save (as a name re-pointed to a private address would be): refused when connecting.
        var subscriptionId = await SubscribeAsync(host, receiver, "customer.created");
        await host.InScopeAsync(s => s.GetRequiredService<IDomainEventPublisher>().PublishAsync(new CustomerCreated(42)));

        var attempt = await Eventually.ReturnsAsync("an attempt was made", () => host.InScopeAsync(async s =>
        {
            await using var db = await s.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            return await db.WebhookAttempts.AsNoTracking().FirstOrDefaultAsync();
        }), a => a is not null);
        Assert.Null(attempt!.StatusCode);
        Assert.Contains("private or local network", attempt.Error, StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task SubscriptionFailingForLongerThanTheLimit_IsDisabledAndItsOwnerMailed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var host = new CrmHostFactory(database, "no-plugins", Settings(allowPrivate: true)).Start();
        var subscriptionId = await SubscribeAsync(host, receiver, "customer.created");

        var disabled = await host.InScopeAsync(async s =>
        {
            var contexts = s.GetRequiredService<IDbContextFactory<CrmDbContext>>();
            await using var db = await contexts.CreateDbContextAsync();
            var admin = await db.Users.SingleAsync(u => u.Email == CrmHostFactory.Administrator.Email);
            await db.WebhookSubscriptions.Where(w => w.Id == subscriptionId)
                .ExecuteUpdateAsync(u => u.SetProperty(w => w.FailingSince, DateTimeOffset.UtcNow.AddDays(-6)).SetProperty(w => w.OwnerUserId, admin.Id));
            var job = ActivatorUtilities.CreateInstance<WebhookSweepJob>(s);
            return await job.DisableFailingAsync(db, DateTimeOffset.UtcNow, CancellationToken.None);
        });

        Assert.Equal(1, disabled);
        await host.InScopeAsync(async s =>
        {
            await using var db = await s.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleAsync(w => w.Id == subscriptionId);
            Assert.False(subscription.Enabled);
            Assert.NotNull(subscription.DisabledReason);
            var mail = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.IdempotencyKey.StartsWith("crm:webhook-disabled:"));
            Assert.Contains(CrmHostFactory.Administrator.Email, mail.Recipients, StringComparison.Ordinal);
            Assert.Contains(receiver.Url, mail.HtmlBody, StringComparison.Ordinal);
        });
    }

    private static Dictionary<string, string?> Settings(bool allowPrivate) => new()
    {
        ["Webhooks:AllowPrivateTargets"] = allowPrivate ? "true" : "false",
        ["Webhooks:RetryDelays"] = string.Join(',', Enumerable.Repeat("00:00:01", 30)),
        ["Jobs:PollIntervalSeconds"] = "1",
    };

    private static async Task<long> SubscribeAsync(CrmHostFactory host, WebhookReceiver receiver, string type)
    {
        var subscription = new WebhookSubscription
        {
            Url = receiver.Url,
            EventTypes = type,
            Secret = WebhookSignature.NewSecret(),
            Enabled = true,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        receiver.Secret = subscription.Secret;
        await host.InScopeAsync(async s =>
        {
            await using var db = await s.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            db.WebhookSubscriptions.Add(subscription);
            await db.SaveChangesAsync();
        });
        return subscription.Id;
    }
}

/// <summary>The webhook tests on SQLite.</summary>
public sealed class SqliteWebhookDeliveryTests : WebhookDeliveryTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>The webhook tests on PostgreSQL (needs <c>CRM_TEST_POSTGRES</c>).</summary>
public sealed class PostgresWebhookDeliveryTests : WebhookDeliveryTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
