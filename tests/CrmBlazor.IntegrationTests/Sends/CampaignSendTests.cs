using System.Net;
using System.Text.Json;
using CrmBlazor.Testing.Mail;
using CrmBlazor.Data.Outbox;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Messages;
using CrmBlazor.Host.Features.Sends;
using CrmBlazor.IntegrationTests.Mail;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Sdk.Messaging;
using CrmBlazor.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CrmBlazor.IntegrationTests.Sends;

/// <summary>
/// Campaigns to a segment through the real host and a real SMTP server: who receives them and who is left
/// out and why, the personal unsubscribe link in the body and in the RFC 8058 headers, the one-click opt-out
/// honoured by every later campaign but not by transactional mail, the throttle, and the timeline entry
/// linking to the message.
/// </summary>
public abstract class CampaignSendTests(SendsHostFixture fixture)
{
    private TestSmtpServer Smtp => fixture.Smtp;

    [Fact]
    public async Task Campaign_ToASegment_ArrivesWithAPersonalUnsubscribeLinkAndTheOneClickHeaders()
    {
        var audience = new CampaignAudience(fixture.Host);
        var contact = await audience.AddContactAsync(CampaignAudience.NewAddress());
        await CampaignAudience.StartAsync(fixture.Host, await audience.SegmentAsync());

        var received = await ReceivedAsync(contact.Email!);

        var link = UnsubscribeLinkOf(received);
        Assert.StartsWith(SendsHostFixture.PublicAddress + "unsubscribe/", link, StringComparison.Ordinal);
        Assert.True(link.Length > (SendsHostFixture.PublicAddress + "unsubscribe/").Length + 40, "The token is too short to be unguessable.");
        Assert.Equal("List-Unsubscribe=One-Click", received.Headers["List-Unsubscribe-Post"]);
        Assert.Contains(link, received.HtmlBody ?? "", StringComparison.Ordinal);
        Assert.Contains(link, received.TextBody ?? "", StringComparison.Ordinal);
        Assert.Equal("News for Meena Iyer", received.Subject);
    }

