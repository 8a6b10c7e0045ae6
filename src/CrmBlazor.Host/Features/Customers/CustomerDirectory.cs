using CrmBlazor.Host.Data;
using CrmBlazor.Sdk.Customers;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Customers;

/// <summary>The core's implementation of <see cref="ICustomerDirectory"/>.</summary>
internal sealed class CustomerDirectory(IDbContextFactory<CrmDbContext> contexts) : ICustomerDirectory
{
    public async Task<CustomerSummary?> GetAsync(long customerId, CancellationToken cancellationToken = default)
    {
        var found = await GetManyAsync([customerId], cancellationToken);
        return found.GetValueOrDefault(customerId);
    }

    public async Task<IReadOnlyDictionary<long, CustomerSummary>> GetManyAsync(IReadOnlyCollection<long> customerIds, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Customers.AsNoTracking()
            .Where(c => customerIds.Contains(c.Id))
            .Select(c => new CustomerSummary(c.Id, c.Name, c.Currency, c.OwnerUserId, c.IsArchived))
            .ToDictionaryAsync(c => c.Id, cancellationToken);
    }

    public async Task<IReadOnlyList<CustomerSummary>> SearchAsync(string? text, int take = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = new CustomerListQuery(Search: text, PageSize: Math.Clamp(take, 1, 100));
        return await CustomerQueries.Sorted(db, query)
            .Take(query.PageSize)
            .Select(c => new CustomerSummary(c.Id, c.Name, c.Currency, c.OwnerUserId, c.IsArchived))
            .ToListAsync(cancellationToken);
    }

    public async Task<BillingRecipient?> GetBillingRecipientAsync(long customerId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.Customers.AsNoTracking().Where(c => c.Id == customerId)
            .Select(c => new
            {
                c.Name,
                c.Email,
                Primary = c.Contacts.Where(x => x.IsPrimary && !x.IsArchived && x.Email != null).OrderBy(x => x.Id)
                    .Select(x => new { x.Id, x.Name, x.Email }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return found switch
        {
            null => null,
            { Email: { Length: > 0 } email } => new BillingRecipient(customerId, null, found.Name, email),
            { Primary: { Email: { Length: > 0 } email } primary } => new BillingRecipient(customerId, primary.Id, primary.Name, email),
            _ => null,
        };
    }
}
