using System.Globalization;
using CrmBlazor.Data.Audit;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Interactions;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Audit;

/// <summary>
/// The read side of the audit log, for pages: a page of the entries a filter selects with the names they
/// mention, and the owners and record types the log's filters offer.
/// </summary>
public sealed class AuditQueries(IDbContextFactory<CrmDbContext> contexts)
{
    /// <summary>A page of the entries a filter selects, newest first, with the names of the users and tags they mention.</summary>
    /// <param name="filter">Which entries.</param>
    /// <param name="page">The page, from 0.</param>
    /// <param name="pageSize">Entries per page.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public async Task<AuditPage> PageAsync(AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = Select(db, filter);
        var total = await entries.CountAsync(cancellationToken);
        var items = await entries.AsNoTracking().OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var names = await AuditNames.LoadAsync(db, items, cancellationToken);
        return new AuditPage(items, total, names);
    }

    /// <summary>The owners (<c>crm</c> and plugin ids) that have entries in the log.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<string>> OwnersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.AsNoTracking().Select(a => a.Owner).Distinct().OrderBy(o => o).ToListAsync(cancellationToken);
    }

    /// <summary>The entity types that have entries in the log, of one owner or of all.</summary>
    /// <param name="owner">The owner, or null for all.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<string>> EntitiesAsync(string? owner, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(owner))
        {
            entries = entries.Where(a => a.Owner == owner);
        }

        return await entries.Select(a => a.Entity).Distinct().OrderBy(e => e).ToListAsync(cancellationToken);
    }

    /// <summary>The entries a filter selects, unsorted.</summary>
    private static IQueryable<AuditEntry> Select(CrmDbContext db, AuditFilter filter)
    {
        if (filter.IncludeCustomerRecords && filter.Entity == nameof(Customer)
            && long.TryParse(filter.EntityKey, NumberStyles.None, CultureInfo.InvariantCulture, out var customerId))
        {
            var customerKey = filter.EntityKey;
            var contactKeys = db.Contacts.Where(c => c.CustomerId == customerId).Select(c => c.Id.ToString());
            var interactionKeys = db.Interactions.Where(i => i.CustomerId == customerId).Select(i => i.Id.ToString());
            var created = "\"CustomerId\":{\"after\":" + customerKey + "}";
            var deleted = "\"CustomerId\":{\"before\":" + customerKey + "}";
            return db.AuditEntries.Where(a => a.Owner == CrmBlazor.Data.CrmDbContextOptions.CoreOwnerId && (
                (a.Entity == nameof(Customer) && a.EntityKey == customerKey)
                || (a.Entity == nameof(Contact) && contactKeys.Contains(a.EntityKey))
                || (a.Entity == nameof(Interaction) && interactionKeys.Contains(a.EntityKey))
                || ((a.Entity == nameof(CustomerAddress) || a.Entity == AuditLabels.CustomerTagEntity) && (a.Changes.Contains(created) || a.Changes.Contains(deleted)))));
        }

        return filter.Apply(db.AuditEntries);
    }
}

/// <summary>A page of audit entries.</summary>
/// <param name="Items">The entries, newest first.</param>
/// <param name="Total">How many entries match in all.</param>
/// <param name="Names">The names of the users and tags the entries mention.</param>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, int Total, AuditNames Names);