    [Fact]
    public async Task Campaign_FromATemplateMadeOnTheMessagesPage_PutsThePersonalLinkWhereItsAuthorPlacedIt()
    {
        var audience = new CampaignAudience(fixture.Host);
        var contact = await audience.AddContactAsync(CampaignAudience.NewAddress());
        var key = await CampaignAudience.InManagerScopeAsync(fixture.Host, async services =>
        {
            var editor = services.GetRequiredService<MessageTemplateService>();
            var made = await editor.CreateCampaignTemplateAsync(new CampaignTemplateInput { Title = "Diwali greetings " + audience.Industry });
            var key = (await editor.ListAsync()).Single(t => t.Title == "Diwali greetings " + audience.Industry).Key;
            var saved = await editor.SaveAsync(key, "en", new MessageTemplateInput
            {
                Subject = "Happy Diwali, {{ recipient.name }}",
                HtmlBody = "<p>Happy Diwali!</p><p><a href=\"{{ unsubscribe.link }}\">No more greetings</a></p>",
            });
            Assert.True(made.Succeeded && saved.Succeeded, string.Join(" ", made.Messages.Concat(saved.Messages)));
            return key;
        });

        await CampaignAudience.StartAsync(fixture.Host, await audience.SegmentAsync(), key);

        var received = await ReceivedAsync(contact.Email!);
        var link = UnsubscribeLinkOf(received);
        Assert.Equal("Happy Diwali, Meena Iyer", received.Subject);
        Assert.Contains($"<a href=\"{link}\">No more greetings</a>", received.HtmlBody ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Campaign_ToTwoContacts_GivesEachALinkOfTheirOwnStoredOnlyAsAHash()
    {
        var audience = new CampaignAudience(fixture.Host);
        var first = await audience.AddContactAsync(CampaignAudience.NewAddress());
        var second = await audience.AddContactAsync(CampaignAudience.NewAddress());
        await CampaignAudience.StartAsync(fixture.Host, await audience.SegmentAsync());

        var firstToken = TokenOf(UnsubscribeLinkOf(await ReceivedAsync(first.Email!)));
        var secondToken = TokenOf(UnsubscribeLinkOf(await ReceivedAsync(second.Email!)));

        Assert.NotEqual(firstToken, secondToken);
        // The token is in the message the outbox keeps, and nowhere else: the recipient keeps its hash.
        Assert.Equal(["crm_outbox_messages.Headers", "crm_outbox_messages.HtmlBody", "crm_outbox_messages.TextBody"], (await fixture.Database.FindTextAsync(firstToken)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task OneClickPost_OfTheLink_OptsTheContactOutWithoutAPageACookieOrACsrfToken()
    {
        var audience = new CampaignAudience(fixture.Host);
        var contact = await audience.AddContactAsync(CampaignAudience.NewAddress());
        await CampaignAudience.StartAsync(fixture.Host, await audience.SegmentAsync());
        var link = new Uri(UnsubscribeLinkOf(await ReceivedAsync(contact.Email!)));

        using var client = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var response = await client.PostAsync(link.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await ContactAsync(contact.Id)).EmailOptedOutAt);
    }

    [Fact]
    public async Task Campaign_AfterAContactOptedOutWithTheirLink_LeavesThemOutWithTheReason()
    {
        var audience = new CampaignAudience(fixture.Host);
        var leaving = await audience.AddContactAsync(CampaignAudience.NewAddress());
        var staying = await audience.AddContactAsync(CampaignAudience.NewAddress());
        var segment = await audience.SegmentAsync();
        await CampaignAudience.StartAsync(fixture.Host, segment);
        await OneClickAsync(UnsubscribeLinkOf(await ReceivedAsync(leaving.Email!)));
        await ReceivedAsync(staying.Email!);

        var second = await CampaignAudience.StartAsync(fixture.Host, segment);

        await Eventually.HoldsAsync("the second campaign reached the contact who stayed", async () => Smtp.ReceivedBy(staying.Email!).Count == 2);
        var recipient = await RecipientAsync(second, leaving.Id);
        Assert.Equal((RecipientState.LeftOut, LeftOutReason.OptedOut), (recipient.State, recipient.Reason));
        await SendMarkerAndWaitAsync(leaving.Email!);
        Assert.Equal(2, Smtp.ReceivedBy(leaving.Email!).Count);
    }

    [Fact]
    public async Task TransactionalMessage_ToAContactWhoOptedOut_IsDelivered()
    {
        var audience = new CampaignAudience(fixture.Host);
        var contact = await audience.AddContactAsync(CampaignAudience.NewAddress(), optedOut: true);

        await fixture.Host.InScopeAsync(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            db.Send(new OutgoingMessage
            {
                To = [new MessageAddress(contact.Email!)],
                Subject = "Your invoice INV-2026-0042",
                HtmlBody = "<p>Your invoice is attached.</p>",
                CustomerId = contact.CustomerId,
                ContactId = contact.Id,
                IdempotencyKey = $"test:invoice:{contact.Id}",
            });
            await db.SaveChangesAsync();
        });

        var received = await ReceivedAsync(contact.Email!);
        Assert.Equal("Your invoice INV-2026-0042", received.Subject);
        Assert.False(received.Headers.Contains("List-Unsubscribe"));
    }

    [Fact]
    public async Task Preview_OfASegment_CountsTheReceiversAndNamesEachPersonLeftOutWithTheReason()
    {
        var audience = new CampaignAudience(fixture.Host);
        await audience.AddContactAsync(CampaignAudience.NewAddress());
        await audience.AddPersonAsync(CampaignAudience.NewAddress());
        var noEmail = await audience.AddContactAsync(email: null, name: "Without Address");
        var noConsent = await audience.AddContactAsync(CampaignAudience.NewAddress(), consent: false, name: "Without Consent");
        var optedOut = await audience.AddContactAsync(CampaignAudience.NewAddress(), optedOut: true, name: "Opted Out");
        var empty = await audience.AddCompanyWithoutContactAsync();
        var segment = await audience.SegmentAsync();

        var preview = await CampaignAudience.AsManagerAsync(fixture.Host, s => s.PreviewCampaignAsync(SendsHostFixture.Template, segment, SendsHostFixture.PublicAddress));

        Assert.NotNull(preview);
        Assert.Equal(2, preview.Receiving);
        Assert.Equal(
            [(noEmail.CustomerId, (long?)noEmail.Id, LeftOutReason.NoEmail), (noConsent.CustomerId, noConsent.Id, LeftOutReason.NoConsent),
                (optedOut.CustomerId, optedOut.Id, LeftOutReason.OptedOut), (empty.Id, null, LeftOutReason.NoContact)],
            preview.LeftOut.Select(m => (m.CustomerId, m.ContactId, m.Reason!.Value)).OrderBy(m => m.CustomerId));
        var english = Assert.Single(preview.Previews);
        Assert.Equal(("en", 2), (english.Language, english.Recipients));
    }

    [Fact]
    public async Task Campaign_Started_CountsTheLeftOutAndQueuesOnlyTheOthers()
    {
        var audience = new CampaignAudience(fixture.Host);
        var receiving = await audience.AddContactAsync(CampaignAudience.NewAddress());
        await audience.AddContactAsync(CampaignAudience.NewAddress(), consent: false);
        await audience.AddContactAsync(email: null);
        var send = await CampaignAudience.StartAsync(fixture.Host, await audience.SegmentAsync());

        await ReceivedAsync(receiving.Email!);

        var summary = await Eventually.ReturnsAsync("the send completed", () => SummaryAsync(send), s => s?.State == MessageSendState.Completed);
        Assert.Equal((1, 0, 2), (summary!.Queued, summary.Pending, summary.LeftOut));
    }

    [Fact]
    public async Task Job_AtTwoMessagesAMinute_QueuesTwoAndLeavesTheRestToItsRunAMinuteLater()
    {
        var audience = new CampaignAudience(fixture.Host);
        var contacts = await audience.AddContactsAsync(5, _ => CampaignAudience.NewAddress());
        var send = await StoreSendAsync(contacts);
        var before = DateTimeOffset.UtcNow;

        await RunJobAsync(send, messagesPerMinute: 2);

        var states = await RecipientStatesAsync(send);
        Assert.Equal([RecipientState.Queued, RecipientState.Queued, RecipientState.Pending, RecipientState.Pending, RecipientState.Pending], states);
        var next = await NextRunAsync(send);
        Assert.NotNull(next.NotBefore);
        Assert.InRange(next.NotBefore.Value, before.AddSeconds(50), DateTimeOffset.UtcNow.AddMinutes(1).AddSeconds(1));
    }

    [Fact]
    public async Task Job_RunTwiceForTheSameSend_QueuesEachRecipientOnce()
    {
        var audience = new CampaignAudience(fixture.Host);
        var contacts = await audience.AddContactsAsync(20, _ => CampaignAudience.NewAddress());
        var send = await StoreSendAsync(contacts);

        await Task.WhenAll(RunJobAsync(send, 1000), RunJobAsync(send, 1000));

        Assert.All(await RecipientStatesAsync(send), s => Assert.Equal(RecipientState.Queued, s));
        foreach (var contact in contacts)
        {
            await ReceivedAsync(contact.Email!);
        }

        await SendMarkerAndWaitAsync(contacts[^1].Email!);
        Assert.All(contacts, c => Assert.Single(Smtp.ReceivedBy(c.Email!), m => m.Subject != "marker"));
    }

    [Fact]
    public async Task Campaign_EachMessage_IsOnTheCustomersTimelineLinkingToTheMessageAColleagueMayRead()
    {
        var audience = new CampaignAudience(fixture.Host);
        var contact = await audience.AddContactAsync(CampaignAudience.NewAddress());
        await CampaignAudience.StartAsync(fixture.Host, await audience.SegmentAsync());
        await ReceivedAsync(contact.Email!);

        var entry = await fixture.Host.InScopeAsync(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            return await db.TimelineEntries.AsNoTracking().SingleAsync(t => t.CustomerId == contact.CustomerId);
        });
        Assert.Equal((MessageSendJob.TimelineKind, "News for Meena Iyer"), (entry.Kind, entry.Title));
        Assert.StartsWith("/messages/sent/", entry.Link, StringComparison.Ordinal);

        var staff = await fixture.Host.CreateUserAsync(Sdk.Authorization.CrmRoles.Staff);
        var shown = await fixture.Host.AsUserAsync(staff, services =>
            services.GetRequiredService<SendQueries>().SentMessageAsync(long.Parse(entry.Link!["/messages/sent/".Length..], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.NotNull(shown);
        Assert.Equal("News for Meena Iyer", shown.Subject);
        Assert.Contains("Meena Iyer", shown.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnsubscribePage_ConfirmedWithItsForm_RecordsTheOptOutAndSaysSo()
    {
        var audience = new CampaignAudience(fixture.Host);
        var contact = await audience.AddContactAsync(CampaignAudience.NewAddress());
        await CampaignAudience.StartAsync(fixture.Host, await audience.SegmentAsync());
        var path = new Uri(UnsubscribeLinkOf(await ReceivedAsync(contact.Email!))).PathAndQuery;
        using var client = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        var page = await client.GetStringAsync(path);
        Assert.Contains("data-testid=\"unsubscribe-confirm\"", page, StringComparison.Ordinal);
        Assert.Null((await ContactAsync(contact.Id)).EmailOptedOutAt);

        using var confirmed = await client.PostAsync(path, new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(path, confirmed.Headers.Location?.OriginalString);
        Assert.NotNull((await ContactAsync(contact.Id)).EmailOptedOutAt);
        Assert.Contains("data-testid=\"unsubscribe-done\"", await client.GetStringAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnsubscribeLink_ThatDoesNotExist_IsRefusedWith400OnThePageAndTheOneClickPost()
    {
        using var client = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        using var page = await client.GetAsync("/unsubscribe/not-a-token-anyone-was-given");
        using var post = await client.PostAsync("/unsubscribe/not-a-token-anyone-was-given", new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (page.StatusCode, post.StatusCode));
        Assert.Contains("data-testid=\"unsubscribe-refused\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveContact_WithAConsent_RecordsWhenAndWhoAndKeepsAnOptOutUntilItIsRemovedDeliberately()
    {
        var audience = new CampaignAudience(fixture.Host);
        var contact = await audience.AddContactAsync(CampaignAudience.NewAddress(), consent: false, optedOut: true);

        var colleague = await SaveContactAsync(contact.Id, input =>
        {
            input.HasEmailConsent = true;
            input.EmailConsentSource = "Asked for the newsletter on the phone";
        });

        var consented = await ContactAsync(contact.Id);
        Assert.Equal(("Asked for the newsletter on the phone", colleague), (consented.EmailConsentSource, consented.EmailConsentRecordedBy));
        Assert.InRange(consented.EmailConsentAt!.Value, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.NotNull(consented.EmailOptedOutAt);

        await SaveContactAsync(contact.Id, input => input.RemoveOptOut = true);
        Assert.Null((await ContactAsync(contact.Id)).EmailOptedOutAt);
    }

    [Fact]
    public async Task SendMessage_ToOneContactWithoutConsent_IsRefusedWithTheReasonAndQueuesNothing()
    {
        var audience = new CampaignAudience(fixture.Host);
        var contact = await audience.AddContactAsync(CampaignAudience.NewAddress(), consent: false);

        var result = await CampaignAudience.AsManagerAsync(fixture.Host, s => s.StartPersonalAsync(SendsHostFixture.Template, contact.CustomerId, contact.Id, SendsHostFixture.PublicAddress));

        Assert.Equal(ChangeStatus.Invalid, result.Status);
        Assert.Contains("No consent to campaign e-mails is recorded for this person.", string.Join(" ", result.Messages), StringComparison.Ordinal);
        Assert.False(await WithCoreAsync(db => db.MessageSendRecipients.AnyAsync(r => r.ContactId == contact.Id)));
    }

    [Fact]
    public async Task SendMessage_ToOneConsentingContact_ArrivesWithItsUnsubscribeLink()
    {
        var audience = new CampaignAudience(fixture.Host);
        var contact = await audience.AddContactAsync(CampaignAudience.NewAddress());

        var result = await CampaignAudience.AsManagerAsync(fixture.Host, s => s.StartPersonalAsync(SendsHostFixture.Template, contact.CustomerId, contact.Id, SendsHostFixture.PublicAddress));

        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
        Assert.StartsWith(SendsHostFixture.PublicAddress + "unsubscribe/", UnsubscribeLinkOf(await ReceivedAsync(contact.Email!)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMessage_FromAPageReachedAtAnotherHost_LinksToTheConfiguredPublicAddress()
    {
        var audience = new CampaignAudience(fixture.Host);
        var contact = await audience.AddContactAsync(CampaignAudience.NewAddress());

        var result = await CampaignAudience.AsManagerAsync(fixture.Host, s => s.StartPersonalAsync(SendsHostFixture.Template, contact.CustomerId, contact.Id, "https://attacker.example/"));

        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
        Assert.StartsWith(SendsHostFixture.PublicAddress + "unsubscribe/", UnsubscribeLinkOf(await ReceivedAsync(contact.Email!)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_ASendWhoseJobWasLostBeforeItRan_IsStartedAgain()
    {
        var audience = new CampaignAudience(fixture.Host);
        var contacts = await audience.AddContactsAsync(2, _ => CampaignAudience.NewAddress());
        var send = await StoreSendAsync(contacts, startedAt: DateTimeOffset.UtcNow.AddMinutes(-10));

        await fixture.Host.InScopeAsync(services => ActivatorUtilities.CreateInstance<MessageSendJob>(services).RunAsync(new Run(null), CancellationToken.None));

        foreach (var contact in contacts)
        {
            await ReceivedAsync(contact.Email!);
        }
    }

    /// <summary>Saves a contact as a manager, as the contact dialog does, and returns the manager's id.</summary>
    private Task<string> SaveContactAsync(long contactId, Action<ContactInput> change) =>
        CampaignAudience.InManagerScopeAsync(fixture.Host, async services =>
        {
            var contact = await ContactAsync(contactId);
            var input = ContactInput.From(contact);
            change(input);
            var result = await services.GetRequiredService<CustomerService>().SaveContactAsync(contact.CustomerId, contact.Id, input);
            Assert.True(result.Succeeded, string.Join(" ", result.Messages));
            return services.GetRequiredService<Host.Identity.CurrentUser>().UserId!;
        });

    private async Task<MimeMessage> ReceivedAsync(string to) =>
        (await Eventually.ReturnsAsync($"a message to {to} arrived", () => Task.FromResult(Smtp.ReceivedBy(to) is [var first, ..] ? first : null), m => m is not null))!;

    private static string UnsubscribeLinkOf(MimeMessage message)
    {
        var header = message.Headers["List-Unsubscribe"] ?? throw new InvalidOperationException("The message has no List-Unsubscribe header.");
        Assert.Matches("^<https://[^>]+>$", header);
        return header[1..^1];
    }

    private static string TokenOf(string link) => link[(link.LastIndexOf('/') + 1)..];

    private async Task OneClickAsync(string link)
    {
        using var client = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var response = await client.PostAsync(new Uri(link).PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A transactional message after the others, so that once it arrived the others had their chance.</summary>
    private async Task SendMarkerAndWaitAsync(string to)
    {
        await WithCoreAsync(async db =>
        {
            db.Send(new OutgoingMessage { To = [new MessageAddress(to)], Subject = "marker", HtmlBody = "<p>marker</p>", IdempotencyKey = "test:marker:" + Guid.NewGuid() });
            return await db.SaveChangesAsync();
        });
        await Eventually.HoldsAsync($"the marker reached {to}", async () => Smtp.ReceivedBy(to).Any(m => m.Subject == "marker"));
    }

    private Task<Contact> ContactAsync(long id) => WithCoreAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.Id == id));

    private Task<MessageSendRecipient> RecipientAsync(long send, long contactId) =>
        WithCoreAsync(db => db.MessageSendRecipients.AsNoTracking().SingleAsync(r => r.SendId == send && r.ContactId == contactId));

    private Task<List<RecipientState>> RecipientStatesAsync(long send) =>
        WithCoreAsync(db => db.MessageSendRecipients.AsNoTracking().Where(r => r.SendId == send).OrderBy(r => r.Id).Select(r => r.State).ToListAsync());

    private Task<SendSummary?> SummaryAsync(long send) =>
        CampaignAudience.InManagerScopeAsync(fixture.Host, services => services.GetRequiredService<SendQueries>().GetAsync(send));

    /// <summary>A send of Alpha's campaign template to contacts, stored without queueing its job, as a test runs it.</summary>
    private Task<long> StoreSendAsync(IReadOnlyList<Contact> contacts, DateTimeOffset? startedAt = null) => WithCoreAsync(async db =>
    {
        var send = new MessageSend
        {
            TemplateKey = SendsHostFixture.Template,
            TemplateTitle = "Newsletter",
            AudienceName = "Test",
            PublicAddress = SendsHostFixture.PublicAddress,
            StartedBy = "test",
            StartedAt = startedAt ?? DateTimeOffset.UtcNow,
            State = MessageSendState.Sending,
        };
        db.MessageSends.Add(send);
        await db.SaveChangesAsync();
        db.MessageSendRecipients.AddRange(contacts.Select(c => new MessageSendRecipient { SendId = send.Id, CustomerId = c.CustomerId, ContactId = c.Id, Name = c.Name, Email = c.Email }));
        await db.SaveChangesAsync();
        return send.Id;
    });

    private Task RunJobAsync(long send, int messagesPerMinute) => fixture.Host.InScopeAsync(services =>
        ActivatorUtilities.CreateInstance<MessageSendJob>(services, new SendSettings(messagesPerMinute))
            .RunAsync(new Run(new MessageSendArguments(send)), CancellationToken.None));

    private Task<JobRun> NextRunAsync(long send) => WithCoreAsync(db =>
        db.JobRuns.AsNoTracking().SingleAsync(j => j.JobId == "crm:sends" && j.Arguments != null && j.Arguments.Contains($"\"sendId\":{send}}}")));

    private Task<T> WithCoreAsync<T>(Func<CrmDbContext, Task<T>> query) => fixture.Host.InScopeAsync(async services =>
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await query(db);
    });

    private sealed class Run(MessageSendArguments? arguments) : JobRunContext
    {
        public override Guid RunId { get; } = Guid.NewGuid();

        public override JsonElement? Arguments { get; } = arguments is null ? null : JsonSerializer.SerializeToElement(arguments, JsonSerializerOptions.Web);

        public override int Attempt => 1;

        public override Task ReportProgressAsync(int percent, string? message = null, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    [Collection(SqliteSendsHost.Name)]
    public sealed class OnSqlite(SqliteSendsHostFixture fixture) : CampaignSendTests(fixture);

    [Collection(PostgresSendsHost.Name)]
    public sealed class OnPostgres(PostgresSendsHostFixture fixture) : CampaignSendTests(fixture);
}
