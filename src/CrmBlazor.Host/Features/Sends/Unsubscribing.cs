using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Users;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Sends;

/// <summary>What an unsubscribe link is worth.</summary>
public enum UnsubscribeLinkStatus
{
    /// <summary>No such link (mistyped, or the person's data was erased).</summary>
    Unknown,

    /// <summary>The person receives campaigns; the link can opt them out.</summary>
    Subscribed,

    /// <summary>The person has opted out (with this link or another).</summary>
    OptedOut,
}

/// <summary>
/// The personal unsubscribe links of campaign messages: a link's token is stored only as its hash on the
/// recipient it was sent to, and opting out records the time on the contact (or the person customer),
/// which every later campaign honours. No sign-in: whoever holds the message holds the link.
/// </summary>
public sealed class Unsubscribing(IDbContextFactory<CrmDbContext> contexts, TimeProvider clock)
{
    /// <summary>What a link is worth now, and the address it was sent to.</summary>
    /// <param name="token">The token from the link.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<(UnsubscribeLinkStatus Status, string? Email)> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (AccountLinkTokens.LookupHashOf(token) is not { } hash)
        {
            return (UnsubscribeLinkStatus.Unknown, null);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var recipient = await db.MessageSendRecipients.AsNoTracking().Where(r => r.UnsubscribeTokenHash == hash)
            .Select(r => new { r.Email, r.CustomerId, r.ContactId }).FirstOrDefaultAsync(cancellationToken);
        if (recipient is null)
        {
            return (UnsubscribeLinkStatus.Unknown, null);
        }

        var optedOut = recipient.ContactId is { } contactId
            ? await db.Contacts.AnyAsync(c => c.Id == contactId && c.EmailOptedOutAt != null, cancellationToken)
            : await db.Customers.AnyAsync(c => c.Id == recipient.CustomerId && c.EmailOptedOutAt != null, cancellationToken);
        return (optedOut ? UnsubscribeLinkStatus.OptedOut : UnsubscribeLinkStatus.Subscribed, recipient.Email);
    }

    /// <summary>Opts the person a link was sent to out of campaigns; repeating it changes nothing.</summary>
    /// <param name="token">The token from the link.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>False for a link that does not exist.</returns>
    public async Task<bool> OptOutAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (AccountLinkTokens.LookupHashOf(token) is not { } hash)
        {
            return false;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var recipient = await db.MessageSendRecipients.FirstOrDefaultAsync(r => r.UnsubscribeTokenHash == hash, cancellationToken);
        if (recipient is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        recipient.UnsubscribedAt ??= now;
        if (recipient.ContactId is { } contactId)
        {
            if (await db.Contacts.FirstOrDefaultAsync(c => c.Id == contactId, cancellationToken) is { } contact)
            {
                contact.EmailOptedOutAt ??= now;
            }
        }
        else if (await db.Customers.FirstOrDefaultAsync(c => c.Id == recipient.CustomerId, cancellationToken) is { } customer)
        {
            customer.EmailOptedOutAt ??= now;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A colleague saved the contact at the same moment: record the opt-out on top of their change.
            db.ChangeTracker.Clear();
            return await OptOutAsync(token, cancellationToken);
        }

        return true;
    }
}
