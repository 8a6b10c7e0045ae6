using CrmBlazor.Plugins.Surveys.Data;
using CrmBlazor.Plugins.Surveys.Features.Sending;
using CrmBlazor.Sdk.Audiences;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Jobs;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Surveys.Jobs;

/// <summary>
/// Sends a survey to a segment (<see cref="SurveySend"/>): one invitation and its message per person with an
/// e-mail address, each saved in its own transaction together with the send's count, so that the page shows
/// progress and a crash loses at most the person being written. Run again after a crash (or twice), it asks
/// the outbox which of the send's messages are already stored (their idempotency keys name the send and the
/// person) and invites only the others: everyone gets exactly one mail per send.
/// </summary>
/// <remarks>
/// People holding an unanswered link to the survey that has not expired are skipped and counted; on an
/// anonymous survey invitations record nobody, so nobody is skipped for that reason.
/// </remarks>
public sealed class SegmentSendJob(IDbContextFactory<SurveysDbContext> contexts, IAudienceDirectory audiences, IContactDirectory contacts, InvitationMail mail, TimeProvider clock) : IPluginJob
{
    /// <summary>The job's key.</summary>
    public const string Key = "segment-send";

    /// <summary>Why a send stopped: the survey was closed before it ran.</summary>
    public const string NotOpenMessage = "The survey is no longer open.";

    /// <summary>Why a send stopped: no link can be mailed without the CRM's public address.</summary>
    public const string NoPublicUrlMessage = "The CRM's public address (Crm:PublicUrl) is not set, so no link can be mailed.";

    // The outbox answers for at most this many keys at a time.
    private const int StatusBatch = 1000;

    /// <summary>The job's arguments.</summary>
    /// <param name="SendId">The send.</param>
    public sealed record Arguments(Guid SendId);

    /// <inheritdoc />
    public async Task RunAsync(JobRunContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sendId = context.GetArguments<Arguments>().SendId;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var send = await db.Sends.FirstOrDefaultAsync(s => s.Id == sendId, cancellationToken);
        if (send is null || send.FinishedAt is not null)
        {
            return;
        }

        var survey = await db.Surveys.AsNoTracking().FirstAsync(s => s.Id == send.SurveyId, cancellationToken);
        var now = clock.GetUtcNow();
        if (survey.State != SurveyState.Open || mail.PublicUrl is null)
        {
            send.Stopped = survey.State != SurveyState.Open ? NotOpenMessage : NoPublicUrlMessage;
            send.FinishedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var people = SendingService.Distinct(await audiences.GetRecipientsAsync(send.AudienceId, cancellationToken));
        var addressable = people.Where(p => InvitationMail.IsAddress(p.Email)).ToList();
        var queued = await QueuedAsync(db, send.Id, addressable, cancellationToken);
        var holding = survey.IsAnonymous ? [] : await HoldingAsync(db, survey.Id, now, cancellationToken);
        var pending = addressable.Where(p => !queued.Contains(MessageKeys.Send(send.Id, p.CustomerId, p.ContactId))).ToList();
        var toInvite = pending.Where(p => !holding.Contains((p.CustomerId, p.ContactId))).ToList();

        send.Recipients = people.Count;
        send.WithoutEmail = people.Count - addressable.Count;
        send.AlreadyInvited = pending.Count - toInvite.Count;
        await db.SaveChangesAsync(cancellationToken);

        var languages = await LanguagesAsync(toInvite, cancellationToken);
        var done = 0;
        foreach (var person in toInvite)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var language = person.ContactId is { } contactId ? languages.GetValueOrDefault(contactId) : null;
            var to = new InvitationRecipient(person.CustomerId, person.ContactId, person.Name, person.Email!, language);
            var invitation = new SurveyInvitation();
            db.Invitations.Add(invitation);
            await mail.QueueInvitationAsync(db, invitation, survey, to, InvitationMail.LanguageFor(survey, to.Language), send.ValidDays,
                MessageKeys.Send(send.Id, person.CustomerId, person.ContactId), send.StartedByUserId, cancellationToken);
            send.Invited++;
            await db.SaveChangesAsync(cancellationToken);
            db.Entry(invitation).State = EntityState.Detached;
            done++;
            if (done % 20 == 0)
            {
                await context.ReportProgressAsync(done * 100 / toInvite.Count, cancellationToken: cancellationToken);
            }
        }

        send.FinishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await context.ReportProgressAsync(100, cancellationToken: cancellationToken);
    }

    private static async Task<HashSet<string>> QueuedAsync(SurveysDbContext db, Guid sendId, List<AudienceRecipient> people, CancellationToken cancellationToken)
    {
        var queued = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in people.Select(p => MessageKeys.Send(sendId, p.CustomerId, p.ContactId)).Chunk(StatusBatch))
        {
            queued.UnionWith((await db.GetMessageStatusesAsync(batch, cancellationToken)).Keys);
        }

        return queued;
    }

    private static async Task<HashSet<(long CustomerId, long? ContactId)>> HoldingAsync(SurveysDbContext db, long surveyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await db.Invitations.AsNoTracking()
            .Where(i => i.SurveyId == surveyId && !i.IsAnswered && i.ExpiresAt > now && i.CustomerId != null)
            .Select(i => new { i.CustomerId, i.ContactId })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.CustomerId!.Value, r.ContactId))];
    }

    // The contacts' languages (their own, else their customer's); a person customer reads the survey's first language.
    private async Task<Dictionary<long, string?>> LanguagesAsync(List<AudienceRecipient> people, CancellationToken cancellationToken)
    {
        var languages = new Dictionary<long, string?>();
        foreach (var batch in people.Where(p => p.ContactId is not null).Select(p => p.ContactId!.Value).Distinct().Chunk(StatusBatch))
        {
            foreach (var (id, contact) in await contacts.GetManyAsync(batch, cancellationToken))
            {
                languages[id] = contact.Language;
            }
        }

        return languages;
    }
}
