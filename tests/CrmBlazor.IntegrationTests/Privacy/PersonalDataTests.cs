using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmBlazor.Data.Outbox;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Mail;
using CrmBlazor.Host.Features.Sends;
using CrmBlazor.Host.Features.Privacy;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Messaging;
using CrmBlazor.Sdk.Results;
using CrmBlazor.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Privacy;

/// <summary>
/// A person's data is exported from the core and every plugin to those who hold crm.privacy, and
/// erasing it leaves no trace of their name or e-mail address anywhere in the database.
/// </summary>
public abstract class PersonalDataTests(CrmHostFixture fixture)
{
    [Fact]
    public async Task Export_AsManager_ContainsTheCustomersCoreData()
    {
        var (person, _) = await PersonWithANoteAsync();

        var export = await ExportAsync(person.Id, CrmRoles.Manager);

        Assert.Equal(person.Name, (string?)export["core"]!["customer"]!["name"]);
        Assert.Equal(person.Email, (string?)export["core"]!["customer"]!["email"]);
    }

    [Fact]
    public async Task Export_AsManager_ContainsThePluginsDataUnderThePluginsId()
    {
        var (person, note) = await PersonWithANoteAsync();

        var export = await ExportAsync(person.Id, CrmRoles.Manager);

        var notes = export["plugins"]![FixtureAlpha.Id]!["notes"]!.AsArray();
        Assert.Equal([note], notes.Select(n => (string?)n!["text"]));
    }

    [Fact]
    public async Task Export_AsStaffWithoutThePrivacyPermission_IsRefused()
    {
        var (person, _) = await PersonWithANoteAsync();
        using var staff = await fixture.Host.SignInAsync(await fixture.Host.CreateUserAsync(CrmRoles.Staff));

        using var response = await staff.GetAsync($"/customers/{person.Id}/personal-data");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("Kavya Ramanathan")]
    [InlineData("காவ்யா ராமநாதன்")]
    public async Task Erasure_OfAPerson_LeavesNoTraceOfTheirNameOrEmailInAnyTable(string name)
    {
        var person = await PersonMentionedInNotesAsync(name);
        await QueueMessageAsync($"Your invoice, {person.Name}", person.Email!, person.Id);
        await AddToASendAsync(person, RecipientState.Queued);

        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        await fixture.Host.AsUserAsync(manager, services => services.GetRequiredService<PersonalDataService>().EraseAsync(person.Id, CancellationToken.None));

        // Stored JSON may spell non-ASCII letters as \uXXXX escapes: both spellings are searched for.
        foreach (var mention in new[] { person.Name, person.Email! }.SelectMany(m => new[] { m, JsonSerializer.Serialize(m)[1..^1] }).Distinct())
        {
            Assert.Empty(await fixture.Database.FindTextAsync(mention));
        }
    }

    [Fact]
    public async Task Erasure_OfAPerson_KeepsTheirTimelineEntriesUnderTheKindsTitle()
    {
        var person = await PersonMentionedInNotesAsync();

        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        await fixture.Host.AsUserAsync(manager, services => services.GetRequiredService<PersonalDataService>().EraseAsync(person.Id, CancellationToken.None));

        var titles = await fixture.Database.ColumnAsync<string>("SELECT \"Title\" FROM crm_timeline_entries WHERE \"CustomerId\" = @p0", person.Id);
        Assert.Equal(["Fixture note", "Fixture note"], titles);
    }

