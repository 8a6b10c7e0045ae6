using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CrmBlazor.Data.Outbox;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Mail;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Messaging;
using CrmBlazor.Sdk.Results;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Mail;

/// <summary>
/// The outbox page (<c>/admin/outbox</c>) through the real host: administrators list the messages newest first,
/// by state and by a word of a recipient or the subject in any script, read one in full and download its
/// attachments, retry and cancel it; nobody else may, on the page, the download or the service. The shared
/// hosts have no mail server, so the page says so.
/// </summary>
public abstract class OutboxPageTests(CrmHostFixture fixture)
{
    private readonly string _run = "ob" + Guid.NewGuid().ToString("N")[..8];

    private CrmHostFactory Host => fixture.Host;

    [Theory]
    [InlineData(CrmRoles.Manager)]
    [InlineData(CrmRoles.Staff)]
    public async Task OutboxPage_ForNonAdministrator_IsRefused(string role)
    {
        var user = await Host.CreateUserAsync(role);
        using var client = await Host.SignInAsync(user);

        using var response = await client.GetAsync("/admin/outbox");

        Responses.AssertAccessDenied(response);
    }

    [Fact]
    public async Task OutboxPage_ForAdministratorWithoutMailServer_OpensFromTheMenuAndSaysWhatToSet()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        using var client = await Host.SignInAsync(admin);

