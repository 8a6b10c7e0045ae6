using System.Globalization;
using System.Text.Json;
using CrmBlazor.Testing.Mail;
using CrmBlazor.Data.Outbox;
using CrmBlazor.Host.Data;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Mail;

/// <summary>
/// On SQLite, the embedded default, a single process runs: a message it left Sending when it stopped (a
/// crash in the middle of the SMTP conversation) has no other sender, so the next start sends it at once
/// with the same Message-ID instead of waiting ten minutes for the claim to run out.
/// </summary>
public sealed class MailRecoveryTests : IDisposable
{
    private readonly TestSmtpServer _smtp = new();

    [Fact]
    public async Task Start_OnSqliteAfterAProcessDiedMidSend_SendsItsMessageAtOnceWithTheSameMessageId()
    {
        _smtp.Start();
        await using var database = SqliteTestDatabase.Create();
        var settings = new Dictionary<string, string?>
        {
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = _smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
            ["Mail:From"] = MailHostFixture.From,
        };
        var id = Guid.CreateVersion7();
        await using (var first = new CrmHostFactory(database, "no-plugins", settings).Start())
        {
            await first.InScopeAsync(async services =>
            {
                await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
                db.OutboxMessages.Add(new OutboxMessage
                {
                    Id = id,
                    IdempotencyKey = $"test:{id:N}",
                    Owner = "crm",
                    Recipients = JsonSerializer.Serialize(new[] { new { email = "left-sending@customer.example", name = "Kunde" } }),
                    Subject = "Left sending",
                    HtmlBody = "<p>Dear customer</p>",
                    State = OutboxMessageState.Sending,
                    Attempts = 1,
                    CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-1),
                    // The claim of the process that died runs for nine more minutes.
                    NextAttemptAt = DateTimeOffset.UtcNow.AddMinutes(9),
                    MessageIdHeader = $"{id:N}@firm.example",
                });
                await db.SaveChangesAsync();
            });
        }

        await using var second = new CrmHostFactory(database, "no-plugins", settings).Start();

        var received = await Eventually.ReturnsAsync(
            "the message left sending arrived", () => Task.FromResult(_smtp.ReceivedBy("left-sending@customer.example") is [var first, ..] ? first : null), m => m is not null);
        Assert.Equal($"{id:N}@firm.example", received!.MessageId);
    }

    public void Dispose() => _smtp.Dispose();
}
