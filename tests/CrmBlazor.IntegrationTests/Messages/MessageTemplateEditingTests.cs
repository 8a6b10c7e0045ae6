using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Messages;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Messaging;
using CrmBlazor.Sdk.Results;
using CrmBlazor.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Messages;

/// <summary>
/// The firm's wording of templates (<see cref="MessageTemplateService"/>): saved per template and language
/// and used by <see cref="IMessageTemplates"/> instead of the default; refused at save time with the line
/// and column for Liquid syntax errors and unknown merge fields; checked against concurrent edits,
/// audited, allowed to those who hold <c>crm.messages</c>; and the campaign templates users make.
/// </summary>
public abstract class MessageTemplateEditingTests(CrmHostFixture fixture)
{
    // The Alpha fixture's reminder has no Kannada default; these tests own its Kannada wording (the
    // rendering tests use the other languages).
    private const string Reminder = "fixture-alpha.reminder";
    private static readonly Dictionary<string, object?> Topic = new() { ["reminder.topic"] = "ತ್ರೈಮಾಸಿಕ ಪರಿಶೀಲನೆ" };

    [Fact]
    public async Task SaveAsync_TheFirmsWording_IsRenderedInsteadOfTheDefault()
    {
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var customerId = await CustomerAsync("Kaveri Mills", language: "kn");
        var current = await ServiceAsync(staff, s => s.GetAsync(Reminder));
        var subject = $"ಜ್ಞಾಪನೆ {Guid.NewGuid():N}: {{{{ reminder.topic }}}}";

        var saved = await ServiceAsync(staff, s => s.SaveAsync(Reminder, "kn", new MessageTemplateInput
        {
            Subject = subject,
            HtmlBody = "<p>ಪ್ರಿಯ {{ recipient.name }},</p>",
            RowVersion = current!.Languages.Single(l => l.Language == "kn").RowVersion,
        }));
        var message = await RenderAsync(Reminder, new TemplateRecipient(customerId));

        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.SelectMany(e => e.Value)));
        Assert.Equal("kn", message.Language);
        Assert.Equal(subject.Replace("{{ reminder.topic }}", "ತ್ರೈಮಾಸಿಕ ಪರಿಶೀಲನೆ", StringComparison.Ordinal), message.Subject);
        Assert.Contains("<p>ಪ್ರಿಯ Kaveri Mills,</p>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveAsync_UnknownMergeField_IsRefusedNamingTheFieldLineAndColumn()
    {
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var key = await CampaignTemplateAsync(staff);

        var result = await ServiceAsync(staff, s => s.SaveAsync(key, "en", new MessageTemplateInput
        {
            Subject = "News from {{ firm.name }}",
            HtmlBody = "<p>Dear {{ recipient.name }},</p>\n<p>Your invoice {{ invoice.number }} is due.</p>",
        }));

        Assert.Equal(ChangeStatus.Invalid, result.Status);
        var problem = Assert.Single(result.For(nameof(MessageTemplateInput.HtmlBody)));
        Assert.Equal("Line {0}, column {1}: {2} is not a merge field of this template.", problem.Text);
        Assert.Equal<object?>([2, 20, "invoice.number"], problem.Arguments);
        Assert.Empty(result.For(nameof(MessageTemplateInput.Subject)));
        Assert.Null(await VersionAsync(key, "en"));
    }

    [Fact]
    public async Task SaveAsync_LiquidSyntaxError_IsRefusedWithLineAndColumn()
    {
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var key = await CampaignTemplateAsync(staff);

        var result = await ServiceAsync(staff, s => s.SaveAsync(key, "en", new MessageTemplateInput
        {
            Subject = "News",
            HtmlBody = "<p>Hello</p>\n{% if customer.name %}\n<p>{{ customer.name }}</p>",
        }));

        Assert.Equal(ChangeStatus.Invalid, result.Status);
        var problem = Assert.Single(result.For(nameof(MessageTemplateInput.HtmlBody)));
        Assert.Equal("Line {0}, column {1}: the Liquid syntax is not valid ({2}).", problem.Text);
        Assert.Equal(3, problem.Arguments[0]);
        Assert.Equal(27, problem.Arguments[1]);
        Assert.Contains("endif", (string)problem.Arguments[2]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveAsync_TheRawFilter_IsRefusedSoThatValuesStayEncoded()
    {
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var key = await CampaignTemplateAsync(staff);

        var result = await ServiceAsync(staff, s => s.SaveAsync(key, "en", new MessageTemplateInput { Subject = "News", HtmlBody = "<p>{{ customer.name | raw }}</p>" }));

        var problem = Assert.Single(result.For(nameof(MessageTemplateInput.HtmlBody)));
        Assert.Equal("Line {0}, column {1}: the filter raw is not allowed; values are always encoded.", problem.Text);
    }

    [Fact]
    public async Task SaveAsync_VariablesTheTemplateAssignsItself_AreNotUnknownFields()
    {
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var key = await CampaignTemplateAsync(staff);

        var result = await ServiceAsync(staff, s => s.SaveAsync(key, "en", new MessageTemplateInput
        {
            Subject = "{% assign who = recipient.name | default: customer.name %}Hello {{ who }}",
            HtmlBody = "{% if contact %}<p>{{ contact.name | upcase }}</p>{% endif %}<p>{{ unsubscribe.link }}</p>",
        }));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
    }

    [Fact]
    public async Task SaveAsync_FromAStaleVersion_IsAConflictAndKeepsTheOtherSave()
    {
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var key = await CampaignTemplateAsync(staff);
        var first = await ServiceAsync(staff, s => s.SaveAsync(key, "en", new MessageTemplateInput { Subject = "First", HtmlBody = "<p>1</p>" }));
        var loaded = (await VersionAsync(key, "en"))!.RowVersion;
        await ServiceAsync(staff, s => s.SaveAsync(key, "en", new MessageTemplateInput { Subject = "Second", HtmlBody = "<p>2</p>", RowVersion = loaded }));

        var stale = await ServiceAsync(staff, s => s.SaveAsync(key, "en", new MessageTemplateInput { Subject = "Third", HtmlBody = "<p>3</p>", RowVersion = loaded }));

        Assert.True(first.Succeeded);
        Assert.Equal(ChangeStatus.Conflict, stale.Status);
        Assert.Equal("Second", (await VersionAsync(key, "en"))!.Subject);
    }

    [Fact]
    public async Task SaveAsync_TwoFirstEditsOfOneLanguage_TheSecondIsAConflict()
    {
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var key = await CampaignTemplateAsync(staff);
        await ServiceAsync(staff, s => s.SaveAsync(key, "gu", new MessageTemplateInput { Subject = "પહેલું", HtmlBody = "<p>1</p>" }));

        var second = await ServiceAsync(staff, s => s.SaveAsync(key, "gu", new MessageTemplateInput { Subject = "બીજું", HtmlBody = "<p>2</p>" }));

        Assert.Equal(ChangeStatus.Conflict, second.Status);
        Assert.Equal("પહેલું", (await VersionAsync(key, "gu"))!.Subject);
    }

    [Fact]
    public async Task SaveAsync_WithoutTheMessagesPermission_IsForbiddenAndSavesNothing()
    {
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var accountant = await fixture.Host.CreateUserAsync(CrmRoles.Accountant);
        var key = await CampaignTemplateAsync(staff);

        var result = await ServiceAsync(accountant, s => s.SaveAsync(key, "en", new MessageTemplateInput { Subject = "News", HtmlBody = "<p>Hi</p>" }));

        Assert.Equal(ChangeStatus.Forbidden, result.Status);
        Assert.Null(await VersionAsync(key, "en"));
    }

    [Fact]
    public async Task SaveAsync_ASavedWording_IsInTheAuditLogWithItsAuthor()
    {
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var key = await CampaignTemplateAsync(staff);

        await ServiceAsync(staff, s => s.SaveAsync(key, "en", new MessageTemplateInput { Subject = "Audited subject", HtmlBody = "<p>Hi</p>" }));

        var version = (await VersionAsync(key, "en"))!;
        var entries = await WithCoreAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Entity == nameof(MessageTemplateVersion) && a.EntityKey == version.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync());
        var entry = Assert.Single(entries);
        Assert.Equal("Created", entry.Action);
        Assert.Contains("Audited subject", entry.Changes, StringComparison.Ordinal);
        Assert.Equal(staff.Email, entry.ActorName);
    }

    [Fact]
    public async Task ResetAsync_TheFirmsWording_IsRemovedAndTheDefaultRenderedAgain()
    {
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var customerId = await CustomerAsync("Kaveri Mills", language: "kn");
        var kannada = (await ServiceAsync(staff, s => s.GetAsync(Reminder)))!.Languages.Single(l => l.Language == "kn");
        await ServiceAsync(staff, s => s.SaveAsync(Reminder, "kn", new MessageTemplateInput { Subject = "ಜ್ಞಾಪನೆ", HtmlBody = "<p>ಜ್ಞಾಪನೆ</p>", RowVersion = kannada.RowVersion }));
        var saved = (await VersionAsync(Reminder, "kn"))!;

        var reset = await ServiceAsync(staff, s => s.ResetAsync(Reminder, "kn", saved.RowVersion));
        var message = await RenderAsync(Reminder, new TemplateRecipient(customerId));

        Assert.True(reset.Succeeded);
        Assert.Null(await VersionAsync(Reminder, "kn"));
        Assert.Equal("en", message.Language);
    }

    [Fact]
    public async Task CampaignTemplate_WithItsOwnWordingInGujarati_RendersForAGujaratiContactWithTheUnsubscribeLink()
    {
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var key = await CampaignTemplateAsync(staff);
        await ServiceAsync(staff, s => s.SaveAsync(key, "en", new MessageTemplateInput { Subject = "Our autumn news", HtmlBody = "<p>Dear {{ recipient.name }}</p>" }));
        await ServiceAsync(staff, s => s.SaveAsync(key, "gu", new MessageTemplateInput
        {
            Subject = "અમારા સમાચાર",
            HtmlBody = "<p>પ્રિય {{ recipient.name }},</p><p><a href=\"{{ unsubscribe.link }}\">અનસબ્સ્ક્રાઇબ</a></p>",
        }));
        var customerId = await CustomerAsync("Patel Exports", contactName: "કિરણ પટેલ", contactLanguage: "gu");
        var contactId = await WithCoreAsync(db => db.Contacts.Where(c => c.CustomerId == customerId).Select(c => c.Id).SingleAsync());

        var message = await RenderAsync(key, new TemplateRecipient(customerId, contactId), new Dictionary<string, object?> { ["unsubscribe.link"] = "https://crm.example/unsubscribe/t0k3n" });

        Assert.Equal("gu", message.Language);
        Assert.Equal("અમારા સમાચાર", message.Subject);
        Assert.Contains("<p>પ્રિય કિરણ પટેલ,</p><p><a href=\"https://crm.example/unsubscribe/t0k3n\">", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CampaignTemplate_WrittenOnlyInGujarati_IsRenderedInGujaratiForAnEnglishRecipient()
    {
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var key = await CampaignTemplateAsync(staff);
        await ServiceAsync(staff, s => s.SaveAsync(key, "gu", new MessageTemplateInput { Subject = "સમાચાર", HtmlBody = "<p>સમાચાર</p>" }));
        var customerId = await CustomerAsync("Raman Textiles", language: "en");

        var message = await RenderAsync(key, new TemplateRecipient(customerId), new Dictionary<string, object?>());

        Assert.Equal("gu", message.Language);
    }

    [Fact]
    public async Task CampaignTemplate_ListedWithItsTitleAndEditedLanguages()
    {
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var key = await CampaignTemplateAsync(staff, "Diwali greetings");
        await ServiceAsync(staff, s => s.SaveAsync(key, "ta", new MessageTemplateInput { Subject = "தீபாவளி வாழ்த்துகள்", HtmlBody = "<p>வாழ்த்துகள்</p>" }));

        var list = await ServiceAsync(staff, s => s.ListAsync());

        var listed = Assert.Single(list, t => t.Key == key);
        Assert.Equal("Diwali greetings", listed.Title);
        Assert.Equal(MessageKind.Campaign, listed.Kind);
        Assert.True(listed.IsCampaignTemplate);
        Assert.Equal(["ta"], listed.EditedLanguages);
        Assert.Contains(list, t => t.Key == "crm.invitation" && !t.IsCampaignTemplate);
        Assert.Contains(list, t => t.Key == Reminder && t.OwnerId == FixtureAlpha.Id);
    }

    [Fact]
    public async Task PreviewAsync_WithARealCustomer_FillsTheirFieldsAndTheTemplatesExamples()
    {
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var customerId = await CustomerAsync("<b>Bold</b> Traders");

        var preview = await ServiceAsync(staff, s => s.PreviewAsync(Reminder, "ur",
            new MessageTemplateInput { Subject = "{{ customer.name }}: {{ reminder.topic }}", HtmlBody = "<p>{{ customer.name }}</p>" },
            new TemplateRecipient(customerId)));

        Assert.NotNull(preview?.Message);
        Assert.Equal("<b>Bold</b> Traders: Quarterly review", preview.Message.Subject);
        Assert.Equal("<div dir=\"rtl\" lang=\"ur\"><p>&lt;b&gt;Bold&lt;/b&gt; Traders</p></div>", preview.Message.HtmlBody);
    }

    [Fact]
    public async Task PreviewAsync_TextsWithAMistake_ReturnsTheProblemInsteadOfAMessage()
    {
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);

        var preview = await ServiceAsync(staff, s => s.PreviewAsync(Reminder, "en",
            new MessageTemplateInput { Subject = "{{ customer.nmae }}", HtmlBody = "<p>Hi</p>" }, new TemplateRecipient()));

        Assert.Null(preview!.Message);
        var problem = Assert.Single(preview.Problems[nameof(MessageTemplateInput.Subject)]);
        Assert.Equal<object?>([1, 4, "customer.nmae"], problem.Arguments);
    }

    [Fact]
    public async Task PreviewAsync_WithoutTheMessagesPermission_ShowsNoCustomersData()
    {
        var accountant = await fixture.Host.CreateUserAsync(CrmRoles.Accountant);
        var customerId = await CustomerAsync("Confidential Traders");

        var preview = await ServiceAsync(accountant, s => s.PreviewAsync(Reminder, "en",
            new MessageTemplateInput { Subject = "{{ customer.name }}", HtmlBody = "<p>{{ customer.name }}</p>" }, new TemplateRecipient(customerId)));

        Assert.Null(preview!.Message);
        Assert.Single(preview.Problems[""]);
    }

    private async Task<string> CampaignTemplateAsync(TestUser user, string title = "Newsletter")
    {
        var created = await ServiceAsync(user, s => s.CreateCampaignTemplateAsync(new CampaignTemplateInput { Title = title }));
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.SelectMany(e => e.Value)));
        return await WithCoreAsync(db => db.CampaignTemplates.Where(t => t.Id == created.Id).Select(t => t.Key).SingleAsync());
    }

    private Task<T> ServiceAsync<T>(TestUser user, Func<MessageTemplateService, Task<T>> action) =>
        fixture.Host.AsUserAsync(user, services => action(services.GetRequiredService<MessageTemplateService>()));

    private Task<RenderedMessage> RenderAsync(string key, TemplateRecipient recipient, IReadOnlyDictionary<string, object?>? fields = null) =>
        fixture.Host.InScopeAsync(services => services.GetRequiredService<IMessageTemplates>().RenderAsync(key, recipient, fields ?? Topic));

    private Task<MessageTemplateVersion?> VersionAsync(string key, string language) =>
        WithCoreAsync(db => db.MessageTemplateVersions.AsNoTracking().FirstOrDefaultAsync(v => v.TemplateKey == key && v.Language == language));

    private Task<long> CustomerAsync(string name, string? language = null, string? contactName = null, string? contactLanguage = null) =>
        WithCoreAsync(async db =>
        {
            var customer = new Customer { Name = name, Language = language, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
            if (contactName is not null)
            {
                customer.Contacts.Add(new Contact { Name = contactName, Language = contactLanguage, IsPrimary = true, CreatedAt = DateTimeOffset.UtcNow });
            }

            db.Customers.Add(customer);
            await db.SaveChangesAsync();
            return customer.Id;
        });

    private Task<T> WithCoreAsync<T>(Func<CrmDbContext, Task<T>> query) => fixture.Host.InScopeAsync(async services =>
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await query(db);
    });

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : MessageTemplateEditingTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : MessageTemplateEditingTests(fixture);
}
