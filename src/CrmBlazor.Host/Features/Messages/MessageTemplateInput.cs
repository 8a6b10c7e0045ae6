using System.ComponentModel.DataAnnotations;
using CrmBlazor.Sdk.Messaging;
using CrmBlazor.Sdk.Results;

namespace CrmBlazor.Host.Features.Messages;

/// <summary>The firm's wording of a template in one language, as the editor sends it.</summary>
public sealed class MessageTemplateInput
{
    /// <summary>The subject, a Liquid template.</summary>
    [Required(ErrorMessage = "Enter a subject.")]
    [StringLength(OutgoingMessage.MaxSubjectLength, ErrorMessage = "The subject can be at most 998 characters long.")]
    public string Subject { get; set; } = string.Empty;

    /// <summary>The HTML body, a Liquid template.</summary>
    [Required(ErrorMessage = "Enter the message.")]
    [StringLength(InputLimits.Longest, ErrorMessage = "The message can be at most 8000 characters long.")]
    [MultilineText]
    public string HtmlBody { get; set; } = string.Empty;

    /// <summary>The text body, or empty to derive it from the HTML body.</summary>
    [StringLength(InputLimits.Longest, ErrorMessage = "The text version can be at most 8000 characters long.")]
    [MultilineText]
    public string? TextBody { get; set; }

    /// <summary>The version the editor loaded, or <see cref="Guid.Empty"/> when the firm had not edited this language yet.</summary>
    public Guid RowVersion { get; set; }

    /// <summary>The texts as the renderer takes them.</summary>
    public MessageTemplateText ToText() => new(Subject ?? string.Empty, HtmlBody ?? string.Empty, string.IsNullOrWhiteSpace(TextBody) ? null : TextBody);

    /// <summary>The input for a version's texts.</summary>
    /// <param name="text">The texts.</param>
    /// <param name="rowVersion">The stored version's row version, or <see cref="Guid.Empty"/>.</param>
    public static MessageTemplateInput From(MessageTemplateText text, Guid rowVersion)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new MessageTemplateInput { Subject = text.Subject, HtmlBody = text.HtmlBody, TextBody = text.TextBody, RowVersion = rowVersion };
    }
}

/// <summary>A campaign template's title, as the user enters it.</summary>
public sealed class CampaignTemplateInput
{
    /// <summary>The title.</summary>
    [Required(ErrorMessage = "Enter a title.")]
    [StringLength(CampaignTemplate.TitleLength, ErrorMessage = "The title can be at most 200 characters long.")]
    public string Title { get; set; } = string.Empty;

    /// <summary>The version loaded, for a rename.</summary>
    public Guid RowVersion { get; set; }
}
