using System.Globalization;
using System.Net.Mail;
using CrmBlazor.Plugins.Surveys.Data;
using CrmBlazor.Plugins.Surveys.Features.Invitations;
using CrmBlazor.Sdk.Messaging;
using Microsoft.Extensions.Configuration;

namespace CrmBlazor.Plugins.Surveys.Features.Sending;

/// <summary>Someone to invite: the customer, the contact (null for a person customer), the address and the language they read.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="ContactId">The contact, or null when the customer is a person.</param>
/// <param name="Name">The name to address.</param>
/// <param name="Email">The e-mail address.</param>
/// <param name="Language">The language they read (a code or culture name), or null if not known.</param>
public sealed record InvitationRecipient(long CustomerId, long? ContactId, string Name, string Email, string? Language);

/// <summary>
/// Writes an invitation and queues its message in the same save, so that an invitation exists exactly when
/// its mail is in the outbox: every way of sending (one contact, a segment, a completed project) and the
/// reminder go through here. The token appears only in the message; the invitation keeps its SHA-256 hash.
/// Messages are written in the survey's language the recipient reads, else the survey's first language.
/// </summary>
public sealed class InvitationMail(IMessageTemplates templates, IConfiguration configuration, TimeProvider clock)
{
    /// <summary>The host's setting of the address people open the CRM at, which every link in a mail starts with.</summary>
    public const string PublicUrlSetting = "Crm:PublicUrl";

    /// <summary>Why nothing can be sent while the CRM's public address is not set.</summary>
    public static readonly Problem NoPublicUrl = new("The CRM's public address (Crm:PublicUrl) is not set, so no link can be mailed. Ask an administrator to set it.");

    /// <summary>The CRM's public address, or null when it is not set to an http(s) address.</summary>
    public Uri? PublicUrl =>
        Uri.TryCreate(configuration[PublicUrlSetting]?.Trim(), UriKind.Absolute, out var root) && (root.Scheme == Uri.UriSchemeHttps || root.Scheme == Uri.UriSchemeHttp)
            ? root
            : null;

    /// <summary>The survey's language a recipient gets: theirs when the survey has it, else the survey's first.</summary>
    /// <param name="survey">The survey.</param>
    /// <param name="preferred">The recipient's language code or culture name (<c>ta-IN</c>), or null.</param>
    public static string LanguageFor(Survey survey, string? preferred)
    {
        ArgumentNullException.ThrowIfNull(survey);
        var code = preferred?.Split('-')[0].ToLowerInvariant();
        return code is not null && survey.LanguageList.Contains(code) ? code : survey.LanguageList[0];
    }

    /// <summary>Whether a text is an e-mail address the outbox accepts.</summary>
    /// <param name="email">The text.</param>
    public static bool IsAddress(string? email) =>
        !string.IsNullOrWhiteSpace(email) && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && parsed.Host.Length > 0;

    /// <summary>
    /// Fills a new invitation for a recipient and queues its message on the context, to be stored by its next
    /// save. On an anonymous survey the invitation records no customer or contact: they address the message only.
    /// </summary>
    /// <param name="db">The context the invitation is saved with.</param>
    /// <param name="invitation">The new invitation, added to <paramref name="db"/> (or about to be).</param>
    /// <param name="survey">The survey, open.</param>
    /// <param name="to">The recipient.</param>
    /// <param name="language">The survey's language the recipient gets (<see cref="LanguageFor"/>).</param>
    /// <param name="validDays">How long the link works.</param>
    /// <param name="messageKey">The message's idempotency key.</param>
    /// <param name="userId">Who sends, or null for the CRM itself.</param>
    /// <param name="cancellationToken">Cancels the rendering.</param>
    /// <returns>The link's token, which only the message carries.</returns>
    /// <exception cref="InvalidOperationException">The CRM's public address is not set.</exception>
    public async Task<string> QueueInvitationAsync(SurveysDbContext db, SurveyInvitation invitation, Survey survey, InvitationRecipient to, string language, int validDays,
        string messageKey, string? userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(invitation);
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(to);
        var token = InvitationService.NewToken();
        var now = clock.GetUtcNow();
        invitation.SurveyId = survey.Id;
        invitation.CustomerId = survey.IsAnonymous ? null : to.CustomerId;
        invitation.ContactId = survey.IsAnonymous ? null : to.ContactId;
        invitation.Language = language;
        invitation.TokenHash = InvitationService.Hash(token);
        invitation.CreatedAt = now;
        invitation.CreatedByUserId = userId;
        invitation.ExpiresAt = now.AddDays(validDays);
        db.Send(await WriteAsync(SurveyMessageTemplates.InvitationKey, survey, to, language, token, invitation.ExpiresAt, messageKey, cancellationToken));
        return token;
    }

    /// <summary>
    /// Gives an invitation a new token and queues the reminder carrying it: the new token's hash replaces the
    /// old one (only hashes are stored, so the first link cannot be sent again), and whatever hangs on the
    /// invitation stays. Saved with the caller's next save.
    /// </summary>
    /// <param name="db">The context the invitation is tracked by.</param>
    /// <param name="invitation">The invitation, tracked.</param>
    /// <param name="survey">Its survey.</param>
    /// <param name="to">The recipient.</param>
    /// <param name="messageKey">The reminder's idempotency key.</param>
    /// <param name="cancellationToken">Cancels the rendering.</param>
    public async Task QueueReminderAsync(SurveysDbContext db, SurveyInvitation invitation, Survey survey, InvitationRecipient to, string messageKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(invitation);
        var token = InvitationService.NewToken();
        invitation.TokenHash = InvitationService.Hash(token);
        invitation.RemindedAt = clock.GetUtcNow();
        db.Send(await WriteAsync(SurveyMessageTemplates.ReminderKey, survey, to, invitation.Language, token, invitation.ExpiresAt, messageKey, cancellationToken));
    }

    private async Task<OutgoingMessage> WriteAsync(string templateKey, Survey survey, InvitationRecipient to, string language, string token, DateTimeOffset expiresAt,
        string messageKey, CancellationToken cancellationToken)
    {
        var root = PublicUrl ?? throw new InvalidOperationException($"{PublicUrlSetting} is not set: survey links cannot be mailed.");
        var culture = CultureInfo.GetCultureInfo(language);
        var fields = new Dictionary<string, object?>
        {
            ["survey.name"] = survey.Name,
            ["survey.link"] = new Uri(root, InvitationService.AnswerPath + token).AbsoluteUri,
            // The last whole day the link works, in the message's language (links expire at the time they were made).
            ["survey.expires"] = expiresAt.UtcDateTime.AddDays(-1).ToString("D", culture),
        };
        var rendered = await templates.RenderAsync(templateKey, new TemplateRecipient(to.CustomerId, to.ContactId, language), fields, cancellationToken);
        return new OutgoingMessage
        {
            To = [new MessageAddress(to.Email, to.Name)],
            Subject = rendered.Subject,
            HtmlBody = rendered.HtmlBody,
            TextBody = rendered.TextBody,
            CustomerId = to.CustomerId,
            ContactId = to.ContactId,
            IdempotencyKey = messageKey,
            Kind = MessageKind.Transactional,
        };
    }
}
