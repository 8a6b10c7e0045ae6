using System.Text.RegularExpressions;
using CrmBlazor.Host.Data;
using CrmBlazor.Plugins.Invoicing.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Data;
using CrmBlazor.Sdk.Messaging;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;
using CrmBlazor.Testing.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CrmBlazor.Plugins.Invoicing.IntegrationTests.Sending;

/// <summary>
/// An issued document's page says what became of the message that sent it, as the outbox knows it: queued
/// while the mail server has not taken it, sent (at the server's time) once it has, not sent when there is
/// no mail server, failed with the server's answer; administrators get a link to the message. The plugin
/// reads this through the SDK's message statuses, which answer for its own messages only.
/// </summary>
public abstract class InvoiceDeliveryStateTests(InvoicingHostFixture fixture)
{
    private InvoicingPlugin Invoicing => fixture.Invoicing;

    [Fact]
    public async Task InvoicePage_AfterTheMailServerAcceptedTheMessage_ShowsItSentWithTheTimeAndAddress()
    {
        var email = NewAddress();
        var billing = await Billing.CreateAsync(fixture, "INR", email: email);
        var id = await IssuedAsync(fixture.Host, billing);

        await Invoicing.SendAsync(billing.Accountant, id);

        await Eventually.HoldsAsync("the message arrived", () => Task.FromResult(fixture.Smtp.ReceivedBy(email).Count == 1));
        var state = await StateShownAsync(fixture.Host, billing.Accountant, id, "Sent");
        Assert.Matches(new Regex($"^Sent on \u2068.+\u2069 to \u2068{Regex.Escape(email)}\u2069 PDF as sent$"), state);
        var sentAt = await fixture.Host.InScopeAsync(services =>
            services.GetRequiredService<CrmDbContext>().OutboxMessages.Where(m => m.IdempotencyKey == InvoiceKey(id)).Select(m => m.SentAt).SingleAsync());
        Assert.NotNull(sentAt);
        Assert.Contains(sentAt.Value.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), state, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvoicePage_WhileTheMailServerHasNotAcceptedTheMessage_ShowsItQueuedNotSent()
    {
        var email = NewAddress();
        var billing = await Billing.CreateAsync(fixture, "INR", email: email);
        var id = await IssuedAsync(fixture.Host, billing);
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Smtp.Accepting = async message =>
        {
            if (message.To.Mailboxes.Any(m => m.Address == email))
            {
                reached.TrySetResult();
                await held.Task;
            }
        };
        try
        {
            await Invoicing.SendAsync(billing.Accountant, id);
            await reached.Task.WaitAsync(Eventually.DefaultTimeout);

            var state = await StateShownAsync(fixture.Host, billing.Accountant, id, "Queued");

            Assert.Matches(new Regex($"^Queued on \u2068.+\u2069 for \u2068{Regex.Escape(email)}\u2069 PDF as sent$"), state);
        }
        finally
        {
            held.TrySetResult();
            fixture.Smtp.Accepting = null;
        }
    }

    [Fact]
    public async Task InvoicePage_AfterTheMailServerRefusedTheMessage_ShowsItFailedWithTheServersAnswer()
    {
        var email = $"{TestSmtpServer.RefusedMailbox}-{Guid.NewGuid():N}@customer.example";
        var billing = await Billing.CreateAsync(fixture, "INR", email: email);
        var id = await IssuedAsync(fixture.Host, billing);

        await Invoicing.SendAsync(billing.Accountant, id);

        var state = await StateShownAsync(fixture.Host, billing.Accountant, id, "Failed");
        Assert.StartsWith($"Failed to send to \u2068{email}\u2069: \u2068", state, StringComparison.Ordinal);
        Assert.Contains(TestSmtpServer.RefusalText, state, StringComparison.Ordinal);
        Assert.DoesNotContain("Sent on", state, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvoicePage_WithoutAMailServer_ShowsItNotSentForWantOfAMailServer()
    {
        await using var database = await TestDatabase.CreateAsync(fixture.Provider);
        await using var host = fixture.Setup.WithSettings(new Dictionary<string, string?> { ["Mail:Smtp:Host"] = string.Empty }).StartOn(database);
        var email = NewAddress();
        var billing = await Billing.CreateAsync(host, "INR", email: email);
        var id = await IssuedAsync(host, billing);

        await InvoicingPlugin.In(host).SendAsync(billing.Accountant, id);

        var state = await StateShownAsync(host, billing.Accountant, id, "NotSent");
        Assert.Equal($"Not sent to \u2068{email}\u2069: no mail server configured PDF as sent", state);
    }

    [Fact]
    public async Task InvoicePage_ForAnAdministrator_LinksToTheMessageInTheOutbox()
    {
        var billing = await Billing.CreateAsync(fixture, "INR", email: NewAddress());
        var id = await IssuedAsync(fixture.Host, billing);
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        await Invoicing.SendAsync(billing.Accountant, id);
        var messageId = await MessageIdAsync(InvoiceKey(id));

        await StateShownAsync(fixture.Host, admin, id, "Sent");

        var page = await PageAsync(fixture.Host, admin, id);
        Assert.Equal("Open in the outbox", page.TextOf("invoicing-sent-outbox"));
        Assert.Contains($"/admin/outbox/{messageId}", page.Links);
    }

    [Fact]
    public async Task InvoicePage_ForAnAccountant_HasNoLinkToTheOutbox()
    {
        var billing = await Billing.CreateAsync(fixture, "INR", email: NewAddress());
        var id = await IssuedAsync(fixture.Host, billing);
        await Invoicing.SendAsync(billing.Accountant, id);

        await StateShownAsync(fixture.Host, billing.Accountant, id, "Sent");

        var page = await PageAsync(fixture.Host, billing.Accountant, id);
        Assert.False(page.Has("invoicing-sent-outbox"));
        Assert.DoesNotContain(page.Links, link => link.StartsWith("/admin/outbox", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MessageStatuses_OfAPluginsContext_AnswerForItsOwnMessagesAndNotForAnotherOwners()
    {
        var billing = await Billing.CreateAsync(fixture, "INR", email: NewAddress());
        var id = await IssuedAsync(fixture.Host, billing);
        await Invoicing.SendAsync(billing.Accountant, id);
        var own = InvoiceKey(id);
        var others = $"crm:test:{Guid.NewGuid():N}";
        await fixture.Host.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<CrmDbContext>();
            db.Send(new OutgoingMessage { To = [new MessageAddress(NewAddress())], Subject = "The core's", HtmlBody = "<p>Not the plugin's</p>", IdempotencyKey = others });
            return await db.SaveChangesAsync();
        });

        var statuses = await fixture.Host.InScopeAsync(services =>
            ((PluginDbContext)Invoicing.Context(services)).GetMessageStatusesAsync([own, others, "invoicing:never-queued"]));

        var status = Assert.Single(statuses.Values);
        Assert.Equal(own, status.IdempotencyKey);
        Assert.Equal(await MessageIdAsync(own), status.MessageId);
        Assert.False(statuses.ContainsKey(others));
    }

    private static string NewAddress() => $"billing-{Guid.NewGuid():N}@customer.example";

    private static string InvoiceKey(long id) => $"invoicing:invoice-sent:{id}:1";

    private static async Task<long> IssuedAsync(CrmHostFactory host, Billing billing)
    {
        var invoicing = InvoicingPlugin.In(host);
        var id = (await invoicing.DraftAsync(billing.Accountant, billing.CustomerId)).SavedId;
        await invoicing.AddLineAsync(billing.Accountant, id, "Fee", 1, 500m);
        return (await invoicing.IssueAsync(billing.Accountant, id)).SavedId;
    }

    private static async Task<HtmlPage> PageAsync(CrmHostFactory host, Person user, long id)
    {
        using var client = await host.SignInAsync(user.User);
        using var response = await client.GetAsync($"/invoices/{id}");
        return await HtmlPage.ReadAsync(response);
    }

    // The page as the user opens it once the message reached the state (delivery goes on in the background).
    private static async Task<string> StateShownAsync(CrmHostFactory host, Person user, long id, string state)
    {
        var page = await Eventually.ReturnsAsync(
            $"the invoice page shows the state {state}",
            () => PageAsync(host, user, id),
            p => p.Html.Contains($"data-state=\"{state}\"", StringComparison.Ordinal));
        return page.TextOf("invoicing-sent-state");
    }

    private Task<Guid> MessageIdAsync(string key) => fixture.Host.InScopeAsync(services =>
        services.GetRequiredService<CrmDbContext>().OutboxMessages.Where(m => m.IdempotencyKey == key).Select(m => m.Id).SingleAsync());

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteInvoicingHostFixture fixture) : InvoiceDeliveryStateTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresInvoicingHostFixture fixture) : InvoiceDeliveryStateTests(fixture);
}
