using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Testing.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Testing;

/// <summary>Builds a customer and stores it through the host's own context.</summary>
/// <example><code>var customer = await new CustomerBuilder().Named("Kavya Rao").WithEmail("kavya@example.test").SaveAsync(host);</code></example>
public sealed class CustomerBuilder
{
    private readonly string _unique = Guid.NewGuid().ToString("N")[..10];
    private readonly List<Contact> _contacts = [];
    private string? _name;
    private string? _email;
    private CustomerKind _kind = CustomerKind.Company;
    private DateTimeOffset? _createdAt;
    private DateTimeOffset? _lastInteractionAt;
    private string? _owner;
    private bool _archived;
    private string _currency = "EUR";
    private long _id;

    /// <summary>Gives the customer an id of the test's choice (the database's next otherwise), such as one no other column could hold by chance.</summary>
    /// <param name="id">The id, unused so far.</param>
    public CustomerBuilder WithId(long id)
    {
        _id = id;
        return this;
    }

    /// <summary>Gives the customer a name (a unique one otherwise).</summary>
    /// <param name="name">The name.</param>
    public CustomerBuilder Named(string name)
    {
        _name = name;
        return this;
    }

    /// <summary>Gives the customer an e-mail address (none otherwise).</summary>
    /// <param name="email">The address.</param>
    public CustomerBuilder WithEmail(string email)
    {
        _email = email;
        return this;
    }

    /// <summary>Makes the customer a private person (a company otherwise), whose data is personal data.</summary>
    public CustomerBuilder APerson()
    {
        _kind = CustomerKind.Person;
        return this;
    }

    /// <summary>Sets when the customer was created (now otherwise).</summary>
    /// <param name="createdAt">When.</param>
    public CustomerBuilder CreatedAt(DateTimeOffset createdAt)
    {
        _createdAt = createdAt;
        return this;
    }

    /// <summary>Sets when the customer's latest interaction happened (never otherwise).</summary>
    /// <param name="lastInteractionAt">When.</param>
    public CustomerBuilder LastInteractionAt(DateTimeOffset lastInteractionAt)
    {
        _lastInteractionAt = lastInteractionAt;
        return this;
    }

    /// <summary>Bills the customer in a currency (EUR otherwise).</summary>
    /// <param name="currency">The ISO 4217 code.</param>
    public CustomerBuilder BilledIn(string currency)
    {
        _currency = currency;
        return this;
    }

    /// <summary>Gives the customer a contact (contacts are saved in the order given).</summary>
    /// <param name="name">The contact's name.</param>
    /// <param name="email">The contact's e-mail address, or null.</param>
    /// <param name="language">The language messages to the contact are written in (<c>ta</c>), or null.</param>
    /// <param name="primary">Whether it is the primary contact.</param>
    /// <param name="archived">Whether it is archived.</param>
    /// <param name="id">The contact's id, or null to let the database choose (a test that looks for the id among other values picks one nothing else can hold).</param>
    public CustomerBuilder WithContact(string name, string? email, string? language = null, bool primary = false, bool archived = false, long? id = null)
    {
        _contacts.Add(new Contact { Id = id ?? 0, Name = name, Email = email, Language = language, IsPrimary = primary, IsArchived = archived });
        return this;
    }

    /// <summary>Makes a user the customer's account manager.</summary>
    /// <param name="userId">The user's id.</param>
    public CustomerBuilder ManagedBy(string userId)
    {
        _owner = userId;
        return this;
    }

    /// <summary>Archives the customer.</summary>
    public CustomerBuilder Archived()
    {
        _archived = true;
        return this;
    }

    /// <summary>Stores the customer and returns it as stored.</summary>
    /// <param name="host">The host.</param>
    public Task<Customer> SaveAsync(CrmHostFactory host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.InScopeAsync(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            var customer = new Customer
            {
                Id = _id,
                Kind = _kind,
                Name = _name ?? "Customer " + _unique,
                Email = _email,
                CreatedAt = _createdAt ?? DateTimeOffset.UtcNow,
                UpdatedAt = _createdAt ?? DateTimeOffset.UtcNow,
                LastInteractionAt = _lastInteractionAt,
                IsArchived = _archived,
                Currency = _currency,
                OwnerUserId = _owner,
            };
            customer.Contacts.AddRange(_contacts);
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
            return customer;
        });
    }
}
