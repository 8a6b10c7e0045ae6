using CrmBlazor.Plugins.Surveys.Data;
using CrmBlazor.Plugins.Surveys.Features.Builder;
using CrmBlazor.Plugins.Surveys.Features.Invitations;
using CrmBlazor.Plugins.Surveys.Features.Sending;
using CrmBlazor.Plugins.Surveys.Features.Shared;
using CrmBlazor.Sdk.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Surveys.Features.PublicLinks;

/// <summary>A public link made: the result, and the absolute link, given this once and never stored.</summary>
/// <param name="Result">Saved, or why not.</param>
/// <param name="Link">The absolute link (<c>{Crm:PublicUrl}/surveys/public/{token}</c>) when saved; null otherwise.</param>
public sealed record PublicLinkMade(ChangeResult Result, string? Link);

/// <summary>What a visit of a public link gets: a personal link of its own, or why not.</summary>
/// <param name="Status"><see cref="AnswerStatus.Open"/> with <paramref name="Token"/>, or <see cref="AnswerStatus.Unknown"/>, <see cref="AnswerStatus.Expired"/>, <see cref="AnswerStatus.Closed"/>.</param>
/// <param name="Token">The token of the new personal link, when open.</param>
/// <param name="Language">The language the survey is shown in (the visitor's when the survey has it), or null when the link is unknown.</param>
public sealed record PublicVisit(AnswerStatus Status, string? Token, string? Language);

/// <summary>
/// The public link of an anonymous survey (<c>/surveys/public/{token}</c>): one per survey, switched on,
/// made anew (the old link then opens nothing) and off by someone who builds surveys, each a change of
/// the survey checked against its version. Like a personal link it carries a random 256-bit token of which
/// only the SHA-256 hash is stored on the survey, so the link is shown once, when made. Every visit makes
/// a fresh anonymous invitation that expires with the public link, so each visitor has a draft of their
/// own and answers once per visit (docs/decisions/0023).
/// </summary>
public sealed class PublicLinkService(IDbContextFactory<SurveysDbContext> contexts, SurveysAccess access, InvitationMail mail, TimeProvider clock)
{
    /// <summary>The path of a public link; the token follows.</summary>
    public const string PublicPath = "/surveys/public/";

    /// <summary>Why no public link can be made while the CRM's public address is not set.</summary>
    public static readonly Problem NoPublicUrl = new("The CRM's public address (Crm:PublicUrl) is not set, so no public link can be formed. Ask an administrator to set it.");

    private static readonly Problem Conflict = new("Someone else changed this survey meanwhile. Nothing was saved: reload and try again.");

    /// <summary>Whether links can be formed: the CRM's public address is set.</summary>
    public bool CanFormLinks => mail.PublicUrl is not null;

    /// <summary>
    /// Switches an anonymous survey's public link on, or makes it anew when it is on: a new token whose hash
    /// replaces the old one (the old link then opens nothing), working for the days given.
    /// </summary>
    /// <param name="surveyId">The survey.</param>
    /// <param name="input">How long the link works, and the survey's version.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<PublicLinkMade> MakeAsync(long surveyId, PublicLinkInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        string? link = null;
        var result = await db.Change<Survey>()
            .Allow(access.CanManageAsync)
            .Validate(input)
            .Load(ct => db.Surveys.FirstOrDefaultAsync(s => s.Id == surveyId, ct))
            .Expect(input.RowVersion)
            .Check(SurveyRules.CheckPublicLink)
            .Check(_ => mail.PublicUrl is null ? NoPublicUrl : null)
            .Apply(survey =>
            {
                var token = InvitationService.NewToken();
                var now = clock.GetUtcNow();
                survey.PublicTokenHash = InvitationService.Hash(token);
                survey.PublicLinkExpiresAt = now.AddDays(input.ValidDays);
                survey.UpdatedAt = now;
                link = mail.PublicUrl!.AbsoluteUri.TrimEnd('/') + PublicPath + token;
            })
            .SaveAsync(Conflict, cancellationToken);
        return new PublicLinkMade(result, result.Status == ChangeStatus.Saved ? link : null);
    }

    /// <summary>Switches a survey's public link off: it opens nothing from now on. The answer pages visitors already got keep working until they expire.</summary>
    /// <param name="surveyId">The survey.</param>
    /// <param name="rowVersion">The survey's version the page shows.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> SwitchOffAsync(long surveyId, Guid rowVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<Survey>()
            .Allow(access.CanManageAsync)
            .Load(ct => db.Surveys.FirstOrDefaultAsync(s => s.Id == surveyId, ct))
            .Expect(rowVersion)
            .Check(survey => survey.PublicTokenHash is null ? new Problem("The survey has no public link.") : null)
            .Apply(survey =>
            {
                survey.PublicTokenHash = null;
                survey.PublicLinkExpiresAt = null;
                survey.UpdatedAt = clock.GetUtcNow();
            })
            .SaveAsync(Conflict, cancellationToken);
    }

    /// <summary>
    /// A visit of a public link: a fresh anonymous invitation, in the visitor's language when the survey has it
    /// (else its first), that works as long as the public link; or why not. Nobody is signed in: the link is the permission.
    /// </summary>
    /// <param name="token">The token of the public link.</param>
    /// <param name="preferredLanguage">The visitor's language (a code or culture name), or null.</param>
    /// <param name="cancellationToken">Cancels the visit.</param>
    public async Task<PublicVisit> VisitAsync(string token, string? preferredLanguage, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return new PublicVisit(AnswerStatus.Unknown, null, null);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var hash = InvitationService.Hash(token);
        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.PublicTokenHash == hash, cancellationToken);
        if (survey is null || !survey.IsAnonymous || survey.PublicLinkExpiresAt is not { } expiresAt)
        {
            return new PublicVisit(AnswerStatus.Unknown, null, null);
        }

        var language = InvitationMail.LanguageFor(survey, preferredLanguage);
        var now = clock.GetUtcNow();
        if (expiresAt <= now)
        {
            return new PublicVisit(AnswerStatus.Expired, null, language);
        }

        if (survey.State != SurveyState.Open)
        {
            return new PublicVisit(AnswerStatus.Closed, null, language);
        }

        // Like every anonymous invitation: no contact, no customer, no user; only the survey, the language and the times.
        var personal = InvitationService.NewToken();
        db.Invitations.Add(new SurveyInvitation
        {
            SurveyId = survey.Id,
            Language = language,
            TokenHash = InvitationService.Hash(personal),
            CreatedAt = now,
            ExpiresAt = expiresAt,
            ThroughPublicLink = true,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new PublicVisit(AnswerStatus.Open, personal, language);
    }

    /// <summary>
    /// Deletes the invitations public visits made that expired unanswered: they hold nothing but a survey,
    /// a language and times, and would otherwise pile up with every visit that never answered.
    /// </summary>
    /// <param name="cancellationToken">Cancels the clean-up.</param>
    /// <returns>How many were deleted.</returns>
    public async Task<int> DeleteExpiredVisitsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return await db.Invitations.Where(i => i.ThroughPublicLink && !i.IsAnswered && i.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }
}
