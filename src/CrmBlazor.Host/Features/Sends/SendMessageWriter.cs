using System.Globalization;
using System.Net;
using CrmBlazor.Host.Features.Messages;
using CrmBlazor.Sdk.Messaging;
using Microsoft.Extensions.Localization;

namespace CrmBlazor.Host.Features.Sends;

/// <summary>
/// Writes one recipient's message of a send: the template rendered for them, and for a campaign the
/// personal unsubscribe link at the foot of both bodies and in the <c>List-Unsubscribe</c> headers
/// (RFC 2369 and RFC 8058 one-click), in the language the template was rendered in.
/// </summary>
public sealed class SendMessageWriter(IMessageTemplates templates, IStringLocalizer<SharedResource> L, IConfiguration configuration)
{
    /// <summary>The path of unsubscribe links; the token follows it.</summary>
    public const string UnsubscribePath = "/unsubscribe/";

    /// <summary>The message for a recipient, and the language it was written in.</summary>
    /// <param name="send">The send.</param>
    /// <param name="recipient">The recipient, with an address.</param>
    /// <param name="kind">The template's kind: campaigns carry the unsubscribe link.</param>
    /// <param name="unsubscribeToken">The recipient's token (campaigns), or null.</param>
    /// <param name="cancellationToken">Cancels the rendering.</param>
    public async Task<(OutgoingMessage Message, string Language)> WriteAsync(
        MessageSend send, MessageSendRecipient recipient, MessageKind kind, string? unsubscribeToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        ArgumentNullException.ThrowIfNull(recipient);
        var link = kind == MessageKind.Campaign
            ? UnsubscribeLink(send.PublicAddress, unsubscribeToken ?? throw new ArgumentException("A campaign message needs an unsubscribe token.", nameof(unsubscribeToken)))
            : null;

        // Campaign templates made on /messages may place the link themselves (unsubscribe.link); the foot
        // below carries it in every campaign message all the same.
        var fields = new Dictionary<string, object?>();
        if (link is not null)
        {
            fields[CampaignTemplate.UnsubscribeLink.Name] = link;
        }

        var rendered = await templates.RenderAsync(send.TemplateKey, new TemplateRecipient(recipient.CustomerId, recipient.ContactId), fields, cancellationToken);
        var html = rendered.HtmlBody;
        var text = rendered.TextBody;
        var headers = new Dictionary<string, string>();
        if (link is not null)
        {
            var (reason, unsubscribe) = FooterTexts(rendered.Language);
            var direction = CultureInfo.GetCultureInfo(rendered.Language).TextInfo.IsRightToLeft ? " dir=\"rtl\"" : "";
            html += $"<hr><p{direction} lang=\"{rendered.Language}\" style=\"font-size:12px;color:#555\">{WebUtility.HtmlEncode(reason)} "
                + $"<a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(unsubscribe)}</a></p>";
            text = $"{text}\n\n-- \n{reason}\n{unsubscribe}: {link}\n";
            headers["List-Unsubscribe"] = $"<{link}>";
            headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
        }

        var message = new OutgoingMessage
        {
            To = [new MessageAddress(recipient.Email!, recipient.Name)],
            Subject = rendered.Subject,
            HtmlBody = html,
            TextBody = text,
            CustomerId = recipient.CustomerId,
            ContactId = recipient.ContactId,
            IdempotencyKey = recipient.MessageKey,
            Kind = kind,
            Headers = headers,
        };
        return (message, rendered.Language);
    }

    /// <summary>The absolute unsubscribe link of a token.</summary>
    /// <param name="publicAddress">The CRM's address, e.g. <c>https://crm.example/</c>.</param>
    /// <param name="token">The token.</param>
    public static string UnsubscribeLink(string publicAddress, string token)
    {
        ArgumentNullException.ThrowIfNull(publicAddress);
        return publicAddress.TrimEnd('/') + UnsubscribePath + Uri.EscapeDataString(token);
    }

    private (string Reason, string Unsubscribe) FooterTexts(string language)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            var firm = configuration["Crm:Firm:Name"] is { Length: > 0 } name ? name : "CrmBlazor";
            return (L["You receive this message because you agreed to receive e-mails from {0}.", firm], L["Unsubscribe"]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
