using CrmBlazor.Sdk.Data;
using CrmBlazor.Sdk.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBlazor.Host.Features.Messages;

/// <summary>
/// The firm's own wording of a template in one language, used instead of the registered default; for a
/// campaign template, its only wording. One per template and language.
/// </summary>
public sealed class MessageTemplateVersion : IVersionedEntity
{
    /// <summary>Longest HTML or text body kept.</summary>
    public const int BodyLength = 100_000;

    /// <summary>Longest template key.</summary>
    public const int KeyLength = 128;

    /// <summary>The id.</summary>
    public long Id { get; set; }

    /// <summary>The template's key (<see cref="MessageTemplateDefinition.Key"/>, or a campaign template's).</summary>
    public required string TemplateKey { get; set; }

    /// <summary>The language code (<c>en</c>, <c>ta</c>, …).</summary>
    public required string Language { get; set; }

    /// <summary>The subject, a Liquid template.</summary>
    public required string Subject { get; set; }

    /// <summary>The HTML body, a Liquid template.</summary>
    public required string HtmlBody { get; set; }

    /// <summary>The text body, a Liquid template, or null to derive it from the HTML.</summary>
    public string? TextBody { get; set; }

    /// <summary>When it was last saved.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <inheritdoc />
    public Guid RowVersion { get; set; }

    /// <summary>The texts as the renderer takes them.</summary>
    public MessageTemplateText ToText() => new(Subject, HtmlBody, TextBody);
}

/// <summary>A template a user made for campaigns: a title, and its wording per language in <see cref="MessageTemplateVersion"/>.</summary>
public sealed class CampaignTemplate : IVersionedEntity
{
    /// <summary>The start of every campaign template's key; <c>crm</c> is the core's, so no plugin's key can take it.</summary>
    public const string KeyPrefix = "crm.campaign.";

    /// <summary>Longest title.</summary>
    public const int TitleLength = 200;

    /// <summary>The field the campaign sender fills with each recipient's personal unsubscribe link.</summary>
    public static MergeField UnsubscribeLink { get; } = new("unsubscribe.link", "Personal unsubscribe link", "https://crm.example/unsubscribe/…");

    /// <summary>The id.</summary>
    public long Id { get; set; }

    /// <summary>The key its versions and the campaign sender name it by: <see cref="KeyPrefix"/> and a random part.</summary>
    public required string Key { get; set; }

    /// <summary>The title the user gave it.</summary>
    public required string Title { get; set; }

    /// <summary>When it was made.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <inheritdoc />
    public Guid RowVersion { get; set; }

    /// <summary>The template as the renderer sees it: standard fields and the unsubscribe link, no defaults.</summary>
    public MessageTemplateDefinition ToDefinition() => new()
    {
        Key = Key,
        Title = Title,
        Kind = MessageKind.Campaign,
        Fields = [UnsubscribeLink],
        Defaults = new Dictionary<string, MessageTemplateText>(),
    };
}

internal sealed class MessageTemplateVersionConfiguration : IEntityTypeConfiguration<MessageTemplateVersion>
{
    public void Configure(EntityTypeBuilder<MessageTemplateVersion> e)
    {
        e.ToTable("crm_message_template_versions");
        e.Property(v => v.TemplateKey).HasMaxLength(MessageTemplateVersion.KeyLength);
        e.Property(v => v.Language).HasMaxLength(10);
        e.Property(v => v.Subject).HasMaxLength(OutgoingMessage.MaxSubjectLength);
        e.Property(v => v.HtmlBody).HasMaxLength(MessageTemplateVersion.BodyLength);
        e.Property(v => v.TextBody).HasMaxLength(MessageTemplateVersion.BodyLength);
        e.HasIndex(v => new { v.TemplateKey, v.Language }).IsUnique();
    }
}

internal sealed class CampaignTemplateConfiguration : IEntityTypeConfiguration<CampaignTemplate>
{
    public void Configure(EntityTypeBuilder<CampaignTemplate> e)
    {
        e.ToTable("crm_campaign_templates");
        e.Property(t => t.Key).HasMaxLength(MessageTemplateVersion.KeyLength);
        e.Property(t => t.Title).HasMaxLength(CampaignTemplate.TitleLength);
        e.HasIndex(t => t.Key).IsUnique();
    }
}
