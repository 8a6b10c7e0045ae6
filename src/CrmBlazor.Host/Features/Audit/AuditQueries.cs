using System.Globalization;
using CrmBlazor.Data.Audit;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Interactions;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Audit;

/// <summary>Which audit entries a history view shows.</summary>
public static class AuditQueries
{
    /// <summary>The entries of one record, of one type, of one owner, or all of them.</summary>
    /// <param name="db">The context.</param>
    /// <param name="owner">The owner (<c>crm</c> or a plugin id), or null for all.</param>
    /// <param name="entity">The entity type, or null for all.</param>
    /// <param name="entityKey">The record key, or null for all.</param>
    /// <param name="includeCustomerRecords">For a customer: add its contacts', addresses' and interactions' entries.</param>
    public static IQueryable<AuditEntry> For(CrmDbContext db, string? owner, string? entity, string? entityKey, bool includeCustomerRecords = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entries = db.AuditEntries.AsQueryable();
        if (includeCustomerRecords && entity == nameof(Customer) && long.TryParse(entityKey, NumberStyles.None, CultureInfo.InvariantCulture, out var customerId))
        {
            var contactKeys = db.Contacts.Where(c => c.CustomerId == customerId).Select(c => c.Id.ToString());
            var interactionKeys = db.Interactions.Where(i => i.CustomerId == customerId).Select(i => i.Id.ToString());
            var created = "\"CustomerId\":{\"after\":" + entityKey + "}";
            var deleted = "\"CustomerId\":{\"before\":" + entityKey + "}";
            return entries.Where(a => a.Owner == CrmBlazor.Data.CrmDbContextOptions.CoreOwnerId && (
                (a.Entity == nameof(Customer) && a.EntityKey == entityKey)
                || (a.Entity == nameof(Contact) && contactKeys.Contains(a.EntityKey))
                || (a.Entity == nameof(Interaction) && interactionKeys.Contains(a.EntityKey))
                || ((a.Entity == nameof(CustomerAddress) || a.Entity == AuditLabels.CustomerTagEntity) && (a.Changes.Contains(created) || a.Changes.Contains(deleted)))));
        }

        if (owner is not null)
        {
            entries = entries.Where(a => a.Owner == owner);
        }

        if (entity is not null)
        {
            entries = entries.Where(a => a.Entity == entity);
        }

        if (entityKey is not null)
        {
            entries = entries.Where(a => a.EntityKey == entityKey);
        }

        return entries;
    }

    /// <summary>The owners (<c>crm</c> and plugin ids) that have entries in the log.</summary>
    /// <param name="db">The context.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static async Task<IReadOnlyList<string>> OwnersAsync(CrmDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.AuditEntries.AsNoTracking().Select(a => a.Owner).Distinct().OrderBy(o => o).ToListAsync(cancellationToken);
    }

    /// <summary>The entity types that have entries in the log, of one owner or of all.</summary>
    /// <param name="db">The context.</param>
    /// <param name="owner">The owner, or null for all.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static async Task<IReadOnlyList<string>> EntitiesAsync(CrmDbContext db, string? owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(owner))
        {
            entries = entries.Where(a => a.Owner == owner);
        }

        return await entries.Select(a => a.Entity).Distinct().OrderBy(e => e).ToListAsync(cancellationToken);
    }

    /// <summary>A page of entries, newest first, with the names of the users and tags they mention.</summary>
    /// <param name="db">The context.</param>
    /// <param name="entries">The entries to page through.</param>
    /// <param name="page">The page, from 0.</param>
    /// <param name="pageSize">Entries per page.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public static async Task<AuditPage> PageAsync(CrmDbContext db, IQueryable<AuditEntry> entries, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entries);
        var total = await entries.CountAsync(cancellationToken);
        var items = await entries.AsNoTracking().OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var names = await AuditNames.LoadAsync(db, items, cancellationToken);
        return new AuditPage(items, total, names);
    }
}

/// <summary>A page of audit entries.</summary>
/// <param name="Items">The entries, newest first.</param>
/// <param name="Total">How many entries match in all.</param>
/// <param name="Names">The names of the users and tags the entries mention.</param>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, int Total, AuditNames Names);
