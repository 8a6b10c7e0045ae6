using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Sdk.Audiences;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Segments;

/// <summary>Offers the segments to plugins as audiences.</summary>
internal sealed class AudienceDirectory(IDbContextFactory<CrmDbContext> contexts) : IAudienceDirectory
{
    public async Task<IReadOnlyList<AudienceInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Segments.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new AudienceInfo(s.Id, s.Name, s.MemberCount, s.RefreshedAt)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<long>> GetCustomerIdsAsync(long audienceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SegmentMembers.Where(m => m.SegmentId == audienceId).OrderBy(m => m.CustomerId).Select(m => m.CustomerId).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AudienceRecipient>> GetRecipientsAsync(long audienceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var members = db.SegmentMembers.Where(m => m.SegmentId == audienceId).Select(m => m.CustomerId);
        var customers = await db.Customers.AsNoTracking().Where(c => members.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                c.Kind,
                c.Name,
                c.Email,
                Contact = c.Contacts.Where(x => !x.IsArchived).OrderByDescending(x => x.IsPrimary).ThenBy(x => x.Email == null).ThenBy(x => x.Id)
                    .Select(x => new { x.Id, x.Name, x.Email }).FirstOrDefault(),
            })
            .OrderBy(c => c.Id)
            .ToListAsync(cancellationToken);
        return [.. customers.Select(c => c.Kind == CustomerKind.Person || c.Contact is null
            ? new AudienceRecipient(c.Id, null, c.Name, c.Email)
            : new AudienceRecipient(c.Id, c.Contact.Id, c.Contact.Name, c.Contact.Email ?? c.Email))];
    }
}
