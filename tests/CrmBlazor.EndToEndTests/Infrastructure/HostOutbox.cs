using Microsoft.Data.Sqlite;

namespace CrmBlazor.EndToEndTests.Infrastructure;

/// <summary>
/// Puts a message into the running host's mail outbox as the host keeps one it could not send for want of
/// a mail server (state <c>NotSent</c>, one attempt <c>NoMailServer</c>), with an attachment: what an
/// administrator finds on the outbox page of a CRM without SMTP. Written into the host's SQLite database
/// (the end-to-end host has no page that queues mail), with the host's own storage of ids (upper-case
/// text) and instants (UTC ticks).
/// </summary>
public static class HostOutbox
{
    /// <summary>What a queued message holds.</summary>
    /// <param name="Subject">The subject.</param>
    /// <param name="RecipientName">The recipient's name.</param>
    /// <param name="RecipientEmail">The recipient's address.</param>
    /// <param name="HtmlBody">The HTML body.</param>
    /// <param name="TextBody">The plain-text body.</param>
    /// <param name="AttachmentName">The attachment's file name.</param>
    /// <param name="AttachmentType">The attachment's MIME type.</param>
    /// <param name="Attachment">The attachment's bytes.</param>
    public sealed record Message(
        string Subject, string RecipientName, string RecipientEmail, string HtmlBody, string TextBody,
        string AttachmentName, string AttachmentType, byte[] Attachment);

    /// <summary>The answer the host records when no mail server is configured.</summary>
    public const string NoMailServerAnswer = "No mail server is configured (Mail:Smtp:Host).";

    /// <summary>
    /// An invoice in Urdu (right to left, with a Latin invoice number and an amount inside it), its PDF
    /// attached under an Urdu file name: what an accountant's send would queue for an Urdu-speaking customer.
    /// </summary>
    /// <param name="word">A word that makes the subject unique (Latin letters and digits).</param>
    public static Message UrduInvoice(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return new Message(
            Subject: $"انوائس {word} — ادائیگی کی یاد دہانی",
            RecipientName: "عائشہ صدیقی",
            RecipientEmail: $"ayesha.siddiqui+{word.ToLowerInvariant()}@lahore.example",
            HtmlBody: $"""
                <!DOCTYPE html>
                <html lang="ur" dir="rtl">
                <head><meta charset="utf-8"><title>انوائس {word}</title></head>
                <body style="font-family: 'Noto Naskh Arabic', serif; line-height: 1.8; margin: 1.5rem; color: #1b1b1b">
                <h1 style="font-size: 1.4rem">محترمہ عائشہ صدیقی،</h1>
                <p>آپ کی انوائس <bdi dir="ltr">{word}</bdi> اس پیغام کے ساتھ منسلک ہے۔ واجب الادا رقم: <bdi dir="ltr">Rs 1,25,000.00</bdi></p>
                <p>براہ کرم ادائیگی <strong>۱۵ دسمبر</strong> تک کر دیں۔</p>
                <p>شکریہ،<br>سمرقند ایڈوائزری</p>
                </body>
                </html>
                """,
            TextBody: $"محترمہ عائشہ صدیقی،\n\nآپ کی انوائس {word} اس پیغام کے ساتھ منسلک ہے۔ واجب الادا رقم: Rs 1,25,000.00\n\nشکریہ،\nسمرقند ایڈوائزری",
            AttachmentName: $"انوائس-{word}.pdf",
            AttachmentType: "application/pdf",
            Attachment: "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray());
    }

    /// <summary>Adds the message as not sent, and returns its id.</summary>
    /// <param name="host">The running host.</param>
    /// <param name="message">The message.</param>
    public static async Task<Guid> AddNotSentAsync(CrmHostProcess host, Message message)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(message);
        var id = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        var recipients = System.Text.Json.JsonSerializer.Serialize(new[] { new { email = message.RecipientEmail, name = message.RecipientName } });

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(host.DataDirectory, "crm.db")}");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, transaction, """
            INSERT INTO crm_outbox_messages ("Id", "IdempotencyKey", "Owner", "Kind", "Recipients", "Subject", "HtmlBody", "TextBody", "Headers",
                "CustomerId", "ContactId", "State", "Attempts", "CreatedAt", "NextAttemptAt", "SentAt", "LastError", "MessageIdHeader", "RowVersion")
            VALUES (@id, @key, 'crm', 'Transactional', @recipients, @subject, @html, @text, NULL,
                NULL, NULL, 'NotSent', 1, @created, NULL, NULL, @answer, @messageId, @version)
            """,
            ("@id", Text(id)), ("@key", "e2e:" + id.ToString("N")), ("@recipients", recipients), ("@subject", message.Subject),
            ("@html", message.HtmlBody), ("@text", message.TextBody), ("@created", now.UtcTicks), ("@answer", NoMailServerAnswer),
            ("@messageId", $"<{id:N}@crm.test>"), ("@version", Text(Guid.NewGuid())));
        await ExecuteAsync(connection, transaction, """
            INSERT INTO crm_outbox_attachments ("Id", "MessageId", "Position", "FileName", "ContentType", "Content")
            VALUES (@id, @message, 0, @name, @type, @content)
            """,
            ("@id", Text(Guid.NewGuid())), ("@message", Text(id)), ("@name", message.AttachmentName), ("@type", message.AttachmentType),
            ("@content", message.Attachment));
        await ExecuteAsync(connection, transaction, """
            INSERT INTO crm_outbox_attempts ("MessageId", "AttemptedAt", "Outcome", "ServerAnswer") VALUES (@message, @at, 'NoMailServer', @answer)
            """,
            ("@message", Text(id)), ("@at", now.UtcTicks), ("@answer", NoMailServerAnswer));
        await transaction.CommitAsync();
        return id;
    }

    // How EF Core's SQLite provider stores a Guid.
    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        if (await command.ExecuteNonQueryAsync() != 1)
        {
            throw new InvalidOperationException("The message could not be added: " + sql);
        }
    }
}
