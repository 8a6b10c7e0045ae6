using System.Globalization;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Account;
using CrmBlazor.Host.Features.Mail;
using CrmBlazor.Host.Features.Messages;
using CrmBlazor.Host.Identity;
using CrmBlazor.Sdk.Messaging;

namespace CrmBlazor.Host.Features.Users;

/// <summary>
/// E-mails invitation and password reset links through the mail outbox (decision 0019), worded by the
/// message templates <see cref="CoreMessageTemplates.InvitationKey"/> and
/// <see cref="CoreMessageTemplates.PasswordResetKey"/> in the account's own language. A message is
/// queued on the context that issues the link, so it is stored in the same transaction as the link and
/// sent only if that commits. See docs/decisions/0017-invitation-links.md.
/// </summary>
/// <remarks>
/// Links are sent only when a mail server is configured (<c>Mail:Smtp:Host</c>) and the CRM's public
/// address is known (<see cref="PublicUrlSetting"/>): a link in an e-mail must not take its host from
/// a request, which anyone can send with a forged <c>Host</c> header to have a victim's reset link
/// point at their own site. Without either, links are shown to the administrator as before.
/// </remarks>
public sealed class AccountLinkMail(MailSettings mail, IMessageTemplates templates, FirmSettings firm, TimeProvider clock, IConfiguration configuration)
{
    /// <summary>The setting of the address people open the CRM at, such as <c>https://crm.example.com</c>, which e-mailed links start with.</summary>
    public const string PublicUrlSetting = "Crm:PublicUrl";

    /// <summary>The CRM's public address, or null when it is not set (or not an absolute http or https address).</summary>
    public Uri? PublicUrl => PublicUrlOf(configuration);

    /// <summary>Whether links are e-mailed (true) or shown to an administrator to hand over (false); the same for every account.</summary>
    public bool CanSend => mail.CanSend && PublicUrl is not null;

    /// <summary>The public address configured in <paramref name="configuration"/>, or null when it is missing or not an absolute http(s) address.</summary>
    /// <param name="configuration">The host configuration.</param>
    public static Uri? PublicUrlOf(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Uri.TryCreate(configuration[PublicUrlSetting]?.Trim(), UriKind.Absolute, out var url)
               && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url
            : null;
    }

    /// <summary>Queues the invitation e-mail of an invited account with the next save of <paramref name="db"/>.</summary>
    /// <param name="db">The context that issues the link.</param>
    /// <param name="user">The invited account.</param>
    /// <param name="link">The link as issued.</param>
    /// <param name="cancellationToken">Cancels the rendering.</param>
    public Task QueueInvitationAsync(CrmDbContext db, CrmUser user, AccountLink link, CancellationToken cancellationToken) =>
        QueueAsync(db, CoreMessageTemplates.InvitationKey, "invitation", user, link, cancellationToken);

    /// <summary>Queues the password reset e-mail of an account with the next save of <paramref name="db"/>.</summary>
    /// <param name="db">The context that issues the link.</param>
    /// <param name="user">The account.</param>
    /// <param name="link">The link as issued.</param>
    /// <param name="cancellationToken">Cancels the rendering.</param>
    public Task QueuePasswordResetAsync(CrmDbContext db, CrmUser user, AccountLink link, CancellationToken cancellationToken) =>
        QueueAsync(db, CoreMessageTemplates.PasswordResetKey, "reset", user, link, cancellationToken);

    private async Task QueueAsync(CrmDbContext db, string templateKey, string prefix, CrmUser user, AccountLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(link);
        var publicUrl = PublicUrl ?? throw new InvalidOperationException($"{PublicUrlSetting} is not set: account links cannot be e-mailed.");
        var email = user.Email ?? user.UserName ?? throw new InvalidOperationException("The account has no e-mail address.");
        var language = MessageLanguages.Normalize(user.Culture) ?? firm.Language;
        // The account's time zone, else the firm's: the person reads when the link stops working.
        var zone = UserTimeZones.Find(user.TimeZone) ?? clock.LocalTimeZone;
        var expires = TimeZoneInfo.ConvertTime(link.ExpiresAt, zone);
        var culture = MessageLanguages.CultureOf(language);
        var fields = new Dictionary<string, object?>
        {
            [prefix + ".name"] = user.DisplayName ?? email,
            [prefix + ".link"] = new Uri(publicUrl, link.PathAndQuery).AbsoluteUri,
            [prefix + ".expires"] = string.Create(culture, $"{expires:f} (UTC{expires:zzz})"),
        };
        var message = await templates.RenderAsync(templateKey, new TemplateRecipient(Language: language), fields, cancellationToken);
        db.Send(new OutgoingMessage
        {
            To = [new MessageAddress(email, user.DisplayName)],
            Subject = message.Subject,
            HtmlBody = message.HtmlBody,
            TextBody = message.TextBody,
            // One message per link: the key names the link by its stored hash, never by its token.
            IdempotencyKey = $"crm:{templateKey}:{AccountLinkTokens.HashOf(link.Token)}",
        });
    }
}
