using CrmBlazor.Plugins.Surveys.Data;
using CrmBlazor.Plugins.Surveys.Features.Shared;
using CrmBlazor.Plugins.Surveys.Jobs;
using CrmBlazor.Sdk.Audiences;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Data;
using CrmBlazor.Sdk.Jobs;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Surveys.Features.Sending;

/// <summary>What the send page shows of a survey.</summary>
/// <param name="Survey">The survey (read only).</param>
/// <param name="OnProjectCompleted">Whether it is the survey a completed project sends.</param>
/// <param name="ProjectCompletedHeldBy">The name of another survey that holds that trigger, or null.</param>
/// <param name="Audiences">The segments it can be sent to.</param>
/// <param name="Sends">Its latest sends to segments, newest first.</param>
/// <param name="CanMail">Whether the CRM's public address is set, without which no link can be mailed.</param>
public sealed record SendingView(Survey Survey, bool OnProjectCompleted, string? ProjectCompletedHeldBy, IReadOnlyList<AudienceInfo> Audiences, IReadOnlyList<SurveySend> Sends, bool CanMail);

/// <summary>A segment's people as a send would reach them.</summary>
/// <param name="People">Everyone to write to.</param>
/// <param name="WithEmail">Those with an e-mail address.</param>
public sealed record AudienceReach(int People, int WithEmail);

/// <summary>A send started: the result, and the send's id when it was queued.</summary>
/// <param name="Result">Saved, or why not.</param>
/// <param name="SendId">The send, to follow on the page.</param>
public sealed record SendStarted(ChangeResult Result, Guid? SendId);

