using CrmBlazor.Host.Data;
using CrmBlazor.Sdk.Customers;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Customers;

/// <summary>The core's implementation of <see cref="IContactDirectory"/>.</summary>
internal sealed class ContactDirectory(IDbContextFactory<CrmDbContext> contexts) : IContactDirectory
{
    public async Task<ContactSummary?> GetAsync(long contactId, CancellationToken cancellationToken = default)
    {
        var found = await GetManyAsync([contactId], cancellationToken);
        return found.GetValueOrDefault(contactId);
    }

    public async Task<IReadOnlyDictionary<long, ContactSummary>> GetManyAsync(IReadOnlyCollection<long> contactIds, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Contacts.AsNoTracking()
            .Where(c => contactIds.Contains(c.Id))
            .Select(c => new ContactSummary(c.Id, c.CustomerId, c.Name, c.Email, c.Language ?? c.Customer!.Language, c.IsPrimary, c.IsArchived))
            .ToDictionaryAsync(c => c.Id, cancellationToken);
    }

    public async Task<IReadOnlyList<ContactSummary>> ListAsync(long customerId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => c.CustomerId == customerId && !c.IsArchived)
            .Select(c => new ContactSummary(c.Id, c.CustomerId, c.Name, c.Email, c.Language ?? c.Customer!.Language, c.IsPrimary, c.IsArchived))
            .ToListAsync(cancellationToken);
        // Sorted here: names are in any script, and the databases would order them by different collations.
        return [.. contacts.OrderByDescending(c => c.IsPrimary).ThenBy(c => c.Name, StringComparer.CurrentCulture).ThenBy(c => c.Id)];
    }
}
