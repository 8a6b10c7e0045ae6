using System.Globalization;
using CrmBlazor.Data.Audit;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Interactions;

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
                || (a.Entity == nameof(CustomerAddress) && (a.Changes.Contains(created) || a.Changes.Contains(deleted)))));
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
}
