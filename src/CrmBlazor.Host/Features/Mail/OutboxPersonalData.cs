using System.Text.Json;
using CrmBlazor.Data.Outbox;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Privacy;
using CrmBlazor.Sdk.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Mail;

/// <summary>
/// The messages the outbox holds about a person, for the personal-data export and erasure: those that
/// concern their customer record and those addressed to one of their e-mail addresses (an invitation
/// or a password reset sent to a colleague, a message a plugin queued without naming the customer).
/// </summary>
internal static class OutboxPersonalData
{
    /// <summary>
    /// The address an erased recipient's is replaced with. <c>.invalid</c> never resolves (RFC 2606),
    /// and a message addressed to it cannot be sent again from the outbox page.
    /// </summary>
    public const string ErasedAddress = "erased@erased.invalid";

    /// <summary>Whether a stored message's recipients were erased.</summary>
    /// <param name="message">The message.</param>
    public static bool IsErased(OutboxMessage message) =>
        OutboxMime.ReadRecipients(message.Recipients).All(r => r.Email == ErasedAddress);

    /// <summary>The messages about the person, oldest first, with their contents (attachments by name and size).</summary>
    /// <param name="db">The core's context.</param>
    /// <param name="customerId">The person's customer record, or null for a colleague.</param>
    /// <param name="emails">The person's e-mail addresses.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static async Task<IReadOnlyList<object>> ExportAsync(CrmDbContext db, long? customerId, IReadOnlyList<string> emails, CancellationToken cancellationToken)
    {
        var messages = await Of(db, customerId, emails).AsNoTracking().OrderBy(m => m.CreatedAt).ToListAsync(cancellationToken);
        var ids = messages.Select(m => m.Id).ToList();
        var attachments = (await db.OutboxAttachments.AsNoTracking().Where(a => ids.Contains(a.MessageId))
                .Select(a => new { a.MessageId, a.Position, a.FileName, a.ContentType, Size = a.Content.Length }).ToListAsync(cancellationToken))
            .ToLookup(a => a.MessageId);
        return
        [
            .. messages.Select(m => (object)new
            {
                m.Id,
                Kind = m.Kind.ToString(),
                State = m.State.ToString(),
                m.CreatedAt,
                m.SentAt,
                To = OutboxMime.ReadRecipients(m.Recipients),
                m.Subject,
                m.TextBody,
                m.HtmlBody,
                Attachments = attachments[m.Id].OrderBy(a => a.Position).Select(a => new { a.FileName, a.ContentType, a.Size }),
            }),
        ];
    }

    /// <summary>
    /// Removes the person from the stored messages: recipients become <see cref="ErasedAddress"/>, the
    /// bodies, extra headers and attachments go, the subject and the server's answers lose their name and
    /// addresses. A message not sent yet is cancelled, so it never reaches an erased person.
    /// </summary>
    /// <remarks>
    /// The messages are updated at once, in the caller's transaction, whatever their version: a delivery
    /// that changes one meanwhile gives way to the erasure (<see cref="OutboxDelivery.DeliverAsync"/>),
    /// never the reverse. Attachments and attempts are changed in the context: the caller saves.
    /// </remarks>
    /// <param name="db">The core's context.</param>
    /// <param name="customerId">The person's customer record, or null for a colleague.</param>
    /// <param name="subject">The person.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>How many messages were changed.</returns>
    public static async Task<int> EraseAsync(CrmDbContext db, long? customerId, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var mentions = PersonalDataRedaction.MentionsOf(subject);
        var messages = await Of(db, customerId, subject.Emails).AsNoTracking()
            .Select(m => new { m.Id, m.Recipients, m.Subject, m.LastError }).ToListAsync(cancellationToken);
        var ids = messages.Select(m => m.Id).ToList();
        foreach (var message in messages)
        {
            var recipients = JsonSerializer.Serialize(
                OutboxMime.ReadRecipients(message.Recipients).Select(_ => new OutboxMime.StoredRecipient(ErasedAddress, null)), JsonSerializerOptions.Web);
            var redactedSubject = PersonalDataRedaction.RedactText(message.Subject, mentions)!;
            var lastError = PersonalDataRedaction.RedactText(message.LastError, mentions);
            await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Recipients, recipients)
                .SetProperty(m => m.Subject, redactedSubject)
                .SetProperty(m => m.HtmlBody, PersonalDataRedaction.Erased)
                .SetProperty(m => m.TextBody, PersonalDataRedaction.Erased)
                .SetProperty(m => m.Headers, (string?)null)
                .SetProperty(m => m.LastError, lastError)
                .SetProperty(m => m.NextAttemptAt, m => (m.State == OutboxMessageState.Queued || m.State == OutboxMessageState.Sending || m.State == OutboxMessageState.NotSent) ? (DateTimeOffset?)null : m.NextAttemptAt)
                .SetProperty(m => m.State, m => (m.State == OutboxMessageState.Queued || m.State == OutboxMessageState.Sending || m.State == OutboxMessageState.NotSent) ? OutboxMessageState.Cancelled : m.State)
                .SetProperty(m => m.RowVersion, Guid.NewGuid()), cancellationToken);
        }

        db.OutboxAttachments.RemoveRange(await db.OutboxAttachments.Where(a => ids.Contains(a.MessageId)).ToListAsync(cancellationToken));
        foreach (var attempt in await db.OutboxAttempts.Where(a => ids.Contains(a.MessageId) && a.ServerAnswer != null).ToListAsync(cancellationToken))
        {
            attempt.ServerAnswer = PersonalDataRedaction.RedactText(attempt.ServerAnswer, mentions);
        }

        return messages.Count;
    }

    // Recipients are stored as JSON, where the serializer may escape an address's characters ('+' in
    // meena+crm@example.com): both spellings are looked for, without regard to case.
    private static IQueryable<OutboxMessage> Of(CrmDbContext db, long? customerId, IReadOnlyList<string> emails)
    {
        var spellings = PersonalDataRedaction.JsonSpellingsOf([.. emails.Where(e => !string.IsNullOrWhiteSpace(e))])
            .Select(s => "\"" + s.ToLowerInvariant() + "\"").Distinct(StringComparer.Ordinal).ToList();
        var query = db.OutboxMessages.Where(m => customerId != null && m.CustomerId == customerId);
        foreach (var spelling in spellings)
        {
#pragma warning disable CA1862 // Translated to SQL (lower(), instr/strpos), where no comparison overload exists.
            query = query.Union(db.OutboxMessages.Where(m => m.Recipients.ToLower().Contains(spelling)));
#pragma warning restore CA1862
        }

        return query;
    }
}
