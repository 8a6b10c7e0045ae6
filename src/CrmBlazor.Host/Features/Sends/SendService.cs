using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Users;
using CrmBlazor.Host.Identity;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Sdk.Messaging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Sends;

/// <summary>What a send would do: who receives it, who is left out and why, and the message in each language used.</summary>
/// <param name="Receiving">How many people receive it.</param>
/// <param name="LeftOut">The people left out, each with the reason.</param>
/// <param name="Previews">One example per language among the people receiving it.</param>
public sealed record SendPreview(int Receiving, IReadOnlyList<AudienceMember> LeftOut, IReadOnlyList<LanguagePreview> Previews);

/// <summary>The message as one person writing in a language receives it.</summary>
/// <param name="Language">The language the template was rendered in.</param>
/// <param name="Recipients">How many people receive this language.</param>
/// <param name="Example">The person it was rendered for.</param>
/// <param name="Subject">The subject.</param>
/// <param name="HtmlBody">The HTML body, with the unsubscribe foot of a campaign.</param>
public sealed record LanguagePreview(string Language, int Recipients, AudienceMember Example, string Subject, string HtmlBody);

/// <summary>
/// Starts sends of a template to a segment (a campaign, <see cref="CorePermissions.SendCampaigns"/>) or
/// to one contact of a customer the user may edit, after showing who receives it; the recipients are
/// fixed when it starts and <see cref="MessageSendJob"/> queues their messages.
/// </summary>
public sealed class SendService(
    IDbContextFactory<CrmDbContext> contexts,
    SendTemplates templates,
    SendMessageWriter writer,
    IAuthorizationService authorization,
    CustomerAccess access,
    CurrentUser currentUser,
    IJobScheduler jobs,
    IConfiguration configuration,
    TimeProvider clock)
{
    private static readonly Problem UnknownTemplate = new("Choose a template.");

    /// <summary>Whether the user may send campaigns to segments.</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    public async Task<bool> CanSendCampaignsAsync(CancellationToken cancellationToken = default) =>
        (await authorization.AuthorizeAsync(currentUser.Principal, CorePermissions.SendCampaigns)).Succeeded;

    /// <summary>Who a campaign to a segment would reach, and the message per language; null when the user may not send campaigns or the template or segment is unknown.</summary>
    /// <param name="templateKey">The template.</param>
    /// <param name="segmentId">The segment.</param>
    /// <param name="publicAddress">The CRM's address, for the example unsubscribe link.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<SendPreview?> PreviewCampaignAsync(string templateKey, long segmentId, string publicAddress, CancellationToken cancellationToken = default)
    {
        if (!await CanSendCampaignsAsync(cancellationToken) || await templates.FindAsync(templateKey, cancellationToken) is not { } template)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Segments.AnyAsync(s => s.Id == segmentId, cancellationToken))
        {
            return null;
        }

        var audience = await SendAudience.OfSegmentAsync(db, segmentId, cancellationToken);
        return await PreviewAsync(template, audience, publicAddress, cancellationToken);
    }

    /// <summary>The message one person would receive, or why they would not; null when the user may not send to them.</summary>
    /// <param name="templateKey">The template.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="contactId">The contact, or null for a person customer.</param>
    /// <param name="publicAddress">The CRM's address, for the example unsubscribe link.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<SendPreview?> PreviewPersonAsync(string templateKey, long customerId, long? contactId, string publicAddress, CancellationToken cancellationToken = default)
    {
        if (await templates.FindAsync(templateKey, cancellationToken) is not { } template)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await PersonAsync(db, customerId, contactId, cancellationToken) is not { } person)
        {
            return null;
        }

        return await PreviewAsync(template, [person], publicAddress, cancellationToken);
    }

    /// <summary>Starts a campaign: fixes its recipients and queues the job that sends to them.</summary>
    /// <param name="templateKey">A campaign template.</param>
    /// <param name="segmentId">The segment.</param>
    /// <param name="publicAddress">The address people reach the CRM at (the page's), for the unsubscribe links; <c>Crm:PublicUrl</c> wins when set.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Saved with the send's id, forbidden, not found, or invalid when nobody would receive it.</returns>
    public async Task<ChangeResult> StartCampaignAsync(string templateKey, long segmentId, string publicAddress, CancellationToken cancellationToken = default)
    {
        if (!await CanSendCampaignsAsync(cancellationToken))
        {
            return ChangeResult.Forbidden();
        }

        if (await templates.FindAsync(templateKey, cancellationToken) is not { Kind: MessageKind.Campaign } template)
        {
            return ChangeResult.Invalid(nameof(templateKey), UnknownTemplate);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var segment = await db.Segments.AsNoTracking().FirstOrDefaultAsync(s => s.Id == segmentId, cancellationToken);
        if (segment is null)
        {
            return ChangeResult.NotFound();
        }

        var audience = await SendAudience.OfSegmentAsync(db, segmentId, cancellationToken);
        if (!audience.Any(m => m.Reason is null))
        {
            return ChangeResult.Invalid("", new Problem("Nobody in this segment can receive the message. See who is left out and why."));
        }

        return await StartAsync(db, template, segment.Id, segment.Name, audience, publicAddress, cancellationToken);
    }

    /// <summary>Sends a template to one contact (or a person customer) of a customer the user may edit.</summary>
    /// <param name="templateKey">The template.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="contactId">The contact, or null for a person customer.</param>
    /// <param name="publicAddress">The address people reach the CRM at (the page's), for the unsubscribe link; <c>Crm:PublicUrl</c> wins when set.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Saved with the send's id, forbidden, not found, or invalid with the reason the person cannot receive it.</returns>
    public async Task<ChangeResult> StartPersonalAsync(string templateKey, long customerId, long? contactId, string publicAddress, CancellationToken cancellationToken = default)
    {
        if (await templates.FindAsync(templateKey, cancellationToken) is not { } template)
        {
            return ChangeResult.Invalid(nameof(templateKey), UnknownTemplate);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var owner = await db.Customers.Where(c => c.Id == customerId).Select(c => new { c.OwnerUserId }).FirstOrDefaultAsync(cancellationToken);
        if (owner is null)
        {
            return ChangeResult.NotFound();
        }

        if (!await access.CanEditAsync(currentUser.Principal, owner.OwnerUserId))
        {
            return ChangeResult.Forbidden();
        }

        var person = await SendAudience.OfPersonAsync(db, customerId, contactId, cancellationToken);
        if (person is null)
        {
            return ChangeResult.NotFound();
        }

        var reason = template.Kind == MessageKind.Campaign ? person.Reason : person.Email is null ? LeftOutReason.NoEmail : null;
        if (reason is { } leftOut)
        {
            return ChangeResult.Invalid("", SendLabels.Refusal(leftOut));
        }

        return await StartAsync(db, template, null, person.Name, [person], publicAddress, cancellationToken);
    }

    private async Task<ChangeResult> StartAsync(
        CrmDbContext db, SendTemplate template, long? segmentId, string audienceName, IReadOnlyList<AudienceMember> audience, string publicAddress, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(publicAddress, UriKind.Absolute, out var address) || address.Scheme is not ("https" or "http"))
        {
            throw new ArgumentException("The CRM's public address must be an absolute http or https address.", nameof(publicAddress));
        }

        // The address set in Crm:PublicUrl wins over the one the page was reached at: links in e-mail
        // should not depend on a request's Host header (see AccountLinkMail).
        address = AccountLinkMail.PublicUrlOf(configuration) ?? address;

        var send = new MessageSend
        {
            TemplateKey = template.Key,
            TemplateTitle = template.Title,
            SegmentId = segmentId,
            AudienceName = audienceName.Length > 300 ? audienceName[..300] : audienceName,
            PublicAddress = address.GetLeftPart(UriPartial.Authority) + "/",
            StartedBy = currentUser.UserId ?? throw new InvalidOperationException("A send is started by a signed-in user."),
            StartedAt = clock.GetUtcNow(),
            State = MessageSendState.Sending,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.MessageSends.Add(send);
        await db.SaveChangesAsync(cancellationToken);
        db.MessageSendRecipients.AddRange(audience.Select(m => new MessageSendRecipient
        {
            SendId = send.Id,
            CustomerId = m.CustomerId,
            ContactId = m.ContactId,
            Name = m.Name.Length > 300 ? m.Name[..300] : m.Name,
            Email = m.Email,
            State = (template.Kind == MessageKind.Campaign ? m.Reason : null) is null ? RecipientState.Pending : RecipientState.LeftOut,
            Reason = template.Kind == MessageKind.Campaign ? m.Reason : null,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // Queued after the recipients are stored; a crash between the two leaves a send that the hourly
        // sweep of this job (run without arguments) finds and starts.
        await jobs.EnqueueAsync<MessageSendJob>(new MessageSendArguments(send.Id), cancellationToken: cancellationToken);
        return ChangeResult.Saved(send.Id);
    }

    private async Task<AudienceMember?> PersonAsync(CrmDbContext db, long customerId, long? contactId, CancellationToken cancellationToken)
    {
        var owner = await db.Customers.Where(c => c.Id == customerId).Select(c => new { c.OwnerUserId }).FirstOrDefaultAsync(cancellationToken);
        return owner is null || !await access.CanEditAsync(currentUser.Principal, owner.OwnerUserId)
            ? null
            : await SendAudience.OfPersonAsync(db, customerId, contactId, cancellationToken);
    }

    private async Task<SendPreview> PreviewAsync(SendTemplate template, IReadOnlyList<AudienceMember> audience, string publicAddress, CancellationToken cancellationToken)
    {
        var campaign = template.Kind == MessageKind.Campaign;
        var receiving = audience.Where(m => campaign ? m.Reason is null : m.Email is not null).ToList();
        var leftOut = audience.Where(m => !receiving.Contains(m)).ToList();
        var example = new MessageSend
        {
            TemplateKey = template.Key,
            TemplateTitle = template.Title,
            AudienceName = "",
            PublicAddress = publicAddress,
            StartedBy = "",
        };
        var previews = new List<LanguagePreview>();
        foreach (var group in receiving.GroupBy(m => m.Language ?? ""))
        {
            var person = group.First();
            var recipient = new MessageSendRecipient { CustomerId = person.CustomerId, ContactId = person.ContactId, Name = person.Name, Email = person.Email };
            var (message, language) = await writer.WriteAsync(example, recipient, template.Kind, campaign ? "example" : null, cancellationToken);
            previews.Add(new LanguagePreview(language, group.Count(), person, message.Subject, message.HtmlBody));
        }

        return new SendPreview(receiving.Count, leftOut, previews);
    }
}
