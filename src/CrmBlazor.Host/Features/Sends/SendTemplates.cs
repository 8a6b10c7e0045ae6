using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Messages;
using CrmBlazor.Sdk.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Sends;

/// <summary>A template people can send to a contact or a segment.</summary>
/// <param name="Key">The template's key.</param>
/// <param name="OwnerId">The core (<c>crm</c>) or the plugin that registered it.</param>
/// <param name="Title">Its title: a registered template's in English (translate it with the owner's resources), a campaign template's as its author wrote it.</param>
/// <param name="Kind">Campaign or transactional.</param>
public sealed record SendTemplate(string Key, string OwnerId, string Title, MessageKind Kind);

/// <summary>
/// The templates sends use: the campaign templates people made on <c>/messages</c> and those the core and
/// the loaded plugins register.
/// </summary>
public sealed class SendTemplates(IDbContextFactory<CrmDbContext> contexts, MessageTemplates templates, MessageTemplateCatalog catalog)
{
    /// <summary>The campaign templates, by title.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<SendTemplate>> CampaignsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var made = await db.CampaignTemplates.AsNoTracking().Select(t => new { t.Key, t.Title }).ToListAsync(cancellationToken);
        return [.. made.Select(t => new SendTemplate(t.Key, "crm", t.Title, MessageKind.Campaign))
            .Concat(catalog.All.Where(t => t.Template.Kind == MessageKind.Campaign)
                .Select(t => new SendTemplate(t.Template.Key, t.OwnerId, t.Template.Title, t.Template.Kind)))
            .OrderBy(t => t.Title, StringComparer.CurrentCulture)];
    }

    /// <summary>A template by key (made or registered), or null.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<SendTemplate?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await templates.FindAsync(db, key, cancellationToken) is { } found
            ? new SendTemplate(found.Template.Key, found.OwnerId, found.Template.Title, found.Template.Kind)
            : null;
    }
}
