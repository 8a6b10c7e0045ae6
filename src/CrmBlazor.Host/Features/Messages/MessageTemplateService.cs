using System.Security.Cryptography;
using CrmBlazor.Data;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Identity;
using CrmBlazor.Sdk.Data;
using CrmBlazor.Sdk.Messaging;
using CrmBlazor.Sdk.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Messages;

/// <summary>A template in the list of <c>/messages</c>.</summary>
/// <param name="OwnerId">Who registered it (<c>crm</c> for the core's and for campaign templates).</param>
/// <param name="Key">The key.</param>
/// <param name="Title">The title: a resource key of the owner for a registered template, the user's own for a campaign template.</param>
/// <param name="Kind">Transactional or campaign.</param>
/// <param name="IsCampaignTemplate">Whether a user made it (its title is not translated, it can be renamed and deleted).</param>
/// <param name="EditedLanguages">The languages the firm has its own wording in.</param>
/// <param name="CampaignTemplateId">The campaign template's id, or null for a registered template.</param>
public sealed record MessageTemplateSummary(string OwnerId, string Key, string Title, MessageKind Kind, bool IsCampaignTemplate,
    IReadOnlyList<string> EditedLanguages, long? CampaignTemplateId = null);

/// <summary>One language of a template in the editor.</summary>
/// <param name="Language">The language code.</param>
/// <param name="Text">The wording in use (the firm's, else the default), or null when the template has none in this language.</param>
/// <param name="Default">The registered default, or null.</param>
/// <param name="RowVersion">The firm's stored wording's version, or <see cref="Guid.Empty"/> when there is none.</param>
public sealed record MessageTemplateLanguage(string Language, MessageTemplateText? Text, MessageTemplateText? Default, Guid RowVersion)
{
    /// <summary>Whether the firm has its own wording in this language.</summary>
    public bool IsEdited => RowVersion != Guid.Empty;
}

/// <summary>A template as the editor shows it.</summary>
/// <param name="OwnerId">Who registered it.</param>
/// <param name="Template">The definition (for a campaign template: its title, kind and fields).</param>
/// <param name="Languages">Every language, in order.</param>
/// <param name="CampaignTemplateId">The campaign template's id, or null.</param>
/// <param name="CampaignRowVersion">The campaign template's version (for a rename or delete), or <see cref="Guid.Empty"/>.</param>
public sealed record MessageTemplateDetails(string OwnerId, MessageTemplateDefinition Template, IReadOnlyList<MessageTemplateLanguage> Languages,
    long? CampaignTemplateId, Guid CampaignRowVersion)
{
    /// <summary>Every field the template may use: the standard ones, then its own.</summary>
    public IEnumerable<MergeField> Fields => MessageTemplateDefinition.StandardFields.Concat(Template.Fields);
}

/// <summary>A preview: the rendered message, or why the texts cannot be rendered.</summary>
/// <param name="Message">The rendered message, or null.</param>
/// <param name="Problems">The problems of the texts, by input field.</param>
public sealed record MessageTemplatePreview(RenderedMessage? Message, IReadOnlyDictionary<string, Problem[]> Problems);

