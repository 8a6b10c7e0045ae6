using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Search;
using CrmBlazor.Host.Identity;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Customers;

/// <summary>
/// Creates, changes and archives customers and their contacts: validates the input, checks the
/// per-record rules, detects concurrent edits and keeps the search index in the same transaction.
/// </summary>
public sealed class CustomerService(
    IDbContextFactory<CrmDbContext> contexts,
    CustomerAccess access,
    CurrentUser currentUser,
    TimeProvider clock)
{
    /// <summary>The message shown when someone else saved the customer first.</summary>
    public const string ConflictMessage =
        "Someone else changed this customer while you were editing it. Nothing was saved: reload to see their changes, then make yours again.";

    private static readonly Problem CustomerConflict = new(ConflictMessage);

    private static readonly Problem ContactConflict =
        new("Someone else changed this contact while you were editing it. Nothing was saved: reload and try again.");

    /// <summary>Loads a customer with contacts, addresses and tags, or null.</summary>
    /// <param name="id">The customer id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<Customer?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Customers.AsNoTracking().AsSplitQuery()
            .Include(c => c.Contacts.OrderByDescending(x => x.IsPrimary).ThenBy(x => x.Name))
            .Include(c => c.Addresses)
            .Include(c => c.Tags)
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    /// <summary>Creates a customer; the current user becomes its account manager unless another is given.</summary>
    /// <param name="input">The input.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ChangeResult> CreateAsync(CustomerInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return await db.Change<Customer>()
            .Allow(_ => access.CanCreateAsync(currentUser.Principal))
            .Validate(input)
            .Create(() => new Customer { Name = string.Empty, CreatedAt = now })
            .InTransaction()
            .Apply(async (customer, ct) =>
            {
                Apply(input, customer, now);
                EmailConsent.Apply(input, customer, currentUser.UserId, now);
                customer.OwnerUserId ??= currentUser.UserId;
                await SetTagsAsync(db, customer, input.Tags, ct);
                return null;
            })
            .AlsoSave((customer, ct) =>
            {
                db.Publish(new CustomerCreated(customer.Id));
                return SearchIndex.ReindexAsync(db, customer, ct);
            })
            .SaveAsync(CustomerConflict, cancellationToken);
    }

    /// <summary>
    /// Saves a user's edit of a customer. Refused with <see cref="ChangeStatus.Conflict"/> when the
    /// customer changed since <see cref="CustomerInput.RowVersion"/> was loaded.
    /// </summary>
    /// <param name="id">The customer id.</param>
    /// <param name="input">The edited values and the version they were loaded at.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ChangeResult> UpdateAsync(long id, CustomerInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<Customer>()
            .Validate(input)
            .Load(ct => LoadForChangeAsync(db, id, ct))
            .AllowFor(async (customer, _) => await access.CanEditAsync(currentUser.Principal, customer.OwnerUserId)
                && (input.OwnerUserId == customer.OwnerUserId || await access.CanEditAsync(currentUser.Principal, input.OwnerUserId)))
            .Expect(input.RowVersion)
            .InTransaction()
            .Apply(async (customer, ct) =>
            {
                Apply(input, customer, clock.GetUtcNow());
                EmailConsent.Apply(input, customer, currentUser.UserId, clock.GetUtcNow());
                await SetTagsAsync(db, customer, input.Tags, ct);
                SetAddresses(db, customer, input.Addresses);
                return null;
            })
            .AlsoSave((customer, ct) =>
            {
                db.Publish(new CustomerChanged(customer.Id));
                return SearchIndex.ReindexAsync(db, customer, ct);
            })
            .SaveAsync(CustomerConflict, cancellationToken);
    }

    /// <summary>Archives a customer (hidden from lists, history kept) or brings it back.</summary>
    /// <param name="id">The customer id.</param>
    /// <param name="archived">True to archive, false to restore.</param>
    /// <param name="rowVersion">The version the user saw.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ChangeResult> SetArchivedAsync(long id, bool archived, Guid rowVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<Customer>()
            .Load(ct => db.Customers.FirstOrDefaultAsync(c => c.Id == id, ct))
            .AllowFor((customer, _) => access.CanEditAsync(currentUser.Principal, customer.OwnerUserId))
            .Expect(rowVersion)
            .Apply(customer =>
            {
                customer.IsArchived = archived;
                customer.UpdatedAt = clock.GetUtcNow();
            })
            .SaveAsync(CustomerConflict, cancellationToken);
    }

    /// <summary>Adds a contact to a customer, or saves a user's edit of one.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="contactId">The contact to change, or null to add one.</param>
    /// <param name="input">The values (and, for an edit, the version loaded).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ChangeResult> SaveContactAsync(long customerId, long? contactId, ContactInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        Contact? contact = null;
        var change = db.Change<Customer>()
            .Validate(input)
            .Load(ct => LoadForChangeAsync(db, customerId, ct))
            .AllowFor((customer, _) => access.CanEditAsync(currentUser.Principal, customer.OwnerUserId));
        if (contactId is { } existingId)
        {
            change.Expect(customer => contact = customer.Contacts.FirstOrDefault(c => c.Id == existingId), input.RowVersion);
        }

        return await change
            .InTransaction()
            .Apply(customer =>
            {
                if (contact is null)
                {
                    contact = new Contact { Name = string.Empty, CustomerId = customerId, CreatedAt = clock.GetUtcNow() };
                    customer.Contacts.Add(contact);
                }

                contact.Name = input.Name.Trim();
                contact.Role = Clean(input.Role);
                contact.Email = Clean(input.Email);
                contact.Phone = Clean(input.Phone);
                contact.Language = Clean(input.Language);
                EmailConsent.Apply(input, contact, currentUser.UserId, clock.GetUtcNow());
                contact.IsPrimary = input.IsPrimary || customer.Contacts.Count(c => !c.IsArchived) == 1;
                if (contact.IsPrimary)
                {
                    foreach (var other in customer.Contacts.Where(c => c != contact && c.IsPrimary))
                    {
                        other.IsPrimary = false;
                    }
                }
            })
            .AlsoSave((customer, ct) => SearchIndex.ReindexAsync(db, customer, ct))
            .ResultId(_ => contact!.Id)
            .SaveAsync(ContactConflict, cancellationToken);
    }

    /// <summary>Archives a contact (left the company) or brings it back.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="contactId">The contact.</param>
    /// <param name="archived">True to archive.</param>
    /// <param name="rowVersion">The version the user saw.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ChangeResult> SetContactArchivedAsync(long customerId, long contactId, bool archived, Guid rowVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<Contact>()
            .Load(async ct => (await LoadForChangeAsync(db, customerId, ct))?.Contacts.FirstOrDefault(c => c.Id == contactId))
            .AllowFor((contact, _) => access.CanEditAsync(currentUser.Principal, contact.Customer!.OwnerUserId))
            .Expect(rowVersion)
            .Apply(contact =>
            {
                contact.IsArchived = archived;
                if (archived)
                {
                    contact.IsPrimary = false;
                }
            })
            .SaveAsync(ContactConflict, cancellationToken);
    }

    /// <summary>Copies validated input onto a customer.</summary>
    internal static void Apply(CustomerInput input, Customer customer, DateTimeOffset now)
    {
        customer.Kind = input.Kind;
        customer.Name = input.Name.Trim();
        customer.Industry = Clean(input.Industry);
        customer.Email = Clean(input.Email);
        customer.Phone = Clean(input.Phone);
        customer.Website = Clean(input.Website);
        customer.Currency = input.Currency.Trim().ToUpperInvariant();
        customer.Language = Clean(input.Language);
        customer.OwnerUserId = Clean(input.OwnerUserId);
        customer.Notes = Clean(input.Notes);
        customer.UpdatedAt = now;
        if (customer.Id == 0)
        {
            foreach (var address in input.Addresses.Where(a => !a.IsEmpty))
            {
                customer.Addresses.Add(ToAddress(address));
            }
        }
    }

    /// <summary>Resolves tag names to tags, creating those that do not exist yet.</summary>
    internal static async Task SetTagsAsync(CrmDbContext db, Customer customer, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var wanted = names.Select(n => n.Trim()).Where(n => n.Length is > 0 and <= 60)
            .DistinctBy(TagKey, StringComparer.Ordinal).ToDictionary(TagKey, StringComparer.Ordinal);
        var keys = wanted.Keys.ToList();
        var existing = await db.Tags.Where(t => keys.Contains(t.NormalizedName)).ToDictionaryAsync(t => t.NormalizedName, StringComparer.Ordinal, cancellationToken);
        customer.Tags.RemoveAll(t => !wanted.ContainsKey(t.NormalizedName));
        foreach (var (key, name) in wanted)
        {
            if (customer.Tags.Any(t => t.NormalizedName == key))
            {
                continue;
            }

            customer.Tags.Add(existing.TryGetValue(key, out var tag) ? tag : new Tag { Name = name, NormalizedName = key });
        }
    }

    /// <summary>The comparison key of a tag name.</summary>
    /// <param name="name">The tag as written.</param>
    public static string TagKey(string name) => SearchText.Fold(name.Trim());

    private static void SetAddresses(CrmDbContext db, Customer customer, List<AddressInput> input)
    {
        db.CustomerAddresses.RemoveRange(customer.Addresses);
        customer.Addresses.Clear();
        foreach (var address in input.Where(a => !a.IsEmpty))
        {
            customer.Addresses.Add(ToAddress(address));
        }
    }

    private static CustomerAddress ToAddress(AddressInput input) => new()
    {
        Kind = input.Kind,
        Street = Clean(input.Street),
        City = Clean(input.City),
        PostalCode = Clean(input.PostalCode),
        Region = Clean(input.Region),
        Country = Clean(input.Country)?.ToUpperInvariant(),
    };

    private static Task<Customer?> LoadForChangeAsync(CrmDbContext db, long id, CancellationToken cancellationToken) =>
        db.Customers.AsSplitQuery().Include(c => c.Contacts).Include(c => c.Addresses).Include(c => c.Tags)
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
