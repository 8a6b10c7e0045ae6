using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Sends;

/// <summary>A person a send would go to, or who is left out and why.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="ContactId">The contact, or null for the customer itself.</param>
/// <param name="CustomerName">The customer's name.</param>
/// <param name="Name">The person's name.</param>
/// <param name="Email">The address, or null.</param>
/// <param name="Language">The language their messages are written in (theirs, else the customer's), or null for the firm's.</param>
/// <param name="Reason">Why they are left out, or null when they receive the message.</param>
public sealed record AudienceMember(long CustomerId, long? ContactId, string CustomerName, string Name, string? Email, string? Language, LeftOutReason? Reason);

/// <summary>
/// Who a campaign reaches: every active contact of each company in the segment and each person customer,
/// each with the campaign rules of <see cref="EmailConsent"/> applied.
/// </summary>
public static class SendAudience
{
    /// <summary>The members of a segment (as of its last refresh) as recipients, in customer and contact order.</summary>
    /// <param name="db">The core's context.</param>
    /// <param name="segmentId">The segment.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static async Task<IReadOnlyList<AudienceMember>> OfSegmentAsync(CrmDbContext db, long segmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var members = db.SegmentMembers.Where(m => m.SegmentId == segmentId).Select(m => m.CustomerId);
        return await OfCustomersAsync(db, db.Customers.Where(c => members.Contains(c.Id) && !c.IsArchived), cancellationToken);
    }

    /// <summary>One contact (or a person customer, with <paramref name="contactId"/> null) as a recipient, or null when there is no such person.</summary>
    /// <param name="db">The core's context.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="contactId">The contact, or null for a person customer.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static async Task<AudienceMember?> OfPersonAsync(CrmDbContext db, long customerId, long? contactId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var all = await OfCustomersAsync(db, db.Customers.Where(c => c.Id == customerId), cancellationToken);
        return all.FirstOrDefault(m => m.ContactId == contactId && m.Reason != LeftOutReason.NoContact);
    }

    private static async Task<IReadOnlyList<AudienceMember>> OfCustomersAsync(CrmDbContext db, IQueryable<Customer> customers, CancellationToken cancellationToken)
    {
        var rows = await customers.AsNoTracking()
            .OrderBy(c => c.Id)
            .Select(c => new
            {
                c.Id,
                c.Kind,
                c.Name,
                c.Email,
                c.EmailConsentAt,
                c.EmailOptedOutAt,
                c.Language,
                Contacts = c.Contacts.Where(x => !x.IsArchived).OrderBy(x => x.Id)
                    .Select(x => new { x.Id, x.Name, x.Email, x.EmailConsentAt, x.EmailOptedOutAt, x.Language }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var result = new List<AudienceMember>(rows.Count);
        foreach (var c in rows)
        {
            if (c.Kind == CustomerKind.Person)
            {
                result.Add(new AudienceMember(c.Id, null, c.Name, c.Name, c.Email, c.Language, EmailConsent.LeftOut(c.Email, c.EmailConsentAt, c.EmailOptedOutAt)));
            }
            else if (c.Contacts.Count == 0)
            {
                result.Add(new AudienceMember(c.Id, null, c.Name, c.Name, null, c.Language, LeftOutReason.NoContact));
            }
            else
            {
                result.AddRange(c.Contacts.Select(x =>
                    new AudienceMember(c.Id, x.Id, c.Name, x.Name, x.Email, x.Language ?? c.Language, EmailConsent.LeftOut(x.Email, x.EmailConsentAt, x.EmailOptedOutAt))));
            }
        }

        return result;
    }
}
