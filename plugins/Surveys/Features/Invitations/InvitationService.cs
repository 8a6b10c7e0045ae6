using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CrmBlazor.Plugins.Surveys.Data;
using CrmBlazor.Plugins.Surveys.Features.Sending;
using CrmBlazor.Plugins.Surveys.Features.Shared;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Surveys.Features.Invitations;

/// <summary>An invitation made: the result, and the personal link, given this once and never stored.</summary>
/// <param name="Result">Saved with the invitation's id, or why not.</param>
/// <param name="Link">The link's path (<c>/surveys/answer/{token}</c>) when saved; null otherwise. The page does not show it: the link goes to the contact only.</param>
public sealed record Invited(ChangeResult Result, string? Link);

/// <summary>
/// Personal links to surveys. A link carries a random 256-bit token; only its SHA-256 hash is stored, and
/// the token goes to the contact in the invitation's message, queued in the same save;
/// for an anonymous survey the invitation stores no contact or customer (docs/decisions/0023).
/// </summary>
public sealed class InvitationService(IDbContextFactory<SurveysDbContext> contexts, SurveysAccess access, ICustomerDirectory customers, IContactDirectory contacts,
    InvitationMail mail)
{
    /// <summary>The path of the public answer page; the token follows.</summary>
    public const string AnswerPath = "/surveys/answer/";

    private static readonly Problem Conflict = new("Someone else changed this survey meanwhile. Nothing was saved: reload and try again.");

    /// <summary>
    /// Invites one contact of a customer to an open survey and queues the invitation's message to the contact,
    /// in the survey's language the contact reads (else its first) unless one is chosen. The contact must be
    /// one of the customer's, not archived, with an e-mail address; the CRM's public address must be set.
    /// </summary>
    /// <param name="surveyId">The survey.</param>
    /// <param name="input">The contact, the language and how long the link works.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<Invited> InviteAsync(long surveyId, InvitationInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        Survey? survey = null;
        ContactSummary? contact = null;
        string? link = null;
        var result = await db.Change<SurveyInvitation>()
            .Allow(access.CanManageAsync)
            .Validate(input, async (errors, ct) =>
            {
                var customer = await customers.GetAsync(input.CustomerId, ct);
                if (input.CustomerId > 0 && (customer is null || customer.IsArchived))
                {
                    errors[nameof(input.CustomerId)] = [new Problem("The customer no longer exists or is archived.")];
                }

                contact = input.ContactId > 0 ? await contacts.GetAsync(input.ContactId, ct) : null;
                if (input.ContactId > 0 && (contact is null || contact.CustomerId != input.CustomerId))
                {
                    errors[nameof(input.ContactId)] = [new Problem("This contact is not one of the customer's.")];
                }
                else if (contact is { IsArchived: true })
                {
                    errors[nameof(input.ContactId)] = [new Problem("This contact is archived.")];
                }
                else if (contact is not null && !InvitationMail.IsAddress(contact.Email))
                {
                    errors[nameof(input.ContactId)] = [new Problem("This contact has no e-mail address.")];
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
            .Check(_ => mail.PublicUrl is null ? InvitationMail.NoPublicUrl : null)
            .Apply(async (invitation, ct) =>
            {
                var language = string.IsNullOrEmpty(input.Language) ? InvitationMail.LanguageFor(survey!, contact!.Language) : input.Language;
                var to = new InvitationRecipient(input.CustomerId, contact!.Id, contact.Name, contact.Email!, contact.Language);
                // One invitation per click: the key is new each time, and the page sends once per click.
                var token = await mail.QueueInvitationAsync(db, invitation, survey!, to, language, input.ValidDays, MessageKeys.Invitation(Guid.NewGuid()), access.UserId, ct);
                link = AnswerPath + token;
                return null;
            })
            .SaveAsync(Conflict, cancellationToken);
        return new Invited(result, result.Status == ChangeStatus.Saved ? link : null);
    }

    /// <summary>The SHA-256 hash of a token as stored.</summary>
    /// <param name="token">The token of a link.</param>
    public static byte[] Hash(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token));

    /// <summary>A new token: 32 random bytes (256 bits) in base64url.</summary>
    internal static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
