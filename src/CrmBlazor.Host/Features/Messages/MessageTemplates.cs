using System.Text.RegularExpressions;
using CrmBlazor.Data;
using CrmBlazor.Host.Data;
using CrmBlazor.Sdk.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Messages;

/// <summary>
/// The host's <see cref="IMessageTemplates"/>: picks the version for the recipient's language, fills the
/// standard fields from the customer, contact, account manager and firm, and renders it with Fluid.
/// </summary>
public sealed partial class MessageTemplates(IDbContextFactory<CrmDbContext> contexts, MessageTemplateCatalog catalog, FirmSettings firm)
    : IMessageTemplates
{
    /// <inheritdoc />
    public async Task<RenderedMessage> RenderAsync(string templateKey, TemplateRecipient recipient,
        IReadOnlyDictionary<string, object?> fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(fields);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var template = (await FindAsync(db, templateKey, cancellationToken))?.Template
            ?? throw new ArgumentException($"There is no message template '{templateKey}' (or its plugin is not active).", nameof(templateKey));
        var people = await LoadAsync(db, recipient, cancellationToken);
        var versions = await VersionsAsync(db, template, cancellationToken);
        var language = Candidates(recipient.Language, people).Concat(MessageLanguages.Codes).FirstOrDefault(versions.ContainsKey)
            ?? throw new ArgumentException($"The message template '{templateKey}' has no text in any language yet.", nameof(templateKey));
        return await RenderAsync(template.Key, language, versions[language], StandardValues(people).Concat(fields), cancellationToken);
    }

    /// <summary>
    /// Renders texts not saved yet (the editor's preview) for a real customer and contact: standard fields
    /// from them, the template's own fields with their examples.
    /// </summary>
    /// <param name="template">The template.</param>
    /// <param name="language">The language of the texts.</param>
    /// <param name="text">The texts, valid (see <see cref="LiquidTemplates.CheckAll"/>).</param>
    /// <param name="recipient">The customer and contact, or none for the fields' examples.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    internal async Task<RenderedMessage> PreviewAsync(MessageTemplateDefinition template, string language, MessageTemplateText text,
        TemplateRecipient recipient, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        IEnumerable<KeyValuePair<string, object?>> standard = recipient.CustomerId is null && recipient.ContactId is null
            ? MessageTemplateDefinition.StandardFields.Select(f => new KeyValuePair<string, object?>(f.Name, f.Example))
            : StandardValues(await LoadAsync(db, recipient, cancellationToken));
        var own = template.Fields.Select(f => new KeyValuePair<string, object?>(f.Name, f.Example));

        // Texts being edited are parsed afresh: the cache holds the saved ones.
        return await RenderAsync("preview:" + template.Key, language, text, standard.Concat(own), cancellationToken);
    }

    /// <summary>A registered template, or a campaign template stored in the database, with its owner; null when there is none.</summary>
    /// <param name="db">The context.</param>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    internal async Task<(string OwnerId, MessageTemplateDefinition Template)?> FindAsync(CrmDbContext db, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (catalog.Find(key) is { } registered)
        {
            return registered;
        }

        if (!key.StartsWith(CampaignTemplate.KeyPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var campaign = await db.CampaignTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Key == key, cancellationToken);
        return campaign is null ? null : (CrmDbContextOptions.CoreOwnerId, campaign.ToDefinition());
    }

    /// <summary>The texts by language: the firm's saved wording where there is one, else the registered default.</summary>
    /// <param name="db">The context.</param>
    /// <param name="template">The template.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    internal static async Task<Dictionary<string, MessageTemplateText>> VersionsAsync(CrmDbContext db, MessageTemplateDefinition template, CancellationToken cancellationToken)
    {
        var versions = new Dictionary<string, MessageTemplateText>(template.Defaults, StringComparer.Ordinal);
        var stored = await db.MessageTemplateVersions.AsNoTracking().Where(v => v.TemplateKey == template.Key)
            .Select(v => new { v.Language, v.Subject, v.HtmlBody, v.TextBody }).ToListAsync(cancellationToken);
        foreach (var version in stored)
        {
            versions[version.Language] = new MessageTemplateText(version.Subject, version.HtmlBody, version.TextBody);
        }

        return versions;
    }

    /// <summary>Renders one version of a template with the given values (standard and own fields by path).</summary>
    /// <param name="key">The template key, for the cache of parsed texts.</param>
    /// <param name="language">The version's language.</param>
    /// <param name="text">The version's texts.</param>
    /// <param name="values">The values by field path.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    internal async Task<RenderedMessage> RenderAsync(string key, string language, MessageTemplateText text,
        IEnumerable<KeyValuePair<string, object?>> values, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var model = LiquidTemplates.Nest(values);
        var culture = MessageLanguages.CultureOf(language);
        var subject = await LiquidTemplates.RenderAsync(catalog.Parsed(key, language, TemplatePart.Subject, text.Subject), model, html: false, culture);
        var body = await LiquidTemplates.RenderAsync(catalog.Parsed(key, language, TemplatePart.HtmlBody, text.HtmlBody), model, html: true, culture);
        var textBody = text.TextBody is { } source
            ? await LiquidTemplates.RenderAsync(catalog.Parsed(key, language, TemplatePart.TextBody, source), model, html: false, culture)
            : LiquidTemplates.ToPlainText(body);

        // The language and direction travel with the body: mail readers lay Urdu out right to left and
        // pick fonts and screen-reader voices by lang.
        var direction = MessageLanguages.IsRightToLeft(language) ? "rtl" : "ltr";
        var html = $"<div dir=\"{direction}\" lang=\"{language}\">{body}</div>";

        // A subject is one header line: line breaks a value brought in become spaces.
        return new RenderedMessage(language, LineBreaks().Replace(subject, " ").Trim(), html, textBody.Trim());
    }

    /// <summary>The languages to try, in order: the one asked for, the contact's, the customer's, the firm's, English.</summary>
    private IEnumerable<string> Candidates(string? asked, People people)
    {
        foreach (var language in new[] { asked, people.Contact?.Language, people.Customer?.Language, firm.Language, "en" })
        {
            if (MessageLanguages.Normalize(language) is { } code)
            {
                yield return code;
            }
        }
    }

    private IEnumerable<KeyValuePair<string, object?>> StandardValues(People people)
    {
        yield return new("customer.name", people.Customer?.Name);
        yield return new("customer.email", people.Customer?.Email);
        yield return new("contact.name", people.Contact?.Name);
        yield return new("contact.email", people.Contact?.Email);
        yield return new("recipient.name", people.Contact?.Name ?? people.Customer?.Name);
        yield return new("account_manager.name", people.AccountManagerName);
        yield return new("account_manager.email", people.AccountManagerEmail);
        yield return new("firm.name", firm.Name);
    }

    private static async Task<People> LoadAsync(CrmDbContext db, TemplateRecipient recipient, CancellationToken cancellationToken)
    {
        if (recipient.CustomerId is null && recipient.ContactId is null)
        {
            return new People(null, null, null, null);
        }

        PersonRow? contact = null;
        if (recipient.ContactId is { } contactId)
        {
            contact = await db.Contacts.AsNoTracking().Where(c => c.Id == contactId)
                .Select(c => new PersonRow(c.CustomerId, c.Name, c.Email, c.Language, null))
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new ArgumentException($"There is no contact {contactId}.", nameof(recipient));
            if (recipient.CustomerId is { } given && given != contact.CustomerId)
            {
                throw new ArgumentException($"Contact {contactId} is not a contact of customer {given}.", nameof(recipient));
            }
        }

        var customerId = recipient.CustomerId ?? contact!.CustomerId;
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId)
            .Select(c => new PersonRow(c.Id, c.Name, c.Email, c.Language, c.OwnerUserId))
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new ArgumentException($"There is no customer {customerId}.", nameof(recipient));
        var manager = customer.OwnerUserId is { } ownerId
            ? await db.Users.AsNoTracking().Where(u => u.Id == ownerId).Select(u => new { Name = u.DisplayName ?? u.Email ?? u.UserName, u.Email }).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new People(customer, contact, manager?.Name, manager?.Email);
    }

    [GeneratedRegex(@"[\r\n]+\s*")]
    private static partial Regex LineBreaks();

    private sealed record PersonRow(long CustomerId, string Name, string? Email, string? Language, string? OwnerUserId);

    private sealed record People(PersonRow? Customer, PersonRow? Contact, string? AccountManagerName, string? AccountManagerEmail);
}
