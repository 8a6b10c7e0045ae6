using CrmBlazor.Plugins.Surveys.Data;
using CrmBlazor.Plugins.Surveys.Features.Sending;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Jobs;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Surveys.Jobs;

/// <summary>
/// Daily: reminds once every unanswered invitation that has not expired, of an open named survey whose
/// "remind after N days" has passed since the invitation. Each reminder is saved in its own transaction:
/// the invitation is marked reminded only if nobody did meanwhile (a conditional update on
/// <see cref="SurveyInvitation.RemindedAt"/>) and the message carries the key <c>surveys:reminder:{id}</c>,
/// so two runs at once or a run after a crash send each reminder once. Anonymous surveys are never reminded:
/// reminding only those who have not answered would tell who has.
/// </summary>
public sealed class ReminderJob(IDbContextFactory<SurveysDbContext> contexts, IContactDirectory contacts, ICustomerDirectory customers, InvitationMail mail, TimeProvider clock) : IPluginJob
{
    /// <summary>The job's key.</summary>
    public const string Key = "reminders";

    /// <summary>When it runs: every day at 07:00 UTC.</summary>
    public const string Cron = "0 7 * * *";

    /// <inheritdoc />
    public async Task RunAsync(JobRunContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (mail.PublicUrl is null)
        {
            await context.ReportProgressAsync(100, "Crm:PublicUrl is not set: no reminder can carry a link.", cancellationToken);
            return;
        }

        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var surveys = await db.Surveys.AsNoTracking()
            .Where(s => s.State == SurveyState.Open && !s.IsAnonymous && s.RemindAfterDays > 0)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var survey in surveys)
        {
            var due = now.AddDays(-survey.RemindAfterDays);
            var ids = await db.Invitations.AsNoTracking()
                .Where(i => i.SurveyId == survey.Id && !i.IsAnswered && i.RemindedAt == null && i.ExpiresAt > now && i.CreatedAt <= due && i.CustomerId != null)
                .OrderBy(i => i.Id).Select(i => i.Id)
                .ToListAsync(cancellationToken);
            foreach (var id in ids)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (await RemindAsync(db, survey, id, cancellationToken))
                {
                    sent++;
                }
            }
        }

        await context.ReportProgressAsync(100, $"{sent} reminder(s) queued", cancellationToken);
    }

    private async Task<bool> RemindAsync(SurveysDbContext db, Survey survey, long invitationId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId && !i.IsAnswered && i.RemindedAt == null, cancellationToken);
        var to = invitation is null ? null : await RecipientAsync(invitation, cancellationToken);
        if (invitation is null || to is null)
        {
            return false;
        }

        await mail.QueueReminderAsync(db, invitation, survey, to, MessageKeys.Reminder(invitation.Id), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another run reminded it first; its save held the message, this one's is dropped with the rollback.
            return false;
        }
    }

    // Written to where the invitation went: the contact (if still in use, with an address), or a person customer's own address.
    private async Task<InvitationRecipient?> RecipientAsync(SurveyInvitation invitation, CancellationToken cancellationToken)
    {
        if (invitation.ContactId is { } contactId)
        {
            var contact = await contacts.GetAsync(contactId, cancellationToken);
            return contact is { IsArchived: false } && InvitationMail.IsAddress(contact.Email)
                ? new InvitationRecipient(contact.CustomerId, contact.Id, contact.Name, contact.Email!, contact.Language)
                : null;
        }

        var billing = await customers.GetBillingRecipientAsync(invitation.CustomerId!.Value, cancellationToken);
        return billing is { ContactId: null } ? new InvitationRecipient(billing.CustomerId, null, billing.Name, billing.Email, null) : null;
    }
}
