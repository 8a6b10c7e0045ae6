using System.Text.Json;
using CrmBlazor.Data.Outbox;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Mail;
using CrmBlazor.Sdk.Messaging;
using CrmBlazor.Sdk.Privacy;
using CrmBlazor.Sdk.Results;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CrmBlazor.IntegrationTests.Mail;

/// <summary>
/// Messages queued with the core's context reach a real SMTP server through the host's delivery job:
/// with their headers, attachments and texts in any script intact, once per idempotency key, never for
/// a rolled-back change, again after the server was down or the sender died mid-send, and never again
/// after the server refused them for good.
/// </summary>
public abstract class MailDeliveryTests(MailHostFixture fixture)
{
    // The first sentence of tests/Samples/ta-crm-article.txt (long enough to be folded into several
    // encoded words), and an Urdu sentence: "Thank you for your payment. Your invoice is attached."
    private const string TamilSubject = "இ-காமர்ஸ் மற்றும் வணிக சேவைகள் ஆகிய இரு துறைகளிலும் செயல்படும் வணிகங்களுக்கு வாடிக்கையாளர் உறவு மேலாண்மை (CRM) இன்றியமையாதது";
    private const string UrduBody = "<p dir=\"rtl\" lang=\"ur\">آپ کی ادائیگی کا شکریہ۔ آپ کا انوائس منسلک ہے۔</p>";

    private TestSmtpServer Smtp => fixture.Smtp;

