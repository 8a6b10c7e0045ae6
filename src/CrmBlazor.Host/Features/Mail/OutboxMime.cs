using System.Text.Json;
using CrmBlazor.Data.Outbox;
using MimeKit;

namespace CrmBlazor.Host.Features.Mail;

/// <summary>Turns a stored message into the MIME message sent on every attempt (the same Message-ID each time).</summary>
internal static class OutboxMime
{
    public static MimeMessage Build(OutboxMessage message, IReadOnlyList<OutboxAttachment> attachments, MailSettings settings, DateTimeOffset now)
    {
        var mime = new MimeMessage
        {
            MessageId = message.MessageIdHeader,
            Date = now,
            Subject = message.Subject,
        };
        mime.From.Add(new MailboxAddress(settings.FromName, settings.From ?? throw new InvalidOperationException("Mail:From is not configured.")));
        foreach (var recipient in ReadRecipients(message.Recipients))
        {
            mime.To.Add(new MailboxAddress(recipient.Name, recipient.Email));
        }

        if (message.Headers is { } headers)
        {
            foreach (var (name, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(headers) ?? [])
            {
                mime.Headers.Add(name, value);
            }
        }

        var body = new BodyBuilder { HtmlBody = message.HtmlBody, TextBody = message.TextBody };
        foreach (var attachment in attachments.OrderBy(a => a.Position))
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }

    public static string WriteRecipients(IEnumerable<Sdk.Messaging.MessageAddress> recipients) =>
        JsonSerializer.Serialize(recipients.Select(r => new StoredRecipient(r.Email, r.Name)), JsonSerializerOptions.Web);

    public static IReadOnlyList<StoredRecipient> ReadRecipients(string json) =>
        JsonSerializer.Deserialize<StoredRecipient[]>(json, JsonSerializerOptions.Web) ?? [];

    public sealed record StoredRecipient(string Email, string? Name);
}
