using System.Diagnostics;
using CrmBlazor.Data;
using CrmBlazor.Testing.Mail;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Sends;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.IntegrationTests.Mail;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CrmBlazor.IntegrationTests.Sends;

/// <summary>
/// A campaign to 1,000 contacts in the real host process, killed with SIGKILL while it queues its
/// messages and started again on the same database: the send's run and the deliveries in flight are found
/// again and every contact receives exactly one message at the test's SMTP server. On SQLite, where the
/// job queue is lost with the process, the host's job recovery finds them at the start; on PostgreSQL,
/// Hangfire's durable queue hands the dead instance's jobs over once its claims expire, and each message
/// it was sending is taken over when the outbox's claim on it runs out (<c>Mail:SendingClaimSeconds</c>).
/// </summary>
/// <remarks>
/// "Exactly one" counts distinct Message-IDs: a message the server accepted in the instant before the
/// process died, before its delivery was recorded, is sent again with the same Message-ID, which receiving
/// systems drop (docs/decisions/0019-mail-outbox.md); the test writes how many such copies arrived.
/// </remarks>
public abstract class SendKillTests(ITestOutputHelper output) : IDisposable
{
    private const int ContactCount = 1000;
    private readonly TestSmtpServer _smtp = new();
    private readonly string _plugins = SendsHostFixture.AlphaOnly();

    protected abstract DatabaseProvider Provider { get; }

    [Fact]
    public async Task Campaign_HostKilledWhileQueueing_EveryContactReceivesExactlyOneMessageAfterTheRestart()
    {
        _smtp.Start();
        await using var database = await TestDatabase.CreateAsync(Provider);
        var addresses = await SeedAndQueueTheSendAsync(database);

        var process = await StartAsync(database);
        try
        {
            await Eventually.HoldsAsync("a third of the messages are queued", async () => await QueuedAsync(database) >= ContactCount / 3, TimeSpan.FromMinutes(2));
            await process.KillAsync();
            output.WriteLine($"Killed with {await QueuedAsync(database)} of {ContactCount} messages queued and {_smtp.Received.Count} received.");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + Environment.NewLine + process.RecentOutput, e);
        }
        finally
        {
            await process.DisposeAsync();
        }

        var restartedAt = Stopwatch.StartNew();
        await using (var restarted = await StartAsync(database))
        {
            try
            {
                await Eventually.HoldsAsync(
                    "every contact received the campaign",
                    () => Task.FromResult(addresses.All(a => _smtp.ReceivedBy(a).Count > 0)),
                    TimeSpan.FromMinutes(3));
                await Eventually.HoldsAsync("the send completed", async () => await database.ScalarAsync<string>("SELECT \"State\" FROM crm_message_send_recipients WHERE \"State\" <> 'Queued' LIMIT 1") is null);
            }
            catch (TimeoutException e)
            {
                var states = await database.QueryAsync("SELECT \"State\", COUNT(*) AS n FROM crm_outbox_messages GROUP BY \"State\"");
                throw new TimeoutException(
                    $"{e.Message} {addresses.Count(a => _smtp.ReceivedBy(a).Count == 0)} contacts received nothing; outbox: {string.Join(", ", states.Select(r => $"{r["State"]} {r["n"]}"))}; "
                    + $"recipients queued: {await QueuedAsync(database)}.{Environment.NewLine}{restarted.RecentOutput}", e);
            }
        }

        output.WriteLine($"Every contact received the campaign {restartedAt.Elapsed.TotalSeconds:0} s after the restart began.");

        var copies = addresses.Sum(a => _smtp.ReceivedBy(a).Count) - ContactCount;
        output.WriteLine($"Copies with a Message-ID already received: {copies}.");
        Assert.All(addresses, a => Assert.Single(_smtp.ReceivedBy(a).Select(m => m.MessageId).Distinct()));
        Assert.Equal(ContactCount, await database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_outbox_messages WHERE \"IdempotencyKey\" LIKE 'crm:send:%'"));
        Assert.Equal(ContactCount, await database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_timeline_entries WHERE \"Kind\" = 'crm.message-sent'"));
    }

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        _smtp.Dispose();
        try
        {
            Directory.Delete(_plugins, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder; the system cleans it up.
        }
    }

    /// <summary>1,000 consenting contacts in a segment and a send of Alpha's campaign to them, its job queued to start a few seconds later (in the process started next).</summary>
    private async Task<IReadOnlyList<string>> SeedAndQueueTheSendAsync(TestDatabase database)
    {
        var settings = new Dictionary<string, string?>(CrmHostFixture.Settings);
        foreach (var (key, value) in SendsHostFixture.Settings(_smtp.Port))
        {
            settings[key] = value;
        }

        await using var host = new CrmHostFactory(database, CrmHostFixture.PluginsPath, settings).Start();
        var audience = new CampaignAudience(host);
        var contacts = await audience.AddContactsAsync(ContactCount, n => $"contact-{n}@customers.example");
        var segment = await audience.SegmentAsync();
        var preview = await CampaignAudience.AsManagerAsync(host, s => s.PreviewCampaignAsync(SendsHostFixture.Template, segment, SendsHostFixture.PublicAddress));
        Assert.True(preview?.Receiving == ContactCount, $"The preview counts {preview?.Receiving} receiving and {preview?.LeftOut.Count} left out of {ContactCount} consenting contacts.");

        await host.InScopeAsync(async services =>
        {
            long sendId;
            await using (var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync())
            {
                var send = new MessageSend
                {
                    TemplateKey = SendsHostFixture.Template,
                    TemplateTitle = "Newsletter",
                    SegmentId = segment,
                    AudienceName = audience.Industry,
                    PublicAddress = SendsHostFixture.PublicAddress,
                    StartedBy = "test",
                    StartedAt = DateTimeOffset.UtcNow,
                    State = MessageSendState.Sending,
                };
                db.MessageSends.Add(send);
                await db.SaveChangesAsync();
                db.MessageSendRecipients.AddRange(contacts.Select(c => new MessageSendRecipient { SendId = send.Id, CustomerId = c.CustomerId, ContactId = c.Id, Name = c.Name, Email = c.Email }));
                await db.SaveChangesAsync();
                sendId = send.Id;
            }

            // Due in a few seconds, so that this host stops before it could take the run.
            await services.GetRequiredService<IJobScheduler>().EnqueueAsync<MessageSendJob>(new MessageSendArguments(sendId), TimeSpan.FromSeconds(5));
        });
        return [.. contacts.Select(c => c.Email!)];
    }

    private Task<CrmHostProcess> StartAsync(TestDatabase database)
    {
        var settings = new Dictionary<string, string?>(SendsHostFixture.Settings(_smtp.Port))
        {
            ["Jobs:WorkerCount"] = "4",
            // A dead instance's claims expire soon, so that PostgreSQL takes its work over within the test:
            // Hangfire's on the send's run and on the delivery jobs it had taken, and the outbox's on the
            // messages it was handing to the SMTP server.
            ["Jobs:InvisibilityTimeoutSeconds"] = "10",
            ["Mail:SendingClaimSeconds"] = "30",
        };
        return CrmHostProcess.StartBesideTestsAsync(database, _plugins, settings);
    }

    private static async Task<long> QueuedAsync(TestDatabase database) =>
        await database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_message_send_recipients WHERE \"State\" = 'Queued'");

    public sealed class OnSqlite(ITestOutputHelper output) : SendKillTests(output)
    {
        protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    }

    public sealed class OnPostgres(ITestOutputHelper output) : SendKillTests(output)
    {
        protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
    }
}