    [Fact]
    public async Task Erasure_ByStaffWithoutThePrivacyPermission_IsRefusedByTheService()
    {
        var person = await PersonMentionedInNotesAsync();
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            fixture.Host.AsUserAsync(staff, services => services.GetRequiredService<PersonalDataService>().EraseAsync(person.Id, CancellationToken.None)));
        Assert.Equal(person.Name, await fixture.Database.ScalarAsync<string>("SELECT \"Name\" FROM crm_customers WHERE \"Id\" = @p0", person.Id));
    }

    [Fact]
    public async Task Export_OfAPersonWrittenTo_ContainsTheMessagesAboutThemAndToTheirAddress()
    {
        var person = await NewPersonAsync();
        await QueueMessageAsync($"Your invoice, {person.Name}", person.Email!, person.Id);
        await QueueMessageAsync("Your password", person.Email!.ToUpperInvariant(), customerId: null);
        await QueueMessageAsync("Someone else's", "other@example.test", customerId: null);

        var export = await ExportAsync(person.Id, CrmRoles.Manager);

        var messages = export["core"]!["messages"]!.AsArray();
        Assert.Equal([$"Your invoice, {person.Name}", "Your password"], messages.Select(m => (string?)m!["subject"]).Order(StringComparer.Ordinal));
        var invoice = messages.Single(m => ((string?)m!["subject"])!.StartsWith("Your invoice", StringComparison.Ordinal))!;
        Assert.Equal(person.Email, (string?)invoice["to"]![0]!["email"]);
        Assert.Equal("statement.pdf", (string?)invoice["attachments"]![0]!["fileName"]);
        Assert.Contains(person.Name, (string?)invoice["htmlBody"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasure_OfAPersonWithAMessageNotSentYet_CancelsItEmptiesItAndItCannotBeSentAgain()
    {
        var person = await NewPersonAsync("ਮੀਨਾ ਸ਼ਰਮਾ");
        var key = await QueueMessageAsync($"Your invoice, {person.Name}", person.Email!, person.Id);

        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        await fixture.Host.AsUserAsync(manager, services => services.GetRequiredService<PersonalDataService>().EraseAsync(person.Id, CancellationToken.None));

        var message = await MessageAsync(key);
        Assert.Equal(OutboxMessageState.Cancelled, message.State);
        Assert.Equal("Your invoice, (erased)", message.Subject);
        Assert.DoesNotContain(person.Email!, message.Recipients, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_outbox_attachments WHERE \"MessageId\" = @p0", message.Id));
        var retried = await fixture.Host.InScopeAsync(services => services.GetRequiredService<OutboxDelivery>().RetryAsync(message.Id, message.RowVersion));
        Assert.Equal(ChangeStatus.Invalid, retried.Status);
        Assert.Equal(OutboxMessageState.Cancelled, (await MessageAsync(key)).State);
    }

    [Fact]
    public async Task Export_OfAPersonInASend_ContainsTheirPlaceInIt()
    {
        var person = await NewPersonAsync();
        await AddToASendAsync(person, RecipientState.Queued);

        var export = await ExportAsync(person.Id, CrmRoles.Manager);

        var send = Assert.Single(export["core"]!["sends"]!.AsArray())!;
        Assert.Equal(person.Email, (string?)send["email"]);
        Assert.Equal("Queued", (string?)send["state"]);
    }

    [Fact]
    public async Task Erasure_OfAPersonNotReachedYetByARunningSend_LeavesThemOutOfItWithoutTheirAddress()
    {
        var person = await NewPersonAsync();
        await AddToASendAsync(person, RecipientState.Pending);

        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        await fixture.Host.AsUserAsync(manager, services => services.GetRequiredService<PersonalDataService>().EraseAsync(person.Id, CancellationToken.None));

        var row = await fixture.Host.InScopeAsync(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            return await db.MessageSendRecipients.AsNoTracking().SingleAsync(r => r.CustomerId == person.Id);
        });
        Assert.Equal(RecipientState.LeftOut, row.State);
        Assert.Null(row.Email);
        Assert.Null(row.UnsubscribeTokenHash);
    }

    /// <summary>A private person with a note in Alpha that mentions them by name and address, as notes do.</summary>
    private async Task<(Customer Person, string Note)> PersonWithANoteAsync()
    {
        var person = await NewPersonAsync();
        var note = $"Met {person.Name} ({person.Email}) about the renewal";
        await FixtureAlpha.In(fixture.Host).AddNoteAsManagerAsync(person.Id, note);
        return (person, note);
    }

    /// <summary>
    /// A private person mentioned by name and address in two notes, one added on a page and one by
    /// a background job, once both reached Beta and the timeline: their name is then in the notes,
    /// the timeline, the stored events and the job's arguments.
    /// </summary>
    private async Task<Customer> PersonMentionedInNotesAsync(string name = "Kavya Ramanathan")
    {
        var person = await NewPersonAsync(name);
        var alpha = FixtureAlpha.In(fixture.Host);
        await alpha.AddNoteAsManagerAsync(person.Id, $"Met {person.Name} ({person.Email}) about the renewal");
        await alpha.QueueWriteNoteAsync(person.Id, $"Reminder: call {person.Name} back");
        await Eventually.HoldsAsync("both notes reached Beta and the timeline", async () =>
            await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM fixture_beta_received WHERE \"CustomerId\" = @p0", person.Id) == 2
            && await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_timeline_entries WHERE \"CustomerId\" = @p0", person.Id) == 2);
        return person;
    }

    private async Task<Customer> NewPersonAsync(string name = "Kavya Ramanathan")
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        return await new CustomerBuilder().APerson().Named($"{name} {unique}").WithEmail($"kavya.{unique}@example.test").SaveAsync(fixture.Host);
    }

    /// <summary>Queues a message that names the person in its subject, body and attachment, as an invoice e-mail does.</summary>
    private async Task<string> QueueMessageAsync(string subject, string email, long? customerId)
    {
        var key = $"test:{Guid.NewGuid():N}";
        await fixture.Host.InScopeAsync(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            db.Send(new OutgoingMessage
            {
                To = [new MessageAddress(email, subject)],
                Subject = subject,
                HtmlBody = $"<p>{subject}</p>",
                TextBody = subject,
                Attachments = [new MessageAttachment("statement.pdf", "application/pdf", Encoding.UTF8.GetBytes(subject))],
                CustomerId = customerId,
                IdempotencyKey = key,
            });
            await db.SaveChangesAsync();
        });
        return key;
    }

    /// <summary>Puts the person in a campaign send, as its job records a recipient.</summary>
    private Task AddToASendAsync(Customer person, RecipientState state) => fixture.Host.InScopeAsync(async services =>
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var send = new MessageSend
        {
            TemplateKey = "crm.campaign.test",
            TemplateTitle = "Year-end review",
            AudienceName = "Everyone",
            PublicAddress = "https://crm.example",
            StartedBy = "manager@crm.test",
            StartedAt = DateTimeOffset.UtcNow,
        };
        db.MessageSends.Add(send);
        await db.SaveChangesAsync();
        db.MessageSendRecipients.Add(new MessageSendRecipient
        {
            SendId = send.Id,
            CustomerId = person.Id,
            Name = person.Name,
            Email = person.Email,
            State = state,
            Subject = state == RecipientState.Queued ? $"News for {person.Name}" : null,
            UnsubscribeTokenHash = Convert.ToHexString(Guid.NewGuid().ToByteArray()),
        });
        await db.SaveChangesAsync();
    });

    private Task<OutboxMessage> MessageAsync(string key) => fixture.Host.InScopeAsync(async services =>
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.IdempotencyKey == key);
    });

    private async Task<JsonNode> ExportAsync(long customerId, string role)
    {
        using var client = await fixture.Host.SignInAsync(await fixture.Host.CreateUserAsync(role));
        using var response = await client.GetAsync($"/customers/{customerId}/personal-data");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : PersonalDataTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : PersonalDataTests(fixture);
}
