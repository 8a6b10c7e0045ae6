using System.Globalization;
using System.Runtime.CompilerServices;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Import;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Export;

/// <summary>
/// The rows of a customer export in the customer file format (<see cref="CustomerFileFormat"/>): the
/// list's customers, filtered and sorted by <see cref="CustomerQueries"/>, read a page at a time so
/// that an export of 100,000 customers needs no more memory than one of a hundred.
/// </summary>
/// <remarks>
/// Each customer gives one row per active contact (the main contact first), or one row without
/// contact values. Archived contacts have left the company and are not exported. The main address (or
/// the first other one) fills the address columns; the customer id is the customer key, so customers
/// with the same name stay apart when the file is imported again.
/// </remarks>
public static class CustomerExportRows
{
    /// <summary>Customers read per query.</summary>
    public const int PageSize = 500;

    /// <summary>The header row.</summary>
    public static IReadOnlyList<string> Headers { get; } = [.. CustomerFileFormat.Columns.Select(c => c.Header)];

    /// <summary>The rows, a page of customers at a time.</summary>
    /// <param name="contexts">Creates the context the export reads with.</param>
    /// <param name="query">The list's filters and order (its page and page size are ignored).</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    public static async IAsyncEnumerable<IReadOnlyList<string[]>> PagesAsync(
        IDbContextFactory<CrmDbContext> contexts,
        CustomerListQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        for (var page = 0; ; page++)
        {
            // A join rather than a subquery for the account manager: SQLite has no APPLY for a correlated
            // subquery over a paged query.
            var customers = await (
                    from c in CustomerQueries.Sorted(db, query).Skip(page * PageSize).Take(PageSize)
                    join u in db.Users on c.OwnerUserId equals u.Id into owners
                    from owner in owners.DefaultIfEmpty()
                    select new CustomerValues(c.Id, c.Kind, c.Name, c.Industry, c.Email, c.Phone, c.Website, c.Currency, c.Notes, owner == null ? null : owner.Email))
                .ToListAsync(cancellationToken);
            if (customers.Count == 0)
            {
                yield break;
            }

            var ids = customers.Select(c => c.Id).ToList();
            var contacts = (await db.Contacts.AsNoTracking()
                    .Where(c => ids.Contains(c.CustomerId) && !c.IsArchived)
                    .OrderByDescending(c => c.IsPrimary).ThenBy(c => c.Id)
                    .ToListAsync(cancellationToken))
                .ToLookup(c => c.CustomerId);
            var addresses = (await db.CustomerAddresses.AsNoTracking()
                    .Where(a => ids.Contains(a.CustomerId))
                    .OrderBy(a => a.Kind).ThenBy(a => a.Id)
                    .ToListAsync(cancellationToken))
                .ToLookup(a => a.CustomerId);
            // Through the link table: a SelectMany over the navigation needs APPLY, which SQLite lacks.
            var tags = (await (
                    from link in db.Set<Dictionary<string, object>>("crm_customer_tags")
                    join tag in db.Tags on EF.Property<long>(link, "TagId") equals tag.Id
                    where ids.Contains(EF.Property<long>(link, "CustomerId"))
                    select new { CustomerId = EF.Property<long>(link, "CustomerId"), tag.Name })
                    .ToListAsync(cancellationToken))
                .ToLookup(t => t.CustomerId, t => t.Name);

            var rows = new List<string[]>(customers.Count);
            foreach (var customer in customers)
            {
                var own = CustomerCells(customer, addresses[customer.Id].FirstOrDefault(), tags[customer.Id]);
                var customerContacts = contacts[customer.Id].ToList();
                if (customerContacts.Count == 0)
                {
                    rows.Add(own);
                }

                foreach (var contact in customerContacts)
                {
                    var row = (string[])own.Clone();
                    row[(int)CustomerField.ContactName] = contact.Name;
                    row[(int)CustomerField.ContactRole] = contact.Role ?? string.Empty;
                    row[(int)CustomerField.ContactEmail] = contact.Email ?? string.Empty;
                    row[(int)CustomerField.ContactPhone] = contact.Phone ?? string.Empty;
                    row[(int)CustomerField.MainContact] = contact.IsPrimary ? CustomerFileFormat.Yes : CustomerFileFormat.No;
                    rows.Add(row);
                }
            }

            yield return rows;
            if (customers.Count < PageSize)
            {
                yield break;
            }
        }
    }

    private static string[] CustomerCells(CustomerValues customer, CustomerAddress? address, IEnumerable<string> tags)
    {
        var row = new string[CustomerFileFormat.Columns.Count];
        Array.Fill(row, string.Empty);
        row[(int)CustomerField.CustomerKey] = customer.Id.ToString(CultureInfo.InvariantCulture);
        row[(int)CustomerField.Name] = customer.Name;
        row[(int)CustomerField.Type] = CustomerFileFormat.TypeName(customer.Kind);
        row[(int)CustomerField.Industry] = customer.Industry ?? string.Empty;
        row[(int)CustomerField.Email] = customer.Email ?? string.Empty;
        row[(int)CustomerField.Phone] = customer.Phone ?? string.Empty;
        row[(int)CustomerField.Website] = customer.Website ?? string.Empty;
        row[(int)CustomerField.Currency] = customer.Currency;
        row[(int)CustomerField.Tags] = CustomerFileFormat.JoinTags(tags);
        row[(int)CustomerField.Street] = address?.Street ?? string.Empty;
        row[(int)CustomerField.PostalCode] = address?.PostalCode ?? string.Empty;
        row[(int)CustomerField.City] = address?.City ?? string.Empty;
        row[(int)CustomerField.Region] = address?.Region ?? string.Empty;
        row[(int)CustomerField.Country] = address?.Country ?? string.Empty;
        row[(int)CustomerField.AccountManager] = customer.OwnerEmail ?? string.Empty;
        row[(int)CustomerField.Notes] = customer.Notes ?? string.Empty;
        return row;
    }

    private sealed record CustomerValues(
        long Id, CustomerKind Kind, string Name, string? Industry, string? Email, string? Phone, string? Website, string Currency, string? Notes, string? OwnerEmail);
}
