using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CrmBlazor.Plugins.Surveys.Data;
using CrmBlazor.Plugins.Surveys.Features.Shared;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Surveys.Features.Invitations;

/// <summary>An invitation made: the result, and the personal link, given this once and never stored.</summary>
/// <param name="Result">Saved with the invitation's id, or why not.</param>
/// <param name="Link">The link's path (<c>/surveys/answer/{token}</c>) when saved; null otherwise.</param>
public sealed record Invited(ChangeResult Result, string? Link);

/// <summary>
/// Personal links to surveys. A link carries a random 256-bit token; only its SHA-256 hash is stored,
/// so the link is shown once, when the invitation is made. For an anonymous survey the invitation
/// stores no contact or customer (docs/decisions/0023).
/// </summary>
public sealed class InvitationService(IDbContextFactory<SurveysDbContext> contexts, SurveysAccess access, ICustomerDirectory customers, TimeProvider clock)
{
    /// <summary>The path of the public answer page; the token follows.</summary>
    public const string AnswerPath = "/surveys/answer/";

    private static readonly Problem Conflict = new("Someone else changed this survey meanwhile. Nothing was saved: reload and try again.");

    /// <summary>Invites one contact of a customer to an open survey, and gives the personal link once.</summary>
    /// <param name="surveyId">The survey.</param>
    /// <param name="input">The contact, the language and how long the link works.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<Invited> InviteAsync(long surveyId, InvitationInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var token = NewToken();
        var now = clock.GetUtcNow();
        Survey? survey = null;
        var result = await db.Change<SurveyInvitation>()
            .Allow(access.CanManageAsync)
            .Validate(input, async (errors, ct) =>
            {
                var customer = await customers.GetAsync(input.CustomerId, ct);
                if (input.CustomerId > 0 && (customer is null || customer.IsArchived))
                {
                    errors[nameof(input.CustomerId)] = [new Problem("The customer no longer exists or is archived.")];
                }

                survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == surveyId, ct);
                if (survey is not null && !string.IsNullOrEmpty(input.Language) && !survey.LanguageList.Contains(input.Language))
                {
                    errors[nameof(input.Language)] = [new Problem("Choose one of the survey's languages.")];
                }
            })
            .Create(() => new SurveyInvitation { SurveyId = surveyId })
            .Check(_ => survey is null ? ChangeResult.NotFound() : null)
            .Check(_ => survey!.State == SurveyState.Open ? null : new Problem("Only an open survey can be sent."))
            .Apply(invitation =>
            {
                // An anonymous survey's invitation keeps no one: the contact is needed only to address the
                // message, which the sender does with the link returned here (docs/decisions/0023).
                invitation.ContactId = survey!.IsAnonymous ? null : input.ContactId;
                invitation.CustomerId = survey.IsAnonymous ? null : input.CustomerId;
                invitation.Language = string.IsNullOrEmpty(input.Language) ? survey!.LanguageList[0] : input.Language;
                invitation.TokenHash = Hash(token);
                invitation.CreatedAt = now;
                invitation.CreatedByUserId = access.UserId;
                invitation.ExpiresAt = now.AddDays(input.ValidDays);
            })
            .SaveAsync(Conflict, cancellationToken);
        return new Invited(result, result.Status == ChangeStatus.Saved ? AnswerPath + token : null);
    }

    /// <summary>The SHA-256 hash of a token as stored.</summary>
    /// <param name="token">The token of a link.</param>
    public static byte[] Hash(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token));

    private static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