/// <summary>
/// Sending a survey: the send page's data, a send to a segment (queued as <see cref="SegmentSendJob"/>), and
/// the settings that send it without a manager: the reminder after N days and the project-completed trigger.
/// Every method needs <see cref="SurveysPermissions.Manage"/>.
/// </summary>
public sealed class SendingService(
    IDbContextFactory<SurveysDbContext> contexts,
    SurveysAccess access,
    IAudienceDirectory audiences,
    IContactDirectory contacts,
    IJobScheduler jobs,
    InvitationMail mail,
    TimeProvider clock)
{
    private static readonly Problem Conflict = new("Someone else changed this survey meanwhile. Nothing was saved: reload and try again.");

    /// <summary>The send page's data, or null when there is no such survey.</summary>
    /// <param name="surveyId">The survey.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="UnauthorizedAccessException">The user may not send surveys.</exception>
    public async Task<SendingView?> GetAsync(long surveyId, CancellationToken cancellationToken = default)
    {
        await DemandAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == surveyId, cancellationToken);
        if (survey is null)
        {
            return null;
        }

        var trigger = await db.Triggers.AsNoTracking().FirstOrDefaultAsync(t => t.Event == SurveyTrigger.ProjectCompleted, cancellationToken);
        var heldBy = trigger is null || trigger.SurveyId == surveyId
            ? null
            : await db.Surveys.Where(s => s.Id == trigger.SurveyId).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);
        var sends = await SendsAsync(db, surveyId, cancellationToken);
        return new SendingView(survey, trigger?.SurveyId == surveyId, heldBy, await audiences.ListAsync(cancellationToken), sends, mail.PublicUrl is not null);
    }

    /// <summary>The latest sends of a survey, newest first, for the page to follow.</summary>
    /// <param name="surveyId">The survey.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<SurveySend>> GetSendsAsync(long surveyId, CancellationToken cancellationToken = default)
    {
        await DemandAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await SendsAsync(db, surveyId, cancellationToken);
    }

    /// <summary>A customer's contacts that can be invited (not archived), primary first.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<ContactSummary>> ContactsAsync(long customerId, CancellationToken cancellationToken = default)
    {
        await DemandAsync(cancellationToken);
        return await contacts.ListAsync(customerId, cancellationToken);
    }

    /// <summary>How many people of a segment a send reaches, and how many of them have an e-mail address.</summary>
    /// <param name="audienceId">The segment.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<AudienceReach> ReachAsync(long audienceId, CancellationToken cancellationToken = default)
    {
        await DemandAsync(cancellationToken);
        var people = Distinct(await audiences.GetRecipientsAsync(audienceId, cancellationToken));
        return new AudienceReach(people.Count, people.Count(p => InvitationMail.IsAddress(p.Email)));
    }

    /// <summary>
    /// Starts sending an open survey to a segment: records the send and queues <see cref="SegmentSendJob"/>,
    /// which invites everyone with an e-mail address who holds no unanswered, unexpired link to the survey.
    /// </summary>
    /// <param name="surveyId">The survey.</param>
    /// <param name="input">The segment and how long the links work.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<SendStarted> StartSegmentSendAsync(long surveyId, SegmentSendInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        Survey? survey = null;
        AudienceInfo? audience = null;
        var sendId = Guid.NewGuid();
        var result = await db.Change<SurveySend>()
            .Allow(access.CanManageAsync)
            .Validate(input, async (errors, ct) =>
            {
                audience = (await audiences.ListAsync(ct)).FirstOrDefault(a => a.Id == input.AudienceId);
                if (input.AudienceId > 0 && audience is null)
                {
                    errors[nameof(input.AudienceId)] = [new Problem("This segment no longer exists.")];
                }

                survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == surveyId, ct);
            })
            .Create(() => new SurveySend { Id = sendId, AudienceName = string.Empty })
            .Check(_ => survey is null ? ChangeResult.NotFound() : null)
            .Check(_ => survey!.State == SurveyState.Open ? null : new Problem("Only an open survey can be sent."))
            .Check(_ => mail.PublicUrl is null ? InvitationMail.NoPublicUrl : null)
            .Apply(send =>
            {
                send.SurveyId = surveyId;
                send.AudienceId = audience!.Id;
                send.AudienceName = audience.Name.Length > 200 ? audience.Name[..200] : audience.Name;
                send.ValidDays = input.ValidDays;
                send.StartedAt = clock.GetUtcNow();
                send.StartedByUserId = access.UserId;
            })
            .ResultId(send => send.SurveyId) // a send's key is a Guid, given with SendStarted.SendId
            .SaveAsync(Conflict, cancellationToken);
        if (result.Status != ChangeStatus.Saved)
        {
            return new SendStarted(result, null);
        }

        // Queued after the send is stored, so the job always finds it; the run id only lets the page tell a failed run.
        var runId = await jobs.EnqueueAsync<SegmentSendJob>(new SegmentSendJob.Arguments(sendId), cancellationToken: cancellationToken);
        await db.Sends.Where(s => s.Id == sendId).ExecuteUpdateAsync(s => s.SetProperty(x => x.RunId, runId), cancellationToken);
        return new SendStarted(result, sendId);
    }

    /// <summary>
    /// Changes how the survey is sent without a manager: the reminder after N days (refused on an anonymous
    /// survey: reminding only those who have not answered would tell who has) and whether a completed project
    /// sends it (CSAT surveys only; one survey at a time, held by a key in the database).
    /// </summary>
    /// <param name="surveyId">The survey.</param>
    /// <param name="input">The settings, at the version the page showed.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> SaveSettingsAsync(long surveyId, SendingSettingsInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        try
        {
            return await db.Change<Survey>()
                .Allow(access.CanManageAsync)
                .Validate(input)
                .Load(ct => db.Surveys.FirstOrDefaultAsync(s => s.Id == surveyId, ct))
                .Check(survey => survey.IsAnonymous && input.RemindAfterDays > 0
                    ? ChangeResult.Invalid(nameof(input.RemindAfterDays), new Problem("An anonymous survey sends no reminders: reminding only those who have not answered would tell who has."))
                    : null)
                .Check(survey => survey.Kind != SurveyKind.Csat && input.OnProjectCompleted
                    ? ChangeResult.Invalid(nameof(input.OnProjectCompleted), new Problem("Only a CSAT survey can be sent when a project is completed."))
                    : null)
                .Expect(input.RowVersion)
                .Apply(async (survey, ct) =>
                {
                    survey.RemindAfterDays = input.RemindAfterDays;
                    survey.UpdatedAt = now;
                    var trigger = await db.Triggers.FirstOrDefaultAsync(t => t.Event == SurveyTrigger.ProjectCompleted, ct);
                    if (input.OnProjectCompleted && trigger is null)
                    {
                        db.Triggers.Add(new SurveyTrigger { Event = SurveyTrigger.ProjectCompleted, SurveyId = surveyId, SetAt = now, SetByUserId = access.UserId });
                    }
                    else if (input.OnProjectCompleted && trigger!.SurveyId != surveyId)
                    {
                        var holder = await db.Surveys.Where(s => s.Id == trigger.SurveyId).Select(s => s.Name).FirstAsync(ct);
                        return ChangeResult.Invalid(nameof(input.OnProjectCompleted), new Problem("The survey \"{0}\" is already sent when a project is completed: switch it off there first.", holder));
                    }
                    else if (!input.OnProjectCompleted && trigger?.SurveyId == surveyId)
                    {
                        db.Triggers.Remove(trigger);
                    }

                    return null;
                })
                .SaveAsync(Conflict, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two managers switched the trigger on for two surveys at once: the event's key let one of them in.
            return ChangeResult.Conflict(Conflict);
        }
    }

    /// <summary>The people of a segment once each (a contact may come through two customers' rules only once).</summary>
    internal static List<AudienceRecipient> Distinct(IReadOnlyList<AudienceRecipient> recipients) =>
        [.. recipients.DistinctBy(r => (r.CustomerId, r.ContactId))];

    private static Task<List<SurveySend>> SendsAsync(SurveysDbContext db, long surveyId, CancellationToken cancellationToken) =>
        db.Sends.AsNoTracking().Where(s => s.SurveyId == surveyId).OrderByDescending(s => s.StartedAt).Take(10).ToListAsync(cancellationToken);

    private async Task DemandAsync(CancellationToken cancellationToken)
    {
        if (!await access.CanManageAsync(cancellationToken))
        {
            throw new UnauthorizedAccessException("You may not send surveys.");
        }
    }
}
