using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Interactions;
using CrmBlazor.Testing.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Segments;

/// <summary>
/// Builds a customer in the situation a segment rule asks about (tags, addresses, interactions,
/// dates) and stores it through the host's own context.
/// </summary>
/// <example><code>var quiet = await new CustomerSituation().LastContacted(DaysAgo(100)).SaveAsync(host);</code></example>
public sealed class CustomerSituation
{
    private readonly List<string> _tags = [];
    private readonly List<(string? City, string? Country)> _addresses = [];
    private readonly List<(InteractionChannel Channel, InteractionStatus Status, DateTimeOffset At)> _interactions = [];
    private string _name = "Customer " + Guid.NewGuid().ToString("N")[..10];
    private CustomerKind _kind = CustomerKind.Company;
    private string? _industry;
    private string? _owner;
    private bool _archived;
    private DateTimeOffset _createdAt = DateTimeOffset.UtcNow.AddYears(-1);
    private DateTimeOffset? _lastInteractionAt;

    /// <summary>Gives the customer a name (a unique Latin one otherwise).</summary>
    public CustomerSituation Named(string name)
    {
        _name = name;
        return this;
    }

    /// <summary>Makes the customer a private person (a company otherwise).</summary>
    public CustomerSituation APerson()
    {
        _kind = CustomerKind.Person;
        return this;
    }

    /// <summary>Sets the industry (none otherwise).</summary>
    public CustomerSituation InIndustry(string? industry)
    {
        _industry = industry;
        return this;
    }

    /// <summary>Gives the customer an account manager (a user id; none otherwise).</summary>
    public CustomerSituation ManagedBy(string userId)
    {
        _owner = userId;
        return this;
    }

    /// <summary>Tags the customer; existing tags of the same folded name are reused.</summary>
    public CustomerSituation Tagged(params string[] tags)
    {
        _tags.AddRange(tags);
        return this;
    }

    /// <summary>Adds an address.</summary>
    public CustomerSituation WithAddress(string? city, string? country)
    {
        _addresses.Add((city, country));
        return this;
    }

    /// <summary>Sets when the customer was created.</summary>
    public CustomerSituation CreatedAt(DateTimeOffset at)
    {
        _createdAt = at;
        return this;
    }

    /// <summary>Sets when the latest interaction happened (never otherwise).</summary>
    public CustomerSituation LastContacted(DateTimeOffset at)
    {
        _lastInteractionAt = at;
        return this;
    }

    /// <summary>Logs an interaction (complaints and inquiries carry a status).</summary>
    public CustomerSituation WithInteraction(InteractionChannel channel, InteractionStatus status = InteractionStatus.None, DateTimeOffset? at = null)
    {
        _interactions.Add((channel, status, at ?? DateTimeOffset.UtcNow.AddDays(-1)));
        return this;
    }

    /// <summary>Archives the customer.</summary>
    public CustomerSituation Archived()
    {
        _archived = true;
        return this;
    }

    /// <summary>Stores the customer and returns its id.</summary>
    /// <param name="host">The host.</param>
    public Task<long> SaveAsync(CrmHostFactory host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.InScopeAsync(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            var customer = new Customer
            {
                Kind = _kind,
                Name = _name,
                Industry = _industry,
                OwnerUserId = _owner,
                IsArchived = _archived,
                CreatedAt = _createdAt,
                UpdatedAt = _createdAt,
                LastInteractionAt = _lastInteractionAt ?? (_interactions.Count == 0 ? null : _interactions.Max(i => i.At)),
            };
            foreach (var name in _tags)
            {
                var key = CustomerService.TagKey(name);
                customer.Tags.Add(await db.Tags.FirstOrDefaultAsync(t => t.NormalizedName == key) ?? new Tag { Name = name, NormalizedName = key });
            }

            customer.Addresses.AddRange(_addresses.Select(a => new CustomerAddress { Kind = AddressKind.Main, City = a.City, Country = a.Country }));
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
            db.Interactions.AddRange(_interactions.Select(i => new Interaction
            {
                CustomerId = customer.Id,
                Channel = i.Channel,
                Direction = InteractionDirection.Inbound,
                Status = i.Status,
                OccurredAt = i.At,
                CreatedAt = i.At,
                Subject = i.Channel + " for the segment tests",
            }));
            await db.SaveChangesAsync();
            return customer.Id;
        });
    }
}
