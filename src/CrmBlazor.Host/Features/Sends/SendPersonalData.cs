using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Privacy;
using CrmBlazor.Sdk.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Sends;

/// <summary>
/// A customer's place in sends, for the personal-data export and erasure: each send keeps its
/// recipients' names and addresses (who received it, who was left out and why) and their unsubscribe
/// tokens. The messages themselves are the outbox's (<see cref="Mail.OutboxPersonalData"/>).
/// </summary>
internal static class SendPersonalData
{
    /// <summary>The customer's recipient rows, oldest send first, with the send's template and audience.</summary>
    public static async Task<IReadOnlyList<object>> ExportAsync(CrmDbContext db, long customerId, CancellationToken cancellationToken) =>
    [
        .. await db.MessageSendRecipients.AsNoTracking().Where(r => r.CustomerId == customerId)
            .Join(db.MessageSends.AsNoTracking(), r => r.SendId, s => s.Id, (r, s) => new { Recipient = r, Send = s })
            .OrderBy(x => x.Send.StartedAt).ThenBy(x => x.Recipient.Id)
            .Select(x => new
            {
                Send = x.Send.TemplateTitle,
                Audience = x.Send.AudienceName,
                x.Send.StartedAt,
                x.Recipient.ContactId,
                x.Recipient.Name,
                x.Recipient.Email,
                State = x.Recipient.State.ToString(),
                Reason = x.Recipient.Reason.ToString(),
                x.Recipient.QueuedAt,
                x.Recipient.Subject,
                x.Recipient.Language,
                x.Recipient.UnsubscribedAt,
            })
            .ToListAsync(cancellationToken),
    ];

    /// <summary>
    /// Removes the customer from every send: names and addresses go, the subject loses the names, the
    /// unsubscribe token stops working, and a recipient not reached yet is left out for want of an
    /// address, so a send still running never writes to an erased person. The consent's free-text
    /// source on the customer and its contacts goes too. The caller saves.
    /// </summary>
    /// <returns>How many recipient rows were changed.</returns>
    public static async Task<int> EraseAsync(CrmDbContext db, Customer customer, IReadOnlyList<Contact> contacts, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var mentions = PersonalDataRedaction.MentionsOf(subject);
        var rows = await db.MessageSendRecipients.Where(r => r.CustomerId == customer.Id).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            row.Name = PersonalDataRedaction.Erased;
            row.Email = null;
            row.Subject = PersonalDataRedaction.RedactText(row.Subject, mentions);
            row.UnsubscribeTokenHash = null;
            if (row.State == RecipientState.Pending)
            {
                row.State = RecipientState.LeftOut;
                row.Reason = LeftOutReason.NoEmail;
            }
        }

        foreach (var holder in contacts.Cast<IEmailConsentHolder>().Append(customer))
        {
            holder.EmailConsentSource = null;
        }

        return rows.Count;
    }
}
