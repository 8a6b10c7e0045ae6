using CrmBlazor.Data;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Webhooks;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CrmBlazor.IntegrationTests.Webhooks;

/// <summary>
/// The real host process, killed with SIGKILL while it sends 40 deliveries of 5 subjects to a slow receiver,
/// and started again on the same database: every delivery arrives (a request the receiver answered in the
/// instant before the kill, before its delivery was recorded, arrives again with the same <c>webhook-id</c>),
/// in order per subject, and every delivery ends delivered.
/// </summary>
public abstract class WebhookKillTests(ITestOutputHelper output)
{
    private const int Subjects = 5;
    private const int PerSubject = 8;

    protected abstract DatabaseProvider Provider { get; }

    [Fact]
    public async Task HostKilledMidDelivery_AfterTheRestart_EveryDeliveryArrivesInOrderPerSubject()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Delay = TimeSpan.FromMilliseconds(400);
        await using var database = await TestDatabase.CreateAsync(Provider);
        await SeedAsync(database, receiver);

        var process = await CrmHostProcess.StartBesideTestsAsync(database, "no-plugins", Settings);
        try
        {
            await Eventually.HoldsAsync("some deliveries arrived", () => Task.FromResult(receiver.Requests.Count >= 5), TimeSpan.FromMinutes(2));
            await process.KillAsync();
            output.WriteLine($"Killed after {receiver.Requests.Count} requests.");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + Environment.NewLine + process.RecentOutput, e);
        }
        finally
        {
            await process.DisposeAsync();
        }

        await using (var restarted = await CrmHostProcess.StartBesideTestsAsync(database, "no-plugins", Settings))
        {
            try
            {
                await Eventually.HoldsAsync(
                    "every delivery arrived",
                    () => Task.FromResult(receiver.Requests.Where(r => r.Status == 200).Select(r => r.WebhookId).Distinct().Count() == Subjects * PerSubject),
                    TimeSpan.FromMinutes(3));
                await Eventually.HoldsAsync(
                    "every delivery is recorded as delivered",
                    async () => await database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_webhook_deliveries WHERE \"State\" <> 'Delivered'") == 0);
            }
            catch (TimeoutException e)
            {
                throw new TimeoutException(e.Message + Environment.NewLine + restarted.RecentOutput, e);
            }
        }

        var requests = receiver.Requests.ToList();
        output.WriteLine($"Requests: {requests.Count}; copies of a webhook-id already received: {requests.Count - requests.Select(r => r.WebhookId).Distinct().Count()}.");
        Assert.All(requests, r => Assert.Null(r.VerificationError));
        foreach (var subject in requests.GroupBy(r => r.Data.GetProperty("customerId").GetInt64()))
        {
            // The first arrival of each delivery, in order of arrival, follows the order of the events.
            var order = subject.Select(r => r.Data.GetProperty("interactionId").GetInt64()).Distinct().ToList();
            Assert.Equal(order.Order(), order);
            Assert.Equal(PerSubject, order.Count);
        }
    }

    private static Dictionary<string, string?> Settings => new()
    {
        ["Webhooks:AllowPrivateTargets"] = "true",
        ["Webhooks:RetryDelays"] = string.Join(',', Enumerable.Repeat("00:00:01", 30)),
        ["Webhooks:ClaimSeconds"] = "15",
        ["Jobs:PollIntervalSeconds"] = "1",
        ["Jobs:InvisibilityTimeoutSeconds"] = "10",
    };

    /// <summary>A subscription and its deliveries, due a few seconds later (in the process started next).</summary>
    private static async Task SeedAsync(TestDatabase database, WebhookReceiver receiver)
    {
        await using var host = new CrmHostFactory(database, "no-plugins", Settings).Start();
        await host.InScopeAsync(async s =>
        {
            await using var db = await s.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            var subscription = new WebhookSubscription
            {
                Url = receiver.Url,
                EventTypes = "interaction.logged",
                Secret = WebhookSignature.NewSecret(),
                Enabled = true,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            receiver.Secret = subscription.Secret;
            db.WebhookSubscriptions.Add(subscription);
            await db.SaveChangesAsync();
            var start = DateTimeOffset.UtcNow;
            var due = start.AddSeconds(20);
            var sequence = 0;
            for (var round = 0; round < PerSubject; round++)
            {
                for (var customer = 1; customer <= Subjects; customer++)
                {
                    sequence++;
                    var delivery = WebhookFanOut<Sdk.Customers.InteractionLogged>.NewDelivery(
                        subscription.Id, Guid.CreateVersion7(), "interaction.logged", customer.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        new { interactionId = sequence, customerId = customer }, start.AddMilliseconds(sequence), start);
                    delivery.NextAttemptAt = due;
                    db.WebhookDeliveries.Add(delivery);
                }
            }

            await db.SaveChangesAsync();
        });
    }

    public sealed class OnSqlite(ITestOutputHelper output) : WebhookKillTests(output)
    {
        protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    }

    public sealed class OnPostgres(ITestOutputHelper output) : WebhookKillTests(output)
    {
        protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
    }
}
