using System.Globalization;
using CrmBlazor.Plugins.Surveys.Data;
using CrmBlazor.Plugins.Surveys.Features.Customers;
using CrmBlazor.Plugins.Surveys.Features.Timeline;
using CrmBlazor.Sdk.Privacy;
using CrmBlazor.Sdk.Timeline;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Surveys.Features.Privacy;

/// <summary>
/// The plugin's part of a person's data export and erasure. Only named surveys hold anything about a
/// person: the respondent row links a response to its contact (or, for a private customer, to the
/// customer). Anonymous answers are linked to nobody and so belong to no one's export.
/// <list type="bullet">
/// <item>Export: every answer the person gave to a named survey: the survey, the day, the question and the answer.</item>
/// <item>Erasure: the person's text answers are deleted and the respondent rows removed, so the numbers and
/// choices stay in the results as anonymous answers; the person's invitations, pending effects, follow-up
/// links and "survey answered" timeline entries go too, and the customer's latest-score figures are
/// recomputed. The core's complaint (follow-up) is the core's to erase.</item>
/// </list>
/// </summary>
public sealed class SurveysPersonalData(IDbContextFactory<SurveysDbContext> contexts, ITimeline timeline, SurveyCustomerFigures figures) : IPersonalDataContributor
{
    /// <inheritdoc />
    public async Task<object?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var respondents = await RespondentsOf(db, subject).AsNoTracking().OrderBy(r => r.SubmittedAt).ToListAsync(cancellationToken);
        var invitations = await InvitationsOf(db, subject).CountAsync(cancellationToken);
        if (respondents.Count == 0 && invitations == 0)
        {
            return null;
        }

        var responseIds = respondents.Select(r => r.ResponseId).ToList();
        var surveyIds = respondents.Select(r => r.SurveyId).Distinct().ToList();
        var surveys = await db.Surveys.AsNoTracking().Include(s => s.Questions).ThenInclude(q => q.Options).AsSplitQuery()
            .Where(s => surveyIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var answers = await db.Answers.AsNoTracking().Where(a => responseIds.Contains(a.ResponseId)).OrderBy(a => a.QuestionId).ToListAsync(cancellationToken);
        return new
        {
            invitations,
            answers = respondents.SelectMany(r =>
            {
                var survey = surveys[r.SurveyId];
                var language = survey.LanguageList is [var first, ..] ? first : "en";
                var questions = survey.Questions.ToDictionary(q => q.Id);
                return answers.Where(a => a.ResponseId == r.ResponseId).Select(a =>
                {
                    var question = questions[a.QuestionId];
                    return new
                    {
                        survey = survey.Name,
                        day = DateOnly.FromDateTime(r.SubmittedAt.UtcDateTime),
                        question = question.Texts.GetValueOrDefault(language) ?? question.Texts.Values.FirstOrDefault(),
                        answer = a.Number?.ToString(CultureInfo.InvariantCulture)
                            ?? (a.OptionId is { } optionId ? question.Options.FirstOrDefault(o => o.Id == optionId)?.Texts.GetValueOrDefault(language) : a.Text),
                    };
                });
            }).ToList(),
        };
    }

    /// <inheritdoc />
    public async Task<string> EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var responses = await RespondentsOf(db, subject).Select(r => new { r.ResponseId, r.CustomerId }).ToListAsync(cancellationToken);
        var responseIds = responses.Select(r => r.ResponseId).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var texts = await db.Answers.Where(a => responseIds.Contains(a.ResponseId) && a.Text != null).ExecuteDeleteAsync(cancellationToken);
        await db.PendingEffects.Where(p => responseIds.Contains(p.ResponseId)).ExecuteDeleteAsync(cancellationToken);
        await db.FollowUps.Where(f => responseIds.Contains(f.ResponseId)).ExecuteDeleteAsync(cancellationToken);
        var links = await db.Respondents.Where(r => responseIds.Contains(r.ResponseId)).ExecuteDeleteAsync(cancellationToken);
        var invitations = await InvitationsOf(db, subject).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // Outside the plugin's tables: the timeline entries would link the now anonymous responses back to
        // the customer, and the figures may have come from these answers.
        foreach (var responseId in responseIds)
        {
            await timeline.RemoveAsync(SurveyTimeline.Key(responseId), cancellationToken);
        }

        foreach (var customerId in responses.Select(r => r.CustomerId).Distinct())
        {
            await figures.RefreshAsync(customerId, cancellationToken);
        }

        return links == 0 && invitations == 0
            ? "Surveys: nothing to erase."
            : string.Create(CultureInfo.InvariantCulture,
                $"Surveys: {links} answered surveys unlinked from the person (their numbers and choices stay in the results, anonymous), {texts} text answers deleted, {invitations} invitations deleted, the \"survey answered\" timeline entries removed.");
    }

    // A contact's own answers; for a private customer (no contact), every answer given for the customer.
    private static IQueryable<SurveyRespondent> RespondentsOf(SurveysDbContext db, PersonalDataSubject subject) =>
        subject.ContactId is { } contactId
            ? db.Respondents.Where(r => r.ContactId == contactId)
            : db.Respondents.Where(r => r.CustomerId == subject.CustomerId);

    private static IQueryable<SurveyInvitation> InvitationsOf(SurveysDbContext db, PersonalDataSubject subject) =>
        subject.ContactId is { } contactId
            ? db.Invitations.Where(i => i.ContactId == contactId)
            : db.Invitations.Where(i => i.CustomerId == subject.CustomerId);
}
