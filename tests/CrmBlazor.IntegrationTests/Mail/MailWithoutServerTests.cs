using CrmBlazor.Data.Outbox;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Mail;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Data;
using CrmBlazor.Sdk.Messaging;
using CrmBlazor.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Mail;

/// <summary>
/// The embedded default has no mail server (<c>Mail:Smtp:Host</c> empty): a queued message stays in the
/// outbox as not sent, with the reason, and the sweep does not try it again.
/// </summary>
public abstract class MailWithoutServerTests(CrmHostFixture fixture)
{
    [Fact]
    public async Task Send_WithoutAMailServer_IsKeptAsNotSentWithTheReasonAndNotTriedAgain()
    {
        var key = $"test:{Guid.NewGuid():N}";
        await WithCoreAsync(async db =>
        {
            db.Send(new OutgoingMessage
            {
                To = [new MessageAddress("meena@customer.example", "Meena")],
                Subject = "Your invoice",
                HtmlBody = "<p>Attached.</p>",
                IdempotencyKey = key,
            });
            return await db.SaveChangesAsync();
        });

        var kept = await Eventually.ReturnsAsync("the message was kept", () => MessageAsync(key), m => m.State != OutboxMessageState.Queued);
        await OutboxSweep.RunAsync(fixture.Host);

        Assert.Equal(OutboxMessageState.NotSent, kept.State);
        Assert.Equal(MailSettings.NoMailServerReason, kept.LastError);
        Assert.Null(kept.SentAt);
        Assert.Equal("crm", kept.Owner);
        var attempts = await WithCoreAsync(db => db.OutboxAttempts.AsNoTracking().Where(a => a.MessageId == kept.Id).ToListAsync());
        var attempt = Assert.Single(attempts);
        Assert.Equal(OutboxAttemptOutcomes.NoMailServer, attempt.Outcome);
        Assert.Equal(OutboxMessageState.NotSent, (await MessageAsync(key)).State);
    }

    [Fact]
    public async Task Send_FromAPluginsContext_IsStoredInItsSaveWithThePluginAsOwnerAndItsKeyHonouredByTheCore()
    {
        var key = $"fixture-alpha:test:{Guid.NewGuid():N}";
        var message = new OutgoingMessage
        {
            To = [new MessageAddress("meena@customer.example")],
            Subject = "From a plugin",
            HtmlBody = "<p>Hello</p>",
            Attachments = [new MessageAttachment("a.txt", "text/plain", [65, 66])],
            IdempotencyKey = key,
        };
        var alpha = FixtureAlpha.In(fixture.Host);
        await fixture.Host.InScopeAsync(async services =>
        {
            var db = (PluginDbContext)services.GetRequiredService(alpha.ContextType);
            db.Send(message);
            await db.SaveChangesAsync();
        });
        await WithCoreAsync(async db =>
        {
            db.Send(message with { Subject = "From the core" });
            return await db.SaveChangesAsync();
        });

        var stored = await MessageAsync(key);
        Assert.Equal(FixtureAlpha.Id, stored.Owner);
        Assert.Equal("From a plugin", stored.Subject);
        var attachment = Assert.Single(await WithCoreAsync(db => db.OutboxAttachments.AsNoTracking().Where(a => a.MessageId == stored.Id).ToListAsync()));
        Assert.Equal([65, 66], attachment.Content);
    }

    private Task<OutboxMessage> MessageAsync(string key) =>
        WithCoreAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.IdempotencyKey == key));

    private Task<T> WithCoreAsync<T>(Func<CrmDbContext, Task<T>> query) => fixture.Host.InScopeAsync(async services =>
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await query(db);
    });


    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : MailWithoutServerTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : MailWithoutServerTests(fixture);
}