/// <summary>
/// The firm's wording of message templates (<c>/messages</c>): read, save per language (checked for Liquid
/// syntax and merge fields, concurrency-checked and audited), reset to the default, preview; and the
/// campaign templates users make. Changes need <see cref="CorePermissions.Messages"/>.
/// </summary>
public sealed class MessageTemplateService(
    IDbContextFactory<CrmDbContext> contexts, MessageTemplateCatalog catalog, MessageTemplates templates,
    CurrentUser currentUser, IAuthorizationService authorization, TimeProvider clock)
{
    private static readonly Problem VersionConflict =
        new("Someone else changed this message while you were editing it. Nothing was saved: reload and try again.");

    private static readonly Problem CampaignConflict =
        new("Someone else changed or deleted this campaign template meanwhile. Nothing was saved: reload and try again.");

    /// <summary>The registered templates and the campaign templates, with the languages the firm has edited.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<IReadOnlyList<MessageTemplateSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var edited = (await db.MessageTemplateVersions.AsNoTracking().Select(v => new { v.TemplateKey, v.Language }).ToListAsync(cancellationToken))
            .ToLookup(v => v.TemplateKey, v => v.Language, StringComparer.Ordinal);
        IReadOnlyList<string> Edited(string key) => [.. MessageLanguages.Codes.Where(edited[key].Contains)];
        var registered = catalog.All.Select(t => new MessageTemplateSummary(t.OwnerId, t.Template.Key, t.Template.Title, t.Template.Kind, false, Edited(t.Template.Key)));
        var campaigns = (await db.CampaignTemplates.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(t => t.Title, StringComparer.CurrentCulture)
            .Select(t => new MessageTemplateSummary(CrmDbContextOptions.CoreOwnerId, t.Key, t.Title, MessageKind.Campaign, true, Edited(t.Key), t.Id));
        return [.. registered, .. campaigns];
    }

    /// <summary>A template with its wording per language, or null when there is none with the key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<MessageTemplateDetails?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await templates.FindAsync(db, key, cancellationToken) is not { } found)
        {
            return null;
        }

        var stored = await db.MessageTemplateVersions.AsNoTracking().Where(v => v.TemplateKey == key).ToDictionaryAsync(v => v.Language, StringComparer.Ordinal, cancellationToken);
        var languages = MessageLanguages.Codes.Select(language =>
        {
            var fallback = found.Template.Defaults.GetValueOrDefault(language);
            return stored.TryGetValue(language, out var version)
                ? new MessageTemplateLanguage(language, version.ToText(), fallback, version.RowVersion)
                : new MessageTemplateLanguage(language, fallback, fallback, Guid.Empty);
        }).ToList();
        var campaign = key.StartsWith(CampaignTemplate.KeyPrefix, StringComparison.Ordinal)
            ? await db.CampaignTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Key == key, cancellationToken)
            : null;
        return new MessageTemplateDetails(found.OwnerId, found.Template, languages, campaign?.Id, campaign?.RowVersion ?? Guid.Empty);
    }

    /// <summary>
    /// Saves the firm's wording of a template in one language, used from then on instead of the default.
    /// Refused with the line and column when a text is not valid Liquid or uses a field that is neither
    /// standard nor the template's own.
    /// </summary>
    /// <param name="key">The template.</param>
    /// <param name="language">The language code.</param>
    /// <param name="input">The texts and the version the editor loaded (<see cref="Guid.Empty"/> for a first edit).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ChangeResult> SaveAsync(string key, string language, MessageTemplateInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        MessageTemplateDefinition? template = null;
        var change = db.Change<MessageTemplateVersion>()
            .Allow(CanEditAsync)
            .Validate(input, async (errors, ct) =>
            {
                template = (await templates.FindAsync(db, key, ct))?.Template;
                if (template is not null)
                {
                    AddTemplateErrors(template, input.ToText(), errors);
                }
            });
        change = input.RowVersion == Guid.Empty
            ? change.Create(() => new MessageTemplateVersion { TemplateKey = key, Language = language, Subject = string.Empty, HtmlBody = string.Empty })
                .Check(async (_, ct) => await db.MessageTemplateVersions.AnyAsync(v => v.TemplateKey == key && v.Language == language, ct)
                    ? ChangeResult.Conflict(VersionConflict)
                    : null)
            : change.Load(ct => db.MessageTemplateVersions.FirstOrDefaultAsync(v => v.TemplateKey == key && v.Language == language, ct))
                .Expect(input.RowVersion);
        return await change
            .Check(_ => template is null || MessageLanguages.Normalize(language) != language ? ChangeResult.NotFound() : null)
            .Apply(version =>
            {
                var text = input.ToText();
                version.Subject = text.Subject.Trim();
                version.HtmlBody = text.HtmlBody;
                version.TextBody = text.TextBody;
                version.UpdatedAt = clock.GetUtcNow();
            })
            .SaveAsync(VersionConflict, cancellationToken);
    }

    /// <summary>Removes the firm's wording in one language, so that the registered default is used again.</summary>
    /// <param name="key">The template.</param>
    /// <param name="language">The language code.</param>
    /// <param name="rowVersion">The version the editor loaded.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ChangeResult> ResetAsync(string key, string language, Guid rowVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<MessageTemplateVersion>()
            .Allow(CanEditAsync)
            .Load(ct => db.MessageTemplateVersions.FirstOrDefaultAsync(v => v.TemplateKey == key && v.Language == language, ct))
            .Expect(rowVersion)
            .Remove()
            .SaveAsync(VersionConflict, cancellationToken);
    }

    /// <summary>Checks texts and renders them for a customer and contact (or with the fields' examples), as they would be sent.</summary>
    /// <param name="key">The template.</param>
    /// <param name="language">The language of the texts.</param>
    /// <param name="input">The texts as they are in the editor.</param>
    /// <param name="recipient">The customer and contact, or none.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The message, or the texts' problems (or the refusal of a user without <see cref="CorePermissions.Messages"/>); null when the template does not exist.</returns>
    public async Task<MessageTemplatePreview?> PreviewAsync(string key, string language, MessageTemplateInput input, TemplateRecipient recipient, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);

        // A preview shows a customer's and their account manager's names and addresses.
        if (!await CanEditAsync(cancellationToken))
        {
            return new MessageTemplatePreview(null, ChangeResult.Forbidden().Errors);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await templates.FindAsync(db, key, cancellationToken) is not { } found || MessageLanguages.Normalize(language) != language)
        {
            return null;
        }

        var problems = InputValidation.Validate(input);
        AddTemplateErrors(found.Template, input.ToText(), problems);
        if (problems.Count > 0)
        {
            return new MessageTemplatePreview(null, problems);
        }

        try
        {
            var message = await templates.PreviewAsync(found.Template, language, input.ToText(), recipient, cancellationToken);
            return new MessageTemplatePreview(message, new Dictionary<string, Problem[]>());
        }
        catch (ArgumentException)
        {
            return new MessageTemplatePreview(null, new Dictionary<string, Problem[]> { [""] = [new Problem("The record no longer exists.")] });
        }
    }

    /// <summary>Makes a campaign template with a title; its wording is saved per language like any template's.</summary>
    /// <param name="input">The title.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Saved with the new template's id.</returns>
    public async Task<ChangeResult> CreateCampaignTemplateAsync(CampaignTemplateInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<CampaignTemplate>()
            .Allow(CanEditAsync)
            .Validate(input)
            .Create(() => new CampaignTemplate
            {
                Key = CampaignTemplate.KeyPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
                Title = string.Empty,
                CreatedAt = clock.GetUtcNow(),
            })
            .Apply(template => template.Title = input.Title.Trim())
            .SaveAsync(CampaignConflict, cancellationToken);
    }

    /// <summary>Renames a campaign template.</summary>
    /// <param name="id">The campaign template.</param>
    /// <param name="input">The title and the version loaded.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ChangeResult> RenameCampaignTemplateAsync(long id, CampaignTemplateInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<CampaignTemplate>()
            .Allow(CanEditAsync)
            .Validate(input)
            .Load(ct => db.CampaignTemplates.FirstOrDefaultAsync(t => t.Id == id, ct))
            .Expect(input.RowVersion)
            .Apply(template => template.Title = input.Title.Trim())
            .SaveAsync(CampaignConflict, cancellationToken);
    }

    /// <summary>Deletes a campaign template and its wording in every language.</summary>
    /// <param name="id">The campaign template.</param>
    /// <param name="rowVersion">The version loaded.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ChangeResult> DeleteCampaignTemplateAsync(long id, Guid rowVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<CampaignTemplate>()
            .Allow(CanEditAsync)
            .Load(ct => db.CampaignTemplates.FirstOrDefaultAsync(t => t.Id == id, ct))
            .Expect(rowVersion)
            .Apply(async (template, ct) =>
            {
                db.MessageTemplateVersions.RemoveRange(await db.MessageTemplateVersions.Where(v => v.TemplateKey == template.Key).ToListAsync(ct));
                db.CampaignTemplates.Remove(template);
                return null;
            })
            .SaveAsync(CampaignConflict, cancellationToken);
    }

    /// <summary>Whether the signed-in user may change messages.</summary>
    /// <param name="cancellationToken">Unused; the signature of a permission step.</param>
    public async Task<bool> CanEditAsync(CancellationToken cancellationToken = default) =>
        (await authorization.AuthorizeAsync(currentUser.Principal, CorePermissions.Messages)).Succeeded;

    // Each text's problem goes to its own field, so that the editor shows it under the text it is in.
    private static void AddTemplateErrors(MessageTemplateDefinition template, MessageTemplateText text, Dictionary<string, Problem[]> errors)
    {
        foreach (var problem in LiquidTemplates.CheckAll(template.Fields, text))
        {
            var field = problem.Part switch
            {
                TemplatePart.Subject => nameof(MessageTemplateInput.Subject),
                TemplatePart.HtmlBody => nameof(MessageTemplateInput.HtmlBody),
                _ => nameof(MessageTemplateInput.TextBody),
            };
            if (!errors.ContainsKey(field))
            {
                errors[field] = [problem.Problem];
            }
        }
    }
}
