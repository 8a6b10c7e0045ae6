using CrmBlazor.Data.Outbox;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Sends;

/// <summary>A send with how far it got.</summary>
/// <param name="Id">The send.</param>
/// <param name="TemplateTitle">The template's title.</param>
/// <param name="AudienceName">The segment's or person's name.</param>
/// <param name="IsCampaign">Sent to a segment.</param>
/// <param name="State">Sending or completed.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="CompletedAt">When its last message was queued.</param>
/// <param name="Queued">Messages queued so far.</param>
/// <param name="Pending">Recipients still waiting.</param>
/// <param name="LeftOut">People left out.</param>
public sealed record SendSummary(
    long Id, string TemplateTitle, string AudienceName, bool IsCampaign, MessageSendState State,
    DateTimeOffset StartedAt, DateTimeOffset? CompletedAt, int Queued, int Pending, int LeftOut)
{
    /// <summary>Everyone the send was for: queued, waiting or left out.</summary>
    public int Total => Queued + Pending + LeftOut;
}

/// <summary>A message a recipient of a send was sent, as people who may see the customer read it.</summary>
/// <param name="RecipientId">The recipient.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="CustomerName">The customer's name.</param>
/// <param name="To">The name and address it went to.</param>
/// <param name="Subject">The subject.</param>
/// <param name="HtmlBody">The HTML body.</param>
/// <param name="TextBody">The text body.</param>
/// <param name="Language">The language it was written in.</param>
/// <param name="QueuedAt">When it was queued.</param>
/// <param name="State">Its delivery state in the outbox.</param>
/// <param name="SentAt">When the mail server accepted it.</param>
/// <param name="TemplateTitle">The template it was written from.</param>
public sealed record SentMessage(
    long RecipientId, long CustomerId, string CustomerName, string To, string Subject, string HtmlBody, string? TextBody, string? Language,
    DateTimeOffset? QueuedAt, OutboxMessageState State, DateTimeOffset? SentAt, string TemplateTitle);

/// <summary>Reads sends and the messages they sent, for the sends page and the message view.</summary>
public sealed class SendQueries(IDbContextFactory<CrmDbContext> contexts, IAuthorizationService authorization, CustomerAccess access, CurrentUser currentUser)
{
    /// <summary>The latest sends, newest first; empty for users who may not send campaigns.</summary>
    /// <param name="count">How many.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<SendSummary>> LatestAsync(int count, CancellationToken cancellationToken = default)
    {
        if (!await CanSeeSendsAsync())
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Summaries(db, db.MessageSends.OrderByDescending(s => s.Id).Take(count)).ToListAsync(cancellationToken);
    }

    /// <summary>One send with its counts, or null (unknown, or not the user's to see).</summary>
    /// <param name="id">The send.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<SendSummary?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        if (!await CanSeeSendsAsync())
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Summaries(db, db.MessageSends.Where(s => s.Id == id)).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The people a send left out, with the reasons, by customer.</summary>
    /// <param name="id">The send.</param>
    /// <param name="count">How many at most.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<MessageSendRecipient>> LeftOutAsync(long id, int count, CancellationToken cancellationToken = default)
    {
        if (!await CanSeeSendsAsync())
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MessageSendRecipients.AsNoTracking().Where(r => r.SendId == id && r.State == RecipientState.LeftOut)
            .OrderBy(r => r.Id).Take(count).ToListAsync(cancellationToken);
    }

    /// <summary>The message a recipient was sent, or null when there is none or the user may not see customers.</summary>
    /// <param name="recipientId">The recipient.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<SentMessage?> SentMessageAsync(long recipientId, CancellationToken cancellationToken = default)
    {
        if (!await access.CanViewAsync(currentUser.Principal))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var recipient = await db.MessageSendRecipients.AsNoTracking()
            .Where(r => r.Id == recipientId && r.State == RecipientState.Queued)
            .Select(r => new
            {
                Recipient = r,
                Template = db.MessageSends.Where(s => s.Id == r.SendId).Select(s => s.TemplateTitle).FirstOrDefault(),
                Customer = db.Customers.Where(c => c.Id == r.CustomerId).Select(c => c.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (recipient is null)
        {
            return null;
        }

        var r = recipient.Recipient;
        var message = await db.OutboxMessages.AsNoTracking().Where(m => m.IdempotencyKey == MessageSendRecipient.MessageKeyOf(r.SendId, r.CustomerId, r.ContactId))
            .Select(m => new { m.Subject, m.HtmlBody, m.TextBody, m.State, m.SentAt }).FirstOrDefaultAsync(cancellationToken);
        if (message is null)
        {
            return null;
        }

        return new SentMessage(r.Id, r.CustomerId, recipient.Customer ?? "", $"{r.Name} <{r.Email}>", message.Subject, message.HtmlBody, message.TextBody,
            r.Language, r.QueuedAt, message.State, message.SentAt, recipient.Template ?? "");
    }

    private async Task<bool> CanSeeSendsAsync() =>
        (await authorization.AuthorizeAsync(currentUser.Principal, CorePermissions.SendCampaigns)).Succeeded;

    private static IQueryable<SendSummary> Summaries(CrmDbContext db, IQueryable<MessageSend> sends) =>
        sends.AsNoTracking().Select(s => new SendSummary(
            s.Id, s.TemplateTitle, s.AudienceName, s.SegmentId != null, s.State, s.StartedAt, s.CompletedAt,
            db.MessageSendRecipients.Count(r => r.SendId == s.Id && r.State == RecipientState.Queued),
            db.MessageSendRecipients.Count(r => r.SendId == s.Id && r.State == RecipientState.Pending),
            db.MessageSendRecipients.Count(r => r.SendId == s.Id && r.State == RecipientState.LeftOut)));
}