    [Fact]
    public async Task Send_ThroughTheMailServer_ArrivesWithFromToSubjectMessageIdDateAndExtraHeaders()
    {
        var to = NewAddress();
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        var id = await QueueAsync(Message(to) with
        {
            Headers = new Dictionary<string, string> { ["List-Unsubscribe"] = "<https://crm.example/unsubscribe/abc>", ["X-Crm-Test"] = "yes" },
        });

        var received = await ReceivedAsync(to);

        var stored = await SentAsync(id);
        Assert.Equal(MailHostFixture.From, received.From.Mailboxes.Single().Address);
        Assert.Equal(MailHostFixture.FromName, received.From.Mailboxes.Single().Name);
        Assert.Equal([to], received.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("Ihre Rechnung", received.Subject);
        Assert.Equal(stored.MessageIdHeader, received.MessageId);
        Assert.EndsWith("@firm.example", received.MessageId, StringComparison.Ordinal);
        Assert.InRange(received.Date, before, DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal("<https://crm.example/unsubscribe/abc>", received.Headers["List-Unsubscribe"]);
        Assert.Equal("yes", received.Headers["X-Crm-Test"]);
        var attempt = Assert.Single(await AttemptsAsync(id));
        Assert.Equal(OutboxAttemptOutcomes.Sent, attempt.Outcome);
    }

    [Fact]
    public async Task Send_WithAPdfAttachment_ArrivesByteForByteBesideTheHtmlAndTextBodies()
    {
        var to = NewAddress();
        var pdf = new byte[40_000];
        Random.Shared.NextBytes(pdf);
        "%PDF-1.7\n"u8.CopyTo(pdf);
        await QueueAsync(Message(to) with
        {
            TextBody = "Your invoice is attached.",
            Attachments = [new MessageAttachment("INV-2026-0042.pdf", "application/pdf", pdf)],
        });

        var received = await ReceivedAsync(to);

        var attachment = Assert.IsType<MimePart>(Assert.Single(received.Attachments));
        Assert.Equal("INV-2026-0042.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        Assert.Equal(pdf, content.ToArray());
        var mixed = Assert.IsType<Multipart>(received.Body);
        Assert.Equal("multipart/mixed", mixed.ContentType.MimeType);
        Assert.Equal("multipart/alternative", mixed[0].ContentType.MimeType);
        Assert.Equal("Your invoice is attached.", received.TextBody?.Trim());
        Assert.Contains("<p>Dear customer</p>", received.HtmlBody ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_WithATamilSubjectAndAnUrduBody_ArrivesIntact()
    {
        var to = NewAddress();
        await QueueAsync(Message(to) with
        {
            To = [new MessageAddress(to, "ஸ்ரீநிவாசன் ராமநாதன்")],
            Subject = TamilSubject,
            HtmlBody = UrduBody,
        });

        var received = await ReceivedAsync(to);

        Assert.Equal(TamilSubject, received.Subject);
        Assert.Equal("ஸ்ரீநிவாசன் ராமநாதன்", received.To.Mailboxes.Single().Name);
        Assert.Equal(UrduBody, received.HtmlBody?.Trim());
    }

    [Fact]
    public async Task Send_TheSameKeyTwice_StoresAndSendsOneMessage()
    {
        var to = NewAddress();
        var message = Message(to);
        await QueueAsync(message);
        await QueueAsync(message with { Subject = "A second try" });

        await ReceivedAsync(to);
        await SendMarkerAndWaitAsync(to);

        Assert.Equal(["Ihre Rechnung", "marker"], Smtp.ReceivedBy(to).Select(m => m.Subject).Order(StringComparer.Ordinal));
        Assert.Equal(1, await WithCoreAsync(db => db.OutboxMessages.CountAsync(m => m.IdempotencyKey == message.IdempotencyKey)));
    }

    [Fact]
    public async Task Send_TheSameKeyTwiceInOneSave_StoresOneMessageAndTheSaveSucceeds()
    {
        var to = NewAddress();
        var message = Message(to);

        await WithCoreAsync(async db =>
        {
            db.Send(message);
            db.Send(message with { Subject = "A second try" });
            return await db.SaveChangesAsync();
        });

        Assert.Equal("Ihre Rechnung", (await ReceivedAsync(to)).Subject);
        Assert.Equal(1, await WithCoreAsync(db => db.OutboxMessages.CountAsync(m => m.IdempotencyKey == message.IdempotencyKey)));
    }

    [Fact]
    public async Task Send_InATransactionThatRollsBack_IsNeverStoredNorSent()
    {
        var to = NewAddress();
        var message = Message(to);

        await WithCoreAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Send(message);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return 0;
        });
        await SendMarkerAndWaitAsync(to);

        Assert.Equal(["marker"], Smtp.ReceivedBy(to).Select(m => m.Subject));
        Assert.Equal(0, await WithCoreAsync(db => db.OutboxMessages.CountAsync(m => m.IdempotencyKey == message.IdempotencyKey)));
    }

    [Fact]
    public async Task Send_WhileTheMailServerIsDown_IsRetriedWithBackoffAndArrivesAfterItStarts()
    {
        var to = NewAddress();
        await Smtp.StopAsync();
        Guid id;
        try
        {
            id = await QueueAsync(Message(to));
            var waiting = await Eventually.ReturnsAsync("the first attempt failed", () => MessageAsync(id), m => m.Attempts == 1 && m.State == OutboxMessageState.Queued);
            Assert.NotNull(waiting.LastError);
            Assert.InRange(waiting.NextAttemptAt!.Value - DateTimeOffset.UtcNow, TimeSpan.Zero, OutboxDelivery.Backoff[0]);
        }
        finally
        {
            Smtp.Start();
        }

        // The back-off has passed: the sweep queues the message again.
        await MoveNextAttemptToThePastAsync(id);
        await RunSweepAsync();

        var received = await ReceivedAsync(to);
        var sent = await SentAsync(id);
        Assert.Equal(sent.MessageIdHeader, received.MessageId);
        Assert.Equal([OutboxAttemptOutcomes.TransientFailure, OutboxAttemptOutcomes.Sent], (await AttemptsAsync(id)).Select(a => a.Outcome));
    }

    [Fact]
    public async Task Send_RefusedWithA5xxAnswer_FailsAtOnceWithTheServersAnswerAndIsNotRetried()
    {
        var to = $"{TestSmtpServer.RefusedMailbox}-{Guid.NewGuid():N}@customer.example";
        var id = await QueueAsync(Message(to));

        var failed = await Eventually.ReturnsAsync("the message failed", () => MessageAsync(id), m => m.State == OutboxMessageState.Failed);
        await RunSweepAsync();

        Assert.Contains(TestSmtpServer.RefusalText, failed.LastError, StringComparison.Ordinal);
        Assert.StartsWith("554", failed.LastError, StringComparison.Ordinal);
        Assert.Null(failed.NextAttemptAt);
        var attempt = Assert.Single(await AttemptsAsync(id));
        Assert.Equal(OutboxAttemptOutcomes.PermanentFailure, attempt.Outcome);
        Assert.Contains(TestSmtpServer.RefusalText, attempt.ServerAnswer, StringComparison.Ordinal);
        Assert.Equal(OutboxMessageState.Failed, (await MessageAsync(id)).State);
    }

    [Fact]
    public async Task Sweep_AMessageLeftSendingByACrash_SendsItOnceWithTheSameMessageId()
    {
        var to = NewAddress();
        var id = await StoreAsync(to, OutboxMessageState.Sending, nextAttemptAt: DateTimeOffset.UtcNow.AddMinutes(-1));

        await RunSweepAsync();
        var received = await ReceivedAsync(to);
        await RunSweepAsync();
        await SendMarkerAndWaitAsync(to);

        var sent = await SentAsync(id);
        Assert.Equal(sent.MessageIdHeader, received.MessageId);
        Assert.Single(Smtp.ReceivedBy(to), m => m.MessageId == sent.MessageIdHeader);
    }

    [Fact]
    public async Task Sweep_AMessageSendingUnderALiveClaim_LeavesItAlone()
    {
        var to = NewAddress();
        var id = await StoreAsync(to, OutboxMessageState.Sending, nextAttemptAt: DateTimeOffset.UtcNow.AddMinutes(5));

        await RunSweepAsync();
        await SendMarkerAndWaitAsync(to);

        Assert.Equal(["marker"], Smtp.ReceivedBy(to).Select(m => m.Subject));
        Assert.Equal(OutboxMessageState.Sending, (await MessageAsync(id)).State);
    }

    [Fact]
    public async Task Delivery_OfAMessageUnderAnotherSendersClaim_TakesItOverOnceTheClaimRunsOut()
    {
        // What a dead instance's delivery job does when Hangfire hands it to another instance: the claim
        // still runs for a few seconds.
        var to = NewAddress();
        var id = await StoreAsync(to, OutboxMessageState.Sending, nextAttemptAt: DateTimeOffset.UtcNow.AddSeconds(3));

        await fixture.Host.InScopeAsync(services => services.GetRequiredService<OutboxDelivery>().DeliverAsync(id, CancellationToken.None));
        Assert.Equal(OutboxMessageState.Sending, (await MessageAsync(id)).State);
        var received = await ReceivedAsync(to);
        await SendMarkerAndWaitAsync(to);

        var sent = await SentAsync(id);
        Assert.Equal(sent.MessageIdHeader, received.MessageId);
        Assert.Single(Smtp.ReceivedBy(to), m => m.MessageId == sent.MessageIdHeader);
    }

    [Fact]
    public async Task Retry_OfAMessageKeptWhenNoServerWasConfigured_SendsItOnlyThen()
    {
        var to = NewAddress();
        var id = await StoreAsync(to, OutboxMessageState.NotSent, nextAttemptAt: null);
        await RunSweepAsync();
        await SendMarkerAndWaitAsync(to);
        Assert.Equal(["marker"], Smtp.ReceivedBy(to).Select(m => m.Subject));

        var version = (await MessageAsync(id)).RowVersion;
        var result = await DeliveryAsync(d => d.RetryAsync(id, version));

        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
        await ReceivedAsync(to, m => m.Subject == "Ihre Rechnung");
        await SentAsync(id);
    }

    [Fact]
    public async Task Retry_WithAStaleRowVersion_IsAConflictAndChangesNothing()
    {
        var to = NewAddress();
        var id = await StoreAsync(to, OutboxMessageState.NotSent, nextAttemptAt: null);

        var result = await DeliveryAsync(d => d.RetryAsync(id, Guid.NewGuid()));

        Assert.Equal(ChangeStatus.Conflict, result.Status);
        Assert.Equal(OutboxMessageState.NotSent, (await MessageAsync(id)).State);
    }

    [Fact]
    public async Task Retry_OfASentMessage_IsRefused()
    {
        var to = NewAddress();
        var id = await QueueAsync(Message(to));
        await ReceivedAsync(to);
        var sent = await SentAsync(id);

        var result = await DeliveryAsync(d => d.RetryAsync(id, sent.RowVersion));

        Assert.Equal(ChangeStatus.Invalid, result.Status);
        Assert.Equal(OutboxMessageState.Sent, (await MessageAsync(id)).State);
    }

    [Fact]
    public async Task Cancel_OfAMessageWaitingForItsNextAttempt_IsNeverSent()
    {
        var to = NewAddress();
        var id = await StoreAsync(to, OutboxMessageState.Queued, nextAttemptAt: DateTimeOffset.UtcNow.AddMinutes(5));
        var version = (await MessageAsync(id)).RowVersion;

        var stale = await DeliveryAsync(d => d.CancelAsync(id, Guid.NewGuid()));
        var result = await DeliveryAsync(d => d.CancelAsync(id, version));
        await MoveNextAttemptToThePastAsync(id);
        await RunSweepAsync();
        await DeliveryAsync(async d => { await d.DeliverAsync(id, CancellationToken.None); return ChangeResult.NotFound(); });
        await SendMarkerAndWaitAsync(to);

        Assert.Equal(ChangeStatus.Conflict, stale.Status);
        Assert.True(result.Succeeded);
        Assert.Equal(OutboxMessageState.Cancelled, (await MessageAsync(id)).State);
        Assert.Equal(["marker"], Smtp.ReceivedBy(to).Select(m => m.Subject));
    }

    [Fact]
    public async Task Erasure_WhileTheServerTakesTheMessage_LeavesItErasedAndCancelledAndRecordsTheAttempt()
    {
        var to = NewAddress();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Smtp.Accepting = async message =>
        {
            if (message.To.Mailboxes.Any(a => a.Address == to))
            {
                held.TrySetResult();
                await release.Task;
            }
        };
        try
        {
            var id = await QueueAsync(Message(to));
            await held.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await WithCoreAsync(async db =>
            {
                await OutboxPersonalData.EraseAsync(db, null, new PersonalDataSubject(0, null, ["Kunde"], [to]), CancellationToken.None);
                return await db.SaveChangesAsync();
            });
            release.SetResult();

            var attempt = Assert.Single(await Eventually.ReturnsAsync("the attempt was recorded", () => AttemptsAsync(id), a => a.Count == 1));
            Assert.Equal(OutboxAttemptOutcomes.Sent, attempt.Outcome);
            var erased = await MessageAsync(id);
            Assert.Equal(OutboxMessageState.Cancelled, erased.State);
            Assert.True(OutboxPersonalData.IsErased(erased));
            Assert.DoesNotContain(to, erased.Recipients, StringComparison.Ordinal);
        }
        finally
        {
            Smtp.Accepting = null;
            release.TrySetResult();
        }
    }

    private static string NewAddress() => $"customer-{Guid.NewGuid():N}@customer.example";

    private static OutgoingMessage Message(string to) => new()
    {
        To = [new MessageAddress(to, "Kunde")],
        Subject = "Ihre Rechnung",
        HtmlBody = "<p>Dear customer</p>",
        IdempotencyKey = $"test:{Guid.NewGuid():N}",
    };

    private async Task<Guid> QueueAsync(OutgoingMessage message) => await WithCoreAsync(async db =>
    {
        db.Send(message);
        await db.SaveChangesAsync();
        return await db.OutboxMessages.Where(m => m.IdempotencyKey == message.IdempotencyKey).Select(m => m.Id).SingleAsync();
    });

    /// <summary>Stores a message as a crash or an earlier configuration left it, without queueing its delivery.</summary>
    private Task<Guid> StoreAsync(string to, OutboxMessageState state, DateTimeOffset? nextAttemptAt) => WithCoreAsync(async db =>
    {
        var id = Guid.CreateVersion7();
        db.OutboxMessages.Add(new OutboxMessage
        {
            Id = id,
            IdempotencyKey = $"test:{id:N}",
            Owner = "crm",
            Recipients = JsonSerializer.Serialize(new[] { new { email = to, name = "Kunde" } }),
            Subject = "Ihre Rechnung",
            HtmlBody = "<p>Dear customer</p>",
            State = state,
            Attempts = state == OutboxMessageState.Sending ? 1 : 0,
            CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-20),
            NextAttemptAt = nextAttemptAt,
            LastError = state == OutboxMessageState.NotSent ? MailSettings.NoMailServerReason : null,
            MessageIdHeader = $"{id:N}@firm.example",
        });
        await db.SaveChangesAsync();
        return id;
    });

    /// <summary>Sends a message of its own to the address and waits for it: whatever was to arrive before it has had its chance.</summary>
    private async Task SendMarkerAndWaitAsync(string to)
    {
        await QueueAsync(Message(to) with { Subject = "marker" });
        await ReceivedAsync(to, m => m.Subject == "marker");
    }

    private async Task<MimeMessage> ReceivedAsync(string to, Func<MimeMessage, bool>? which = null) =>
        (await Eventually.ReturnsAsync(
            $"a message to {to} arrived",
            () => Task.FromResult(Smtp.ReceivedBy(to).FirstOrDefault(which ?? (_ => true))),
            m => m is not null))!;

    private Task<OutboxMessage> MessageAsync(Guid id) =>
        WithCoreAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    /// <summary>Waits until the message is recorded as sent (just after the server accepted it) and returns it.</summary>
    private Task<OutboxMessage> SentAsync(Guid id) =>
        Eventually.ReturnsAsync($"message {id} is recorded as sent", () => MessageAsync(id), m => m.State == OutboxMessageState.Sent);

    private Task<List<OutboxAttempt>> AttemptsAsync(Guid id) =>
        WithCoreAsync(db => db.OutboxAttempts.AsNoTracking().Where(a => a.MessageId == id).OrderBy(a => a.Id).ToListAsync());

    private Task MoveNextAttemptToThePastAsync(Guid id) => WithCoreAsync(db =>
        db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, DateTimeOffset.UtcNow.AddSeconds(-1))));

    private Task RunSweepAsync() => OutboxSweep.RunAsync(fixture.Host);

    private Task<ChangeResult> DeliveryAsync(Func<OutboxDelivery, Task<ChangeResult>> action) =>
        fixture.Host.InScopeAsync(services => action(services.GetRequiredService<OutboxDelivery>()));

    private Task<T> WithCoreAsync<T>(Func<CrmDbContext, Task<T>> query) => fixture.Host.InScopeAsync(async services =>
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await query(db);
    });


    [Collection(SqliteMailHost.Name)]
    public sealed class OnSqlite(SqliteMailHostFixture fixture) : MailDeliveryTests(fixture);

    [Collection(PostgresMailHost.Name)]
    public sealed class OnPostgres(PostgresMailHostFixture fixture) : MailDeliveryTests(fixture);
}