        using var response = await client.GetAsync("/admin/outbox");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>Outbox · CrmBlazor</title>", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/outbox\"", page, StringComparison.Ordinal);
        Assert.Contains("No mail server is configured: nothing leaves this machine.", page, StringComparison.Ordinal);
        Assert.Contains("Mail:Smtp:Host", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Menu_ForManager_HasNoOutboxEntry()
    {
        var manager = await Host.CreateUserAsync(CrmRoles.Manager);
        using var client = await Host.SignInAsync(manager);

        var page = await client.GetStringAsync("/");

        Assert.DoesNotContain("href=\"/admin/outbox\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CrmRoles.Manager)]
    [InlineData(CrmRoles.Staff)]
    public async Task MessagePage_ForNonAdministrator_IsRefused(string role)
    {
        var id = await AddAsync(Message($"Invoice {_run}"));
        var user = await Host.CreateUserAsync(role);
        using var client = await Host.SignInAsync(user);

        using var response = await client.GetAsync($"/admin/outbox/{id}");

        Responses.AssertAccessDenied(response);
    }

    [Fact]
    public async Task MessagePage_ForAdministrator_ShowsTheHtmlBodyInAFrameWithoutPermissions()
    {
        var message = Message($"Invoice {_run}");
        message.HtmlBody = "<p dir=\"rtl\">محترمہ <b>عائشہ</b></p><script>parent.alert(1)</script>";
        var id = await AddAsync(message);
        using var client = await Host.SignInAsync(await Host.CreateUserAsync(CrmRoles.Admin));

        var page = await client.GetStringAsync($"/admin/outbox/{id}");

        var frame = Regex.Match(page, "<iframe ([^>]*)>", RegexOptions.None, TimeSpan.FromSeconds(1));
        Assert.True(frame.Success, "No frame on the page.");
        var attributes = Regex.Matches(frame.Groups[1].Value, "([a-z-]+)(?:=\"([^\"]*)\")?", RegexOptions.None, TimeSpan.FromSeconds(1))
            .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        Assert.Equal(string.Empty, attributes["sandbox"]);
        Assert.Equal(message.HtmlBody, attributes["srcdoc"]);
        Assert.DoesNotContain("<script>parent.alert(1)</script>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_PagedOnTheServer_IsNewestFirstWithTheTotal()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var oldest = await AddAsync(Message($"First {_run}", createdAt: DateTimeOffset.UtcNow.AddHours(-3)));
        var middle = await AddAsync(Message($"Second {_run}", createdAt: DateTimeOffset.UtcNow.AddHours(-2)));
        var newest = await AddAsync(Message($"Third {_run}", createdAt: DateTimeOffset.UtcNow.AddHours(-1)));

        var first = await PageAsync(admin, new OutboxListQuery(null, _run, 0, 2));
        var second = await PageAsync(admin, new OutboxListQuery(null, _run, 1, 2));

        Assert.Equal(3, first.Total);
        Assert.Equal([newest, middle], first.Items.Select(m => m.Id));
        Assert.Equal([oldest], second.Items.Select(m => m.Id));
    }

    [Fact]
    public async Task List_FilteredByState_ShowsThatStateAndCountsEveryStateOfTheSearch()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var failed = await AddAsync(Message($"Refused {_run}", OutboxMessageState.Failed));
        await AddAsync(Message($"Waiting {_run}", OutboxMessageState.NotSent));
        await AddAsync(Message($"Waiting too {_run}", OutboxMessageState.NotSent));
        await AddAsync(Message($"Delivered {_run}", OutboxMessageState.Sent));

        var page = await PageAsync(admin, new OutboxListQuery(OutboxMessageState.Failed, _run, 0, 25));

        Assert.Equal([failed], page.Items.Select(m => m.Id));
        Assert.Equal(1, page.Total);
        Assert.Equal(1, page.Counts[OutboxMessageState.Failed]);
        Assert.Equal(2, page.Counts[OutboxMessageState.NotSent]);
        Assert.Equal(1, page.Counts[OutboxMessageState.Sent]);
        Assert.False(page.Counts.ContainsKey(OutboxMessageState.Queued));
    }

    [Fact]
    public async Task List_SearchedByAWordOfAnUrduSubject_FindsTheMessage()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var id = await AddAsync(Message($"انوائس {_run} ادائیگی کی یاد دہانی"));
        await AddAsync(Message($"Invoice {_run} reminder"));

        var page = await PageAsync(admin, new OutboxListQuery(null, $"ادائیگی {_run}", 0, 25));

        Assert.Equal([id], page.Items.Select(m => m.Id));
        Assert.Equal($"انوائس {_run} ادائیگی کی یاد دہانی", Assert.Single(page.Items).Subject);
    }

    [Fact]
    public async Task List_SearchedByAWordOfARecipientsTamilName_FindsTheMessage()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var id = await AddAsync(Message($"Invoice {_run}", recipientName: "கவிதா ராமன்"));
        await AddAsync(Message($"Invoice {_run}", recipientName: "Kavitha Raman"));

        var page = await PageAsync(admin, new OutboxListQuery(null, $"ராமன் {_run}", 0, 25));

        var row = Assert.Single(page.Items);
        Assert.Equal(id, row.Id);
        Assert.Equal("கவிதா ராமன்", Assert.Single(row.Recipients).Name);
    }

    [Fact]
    public async Task List_SearchedByPartOfAnAddressInAnotherCase_FindsTheMessage()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var id = await AddAsync(Message($"Invoice {_run}", recipientEmail: $"accounts-{_run}@kaveri.example"));

        var page = await PageAsync(admin, new OutboxListQuery(null, $"ACCOUNTS-{_run.ToUpperInvariant()}@KAVERI", 0, 25));

        Assert.Equal([id], page.Items.Select(m => m.Id));
    }

    [Theory]
    [InlineData(CrmRoles.Manager)]
    [InlineData(CrmRoles.Staff)]
    public async Task List_AsNonAdministrator_IsRefused(string role)
    {
        var user = await Host.CreateUserAsync(role);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => PageAsync(user, new OutboxListQuery(null, null, 0, 25)));
    }

    [Fact]
    public async Task Message_AsAdministrator_HasItsHeadersAttachmentsAndAttemptsWithTheServersAnswers()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var message = Message($"Invoice {_run}", OutboxMessageState.Failed);
        message.Headers = """{"List-Unsubscribe":"<https://crm.example/unsubscribe/abc>","X-Crm-Campaign":"42"}""";
        message.Attachments.Add(Attachment("invoice.pdf", "application/pdf", [1, 2, 3]));
        var id = await AddAsync(message, new OutboxAttempt { MessageId = Guid.Empty, AttemptedAt = DateTimeOffset.UtcNow.AddMinutes(-5), Outcome = OutboxAttemptOutcomes.TransientFailure, ServerAnswer = "421 4.7.0 Try again later" },
            new OutboxAttempt { MessageId = Guid.Empty, AttemptedAt = DateTimeOffset.UtcNow, Outcome = OutboxAttemptOutcomes.PermanentFailure, ServerAnswer = "550 5.1.1 Mailbox unknown" });

        var view = await Host.AsUserAsync(admin, s => s.GetRequiredService<OutboxQueries>().GetAsync(id));

        Assert.NotNull(view);
        Assert.Equal([KeyValuePair.Create("List-Unsubscribe", "<https://crm.example/unsubscribe/abc>"), KeyValuePair.Create("X-Crm-Campaign", "42")], view.Headers);
        var attachment = Assert.Single(view.Attachments);
        Assert.Equal(("invoice.pdf", "application/pdf", 3L), (attachment.FileName, attachment.ContentType, attachment.Length));
        Assert.Equal(["421 4.7.0 Try again later", "550 5.1.1 Mailbox unknown"], view.AttemptLog.Select(a => a.ServerAnswer));
        Assert.Equal([OutboxAttemptOutcomes.TransientFailure, OutboxAttemptOutcomes.PermanentFailure], view.AttemptLog.Select(a => a.Outcome));
    }

    [Fact]
    public async Task Attachment_AsAdministrator_DownloadsTheBytesWithTheirTypeAndName()
    {
        var message = Message($"Invoice {_run}");
        byte[] pdf = [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34];
        message.Attachments.Add(Attachment("انوائس 42.pdf", "application/pdf", pdf));
        await AddAsync(message);
        using var client = await Host.SignInAsync(await Host.CreateUserAsync(CrmRoles.Admin));

        using var response = await client.GetAsync(OutboxAttachmentEndpoints.Address(message.Id, message.Attachments[0].Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("انوائس 42.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Attachment_WithATypeThatIsNotAType_IsDownloadedAsAnyFile()
    {
        var message = Message($"Invoice {_run}");
        message.Attachments.Add(Attachment("notes.txt", "text/html, */*", [65]));
        await AddAsync(message);
        using var client = await Host.SignInAsync(await Host.CreateUserAsync(CrmRoles.Admin));

        using var response = await client.GetAsync(OutboxAttachmentEndpoints.Address(message.Id, message.Attachments[0].Id));

        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(CrmRoles.Manager)]
    [InlineData(CrmRoles.Staff)]
    public async Task Attachment_ForNonAdministrator_IsForbidden(string role)
    {
        var message = Message($"Invoice {_run}");
        message.Attachments.Add(Attachment("invoice.pdf", "application/pdf", [1]));
        await AddAsync(message);
        using var client = await Host.SignInAsync(await Host.CreateUserAsync(role));

        using var response = await client.GetAsync(OutboxAttachmentEndpoints.Address(message.Id, message.Attachments[0].Id));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Attachment_OfAnotherMessageOrUnknown_IsNotFound()
    {
        var message = Message($"Invoice {_run}");
        message.Attachments.Add(Attachment("invoice.pdf", "application/pdf", [1]));
        await AddAsync(message);
        var other = await AddAsync(Message($"Other {_run}"));
        using var client = await Host.SignInAsync(await Host.CreateUserAsync(CrmRoles.Admin));

        using var elsewhere = await client.GetAsync(OutboxAttachmentEndpoints.Address(other, message.Attachments[0].Id));
        using var unknown = await client.GetAsync(OutboxAttachmentEndpoints.Address(message.Id, Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Attachment_SignedOut_IsUnauthorizedNotARedirect()
    {
        var message = Message($"Invoice {_run}");
        message.Attachments.Add(Attachment("invoice.pdf", "application/pdf", [1]));
        await AddAsync(message);
        using var client = Host.CreateBrowserClient();

        using var response = await client.GetAsync(OutboxAttachmentEndpoints.Address(message.Id, message.Attachments[0].Id));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Cancel_AsAdministrator_CancelsAMessageNotSent()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var message = Message($"Invoice {_run}", OutboxMessageState.NotSent);
        await AddAsync(message);

        var result = await Host.AsUserAsync(admin, s => s.GetRequiredService<OutboxAdministration>().CancelAsync(message.Id, message.RowVersion));

        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
        Assert.Equal(OutboxMessageState.Cancelled, await StateOfAsync(message.Id));
    }

    [Fact]
    public async Task Retry_AsAdministrator_QueuesAFailedMessageAgain()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var message = Message($"Invoice {_run}", OutboxMessageState.Failed);
        await AddAsync(message);

        var result = await Host.AsUserAsync(admin, s => s.GetRequiredService<OutboxAdministration>().RetryAsync(message.Id, message.RowVersion));

        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
        Assert.NotEqual(OutboxMessageState.Failed, await StateOfAsync(message.Id));
    }

    [Fact]
    public async Task Cancel_OfAMessageChangedSinceThePageShowedIt_IsAConflictAndChangesNothing()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var message = Message($"Invoice {_run}", OutboxMessageState.Failed);
        await AddAsync(message);
        var shown = message.RowVersion;
        Assert.True((await Host.AsUserAsync(admin, s => s.GetRequiredService<OutboxAdministration>().RetryAsync(message.Id, shown))).Succeeded);

        var result = await Host.AsUserAsync(admin, s => s.GetRequiredService<OutboxAdministration>().CancelAsync(message.Id, shown));

        // The retry queued it for delivery, which goes on meanwhile (to Not sent here): only the cancel must not have happened.
        Assert.Equal(ChangeStatus.Conflict, result.Status);
        Assert.NotEqual(OutboxMessageState.Cancelled, await StateOfAsync(message.Id));
    }

    [Fact]
    public async Task Cancel_OfASentMessage_IsRefused()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var message = Message($"Invoice {_run}", OutboxMessageState.Sent);
        await AddAsync(message);

        var result = await Host.AsUserAsync(admin, s => s.GetRequiredService<OutboxAdministration>().CancelAsync(message.Id, message.RowVersion));

        Assert.False(result.Succeeded);
        Assert.Equal(OutboxMessageState.Sent, await StateOfAsync(message.Id));
    }

    [Theory]
    [InlineData(CrmRoles.Manager)]
    [InlineData(CrmRoles.Staff)]
    public async Task RetryAndCancel_AsNonAdministrator_AreForbiddenAndChangeNothing(string role)
    {
        var user = await Host.CreateUserAsync(role);
        var message = Message($"Invoice {_run}", OutboxMessageState.Failed);
        await AddAsync(message);

        var retried = await Host.AsUserAsync(user, s => s.GetRequiredService<OutboxAdministration>().RetryAsync(message.Id, message.RowVersion));
        var cancelled = await Host.AsUserAsync(user, s => s.GetRequiredService<OutboxAdministration>().CancelAsync(message.Id, message.RowVersion));

        Assert.Equal(ChangeStatus.Forbidden, retried.Status);
        Assert.Equal(ChangeStatus.Forbidden, cancelled.Status);
        Assert.Equal(OutboxMessageState.Failed, await StateOfAsync(message.Id));
    }

    [Fact]
    public async Task Retry_OfAnUnknownMessage_IsNotFound()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);

        var result = await Host.AsUserAsync(admin, s => s.GetRequiredService<OutboxAdministration>().RetryAsync(Guid.NewGuid(), Guid.NewGuid()));

        Assert.Equal(ChangeStatus.NotFound, result.Status);
    }

    private OutboxMessage Message(
        string subject, OutboxMessageState state = OutboxMessageState.NotSent, DateTimeOffset? createdAt = null,
        string recipientName = "Ayesha Siddiqui", string? recipientEmail = null)
    {
        var id = Guid.CreateVersion7();
        return new OutboxMessage
        {
            Id = id,
            IdempotencyKey = "test:" + id.ToString("N"),
            Owner = "crm",
            Kind = MessageKind.Transactional,
            Recipients = JsonSerializer.Serialize(new[] { new { email = recipientEmail ?? $"ayesha-{_run}@lahore.example", name = recipientName } }),
            Subject = subject,
            HtmlBody = "<p>Hello</p>",
            TextBody = "Hello",
            State = state,
            Attempts = state == OutboxMessageState.Queued ? 0 : 1,
            CreatedAt = createdAt ?? DateTimeOffset.UtcNow,
            SentAt = state == OutboxMessageState.Sent ? DateTimeOffset.UtcNow : null,
            LastError = state == OutboxMessageState.Failed ? "550 5.1.1 Mailbox unknown" : null,
            MessageIdHeader = $"<{id:N}@crm.test>",
        };
    }

    private static OutboxAttachment Attachment(string name, string type, byte[] content) =>
        new() { Id = Guid.NewGuid(), FileName = name, ContentType = type, Content = content };

    private async Task<Guid> AddAsync(OutboxMessage message, params OutboxAttempt[] attempts)
    {
        for (var i = 0; i < message.Attachments.Count; i++)
        {
            message.Attachments[i].MessageId = message.Id;
            message.Attachments[i].Position = i;
        }

        await Host.InScopeAsync(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            db.OutboxMessages.Add(message);
            foreach (var attempt in attempts)
            {
                attempt.MessageId = message.Id;
                db.OutboxAttempts.Add(attempt);
            }

            await db.SaveChangesAsync();
        });
        return message.Id;
    }

    private Task<OutboxMessageState> StateOfAsync(Guid id) => Host.InScopeAsync(async services =>
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await db.OutboxMessages.Where(m => m.Id == id).Select(m => m.State).SingleAsync();
    });

    private Task<OutboxListPage> PageAsync(TestUser user, OutboxListQuery query) =>
        Host.AsUserAsync(user, s => s.GetRequiredService<OutboxQueries>().PageAsync(query));

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : OutboxPageTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : OutboxPageTests(fixture);
}
