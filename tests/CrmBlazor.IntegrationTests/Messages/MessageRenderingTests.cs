using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Messages;
using CrmBlazor.Host.Identity;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Messaging;
using CrmBlazor.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Messages;

/// <summary>
/// <see cref="IMessageTemplates"/> renders a registered template (the Alpha fixture plugin's reminder, with
/// English, Tamil and Urdu defaults) for a real customer and contact: the standard fields filled from the
/// database and the firm's settings, the template's own from the caller, the version chosen by language
/// (asked for, the contact's, the customer's, the firm's, English), values encoded in the HTML body only.
/// </summary>
public abstract class MessageRenderingTests(CrmHostFixture fixture)
{
    private const string Reminder = "fixture-alpha.reminder";
    private static readonly Dictionary<string, object?> Topic = new() { ["reminder.topic"] = "Quarterly review" };

    [Fact]
    public async Task RenderAsync_ForAContact_FillsTheStandardFieldsFromTheDatabaseAndTheTemplatesOwnFromTheCaller()
    {
        var manager = await ManagerAsync("Arjun Mehta");
        var (customerId, contactId) = await CustomerAsync("Raman Textiles", contactName: "Meena Raman", ownerUserId: manager.Id);

        var message = await RenderAsync(Reminder, new TemplateRecipient(customerId, contactId), Topic);

        Assert.Equal("en", message.Language);
        Assert.Equal("Reminder for Meena Raman: Quarterly review", message.Subject);
        Assert.Contains("<p>Dear Meena Raman of Raman Textiles,</p><p>Quarterly review</p>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"<p>Arjun Mehta ({manager.Email}), CrmBlazor</p>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("Dear Meena Raman of Raman Textiles, Quarterly review. meena@customer.example accounts@customer.example", message.TextBody);
    }

    [Fact]
    public async Task RenderAsync_CustomerWithoutContact_NamesTheCustomerAsRecipient()
    {
        var (customerId, _) = await CustomerAsync("Nair Associates");

        var message = await RenderAsync(Reminder, new TemplateRecipient(customerId), Topic);

        Assert.Equal("Reminder for Nair Associates: Quarterly review", message.Subject);
    }

    [Fact]
    public async Task RenderAsync_ContactWithALanguage_UsesThatVersion()
    {
        var (customerId, contactId) = await CustomerAsync("Raman Textiles", contactName: "மீனா", contactLanguage: "ta");

        var message = await RenderAsync(Reminder, new TemplateRecipient(customerId, contactId), Topic);

        Assert.Equal("ta", message.Language);
        Assert.Equal("நினைவூட்டல்: Quarterly review", message.Subject);
        Assert.Contains("<p>அன்புள்ள மீனா,</p>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_ContactWithoutALanguage_UsesTheCustomersLanguage()
    {
        var (customerId, contactId) = await CustomerAsync("Raman Textiles", customerLanguage: "ta", contactName: "Meena");

        var message = await RenderAsync(Reminder, new TemplateRecipient(ContactId: contactId), Topic);

        Assert.Equal("ta", message.Language);
        Assert.Equal(customerId, (await ContactAsync(contactId!.Value)).CustomerId);
    }

    [Fact]
    public async Task RenderAsync_ALanguageAskedFor_WinsOverTheContacts()
    {
        var (customerId, contactId) = await CustomerAsync("Raman Textiles", contactName: "Meena", contactLanguage: "ta");

        var message = await RenderAsync(Reminder, new TemplateRecipient(customerId, contactId, Language: "ur-PK"), Topic);

        Assert.Equal("ur", message.Language);
    }

    [Fact]
    public async Task RenderAsync_ContactsLanguageWithoutAVersion_FallsBackToTheFirmsLanguage()
    {
        var (customerId, contactId) = await CustomerAsync("Patel Exports", contactName: "Kiran", contactLanguage: "gu");

        var message = await RenderAsync(Reminder, new TemplateRecipient(customerId, contactId), Topic, new FirmSettings("Mehta & Partners", "ta"));

        Assert.Equal("ta", message.Language);
    }

    [Fact]
    public async Task RenderAsync_NeitherContactsNorFirmsLanguageHasAVersion_FallsBackToEnglish()
    {
        var (customerId, contactId) = await CustomerAsync("Patel Exports", contactName: "Kiran", contactLanguage: "gu");

        var message = await RenderAsync(Reminder, new TemplateRecipient(customerId, contactId), Topic, new FirmSettings("Mehta & Partners", "ka"));

        Assert.Equal("en", message.Language);
        Assert.Contains("Mehta &amp; Partners", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_CustomerNamedLikeAScript_ArrivesEncodedInTheHtmlBodyAndAsWrittenInTheText()
    {
        var (customerId, _) = await CustomerAsync("<script>alert('x')</script> & Co");

        var message = await RenderAsync(Reminder, new TemplateRecipient(customerId), new Dictionary<string, object?> { ["reminder.topic"] = "<b>due</b>" });

        Assert.DoesNotContain("<script>", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; Co", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;due&lt;/b&gt;", message.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("Dear <script>alert('x')</script> & Co of <script>alert('x')</script> & Co, <b>due</b>.", message.TextBody, StringComparison.Ordinal);
        Assert.Equal("Reminder for <script>alert('x')</script> & Co: <b>due</b>", message.Subject);
    }

    [Fact]
    public async Task RenderAsync_InUrdu_WrapsTheBodyRightToLeftAndDerivesTheTextFromIt()
    {
        var (customerId, contactId) = await CustomerAsync("Qureshi Traders", contactName: "عائشہ قریشی", contactLanguage: "ur");

        var message = await RenderAsync(Reminder, new TemplateRecipient(customerId, contactId), new Dictionary<string, object?> { ["reminder.topic"] = "سہ ماہی جائزہ" });

        Assert.Equal("ur", message.Language);
        Assert.StartsWith("<div dir=\"rtl\" lang=\"ur\"><p>محترم عائشہ قریشی،</p>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("محترم عائشہ قریشی،\n\nسہ ماہی جائزہ", message.TextBody);
        Assert.Equal("یاد دہانی: سہ ماہی جائزہ", message.Subject);
    }

    [Fact]
    public async Task RenderAsync_InEnglish_WrapsTheBodyLeftToRight()
    {
        var (customerId, _) = await CustomerAsync("Raman Textiles");

        var message = await RenderAsync(Reminder, new TemplateRecipient(customerId), Topic);

        Assert.StartsWith("<div dir=\"ltr\" lang=\"en\">", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_ValueWithALineBreak_KeepsTheSubjectOnOneLine()
    {
        var (customerId, _) = await CustomerAsync("Raman Textiles");

        var message = await RenderAsync(Reminder, new TemplateRecipient(customerId), new Dictionary<string, object?> { ["reminder.topic"] = "first\r\nsecond" });

        Assert.Equal("Reminder for Raman Textiles: first second", message.Subject);
    }

    [Fact]
    public async Task RenderAsync_UnknownTemplate_ThrowsArgumentException()
    {
        var (customerId, _) = await CustomerAsync("Raman Textiles");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => RenderAsync("fixture-alpha.nothing", new TemplateRecipient(customerId), Topic));

        Assert.Contains("fixture-alpha.nothing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_ContactOfAnotherCustomer_ThrowsArgumentException()
    {
        var (customerId, _) = await CustomerAsync("Raman Textiles");
        var (_, otherContactId) = await CustomerAsync("Patel Exports", contactName: "Kiran");

        await Assert.ThrowsAsync<ArgumentException>(() => RenderAsync(Reminder, new TemplateRecipient(customerId, otherContactId), Topic));
    }

    [Fact]
    public async Task RenderAsync_CoresInvitationForAColleague_NeedsNoCustomer()
    {
        var message = await RenderAsync("crm.invitation", new TemplateRecipient(Language: "en"), new Dictionary<string, object?>
        {
            ["invitation.name"] = "Priya Nair",
            ["invitation.link"] = "https://crm.example/invitation/abc?x=1&y=2",
            ["invitation.expires"] = "9 December 2026",
        });

        Assert.Equal("Your access to CrmBlazor's CRM", message.Subject);
        Assert.Contains("<a href=\"https://crm.example/invitation/abc?x=1&amp;y=2\">", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("https://crm.example/invitation/abc?x=1&y=2", message.TextBody, StringComparison.Ordinal);
    }

    private Task<RenderedMessage> RenderAsync(string key, TemplateRecipient recipient, IReadOnlyDictionary<string, object?> fields, FirmSettings? firm = null) =>
        fixture.Host.InScopeAsync(services =>
        {
            // The firm's settings come from the host's configuration; another firm is the same service with other settings.
            var templates = firm is null
                ? services.GetRequiredService<IMessageTemplates>()
                : ActivatorUtilities.CreateInstance<MessageTemplates>(services, firm);
            return templates.RenderAsync(key, recipient, fields);
        });

    private async Task<CrmUser> ManagerAsync(string name)
    {
        var user = await fixture.Host.CreateUserAsync(CrmBlazor.Sdk.Authorization.CrmRoles.Manager);
        return await fixture.Host.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<CrmUser>>();
            var account = (await users.FindByEmailAsync(user.Email))!;
            account.DisplayName = name;
            await users.UpdateAsync(account);
            return account;
        });
    }

    private Task<(long CustomerId, long? ContactId)> CustomerAsync(string name, string? customerLanguage = null, string? contactName = null, string? contactLanguage = null, string? ownerUserId = null) =>
        fixture.Host.InScopeAsync(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            var customer = new Customer
            {
                Name = name,
                Email = "accounts@customer.example",
                Language = customerLanguage,
                OwnerUserId = ownerUserId,
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
            };
            Contact? contact = null;
            if (contactName is not null)
            {
                contact = new Contact { Name = contactName, Email = "meena@customer.example", Language = contactLanguage, IsPrimary = true, CreatedAt = DateTimeOffset.UtcNow };
                customer.Contacts.Add(contact);
            }

            db.Customers.Add(customer);
            await db.SaveChangesAsync();
            return (customer.Id, contact?.Id);
        });

    private Task<Contact> ContactAsync(long id) => fixture.Host.InScopeAsync(async services =>
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == id);
    });

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : MessageRenderingTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : MessageRenderingTests(fixture);
}
