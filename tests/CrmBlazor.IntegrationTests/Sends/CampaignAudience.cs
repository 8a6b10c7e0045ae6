using System.Runtime.CompilerServices;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Segments;
using CrmBlazor.Host.Features.Sends;
using CrmBlazor.IntegrationTests.Segments;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Sends;

/// <summary>
/// People for a campaign: customers of an industry of their own (so that a segment "industry is …" holds
/// exactly them), each contact or person with or without an address, a consent and an opt-out; and the
/// campaign started through <see cref="SendService"/> as a manager, as the sends page does.
/// </summary>
/// <param name="host">The host.</param>
public sealed class CampaignAudience(CrmHostFactory host)
{
    private static readonly ConditionalWeakTable<CrmHostFactory, Task<TestUser>> Managers = [];
    private static readonly DateTimeOffset ConsentedAt = new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The industry every customer of this audience has.</summary>
    public string Industry { get; } = "Campaign " + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A new unique address of the test domain.</summary>
    public static string NewAddress() => $"c{Guid.NewGuid():N}@customers.example";

    /// <summary>Adds a company with one contact and returns the contact.</summary>
    /// <param name="email">The contact's address, or null.</param>
    /// <param name="consent">Whether a consent is recorded.</param>
    /// <param name="optedOut">Whether the contact opted out.</param>
    /// <param name="name">The contact's name.</param>
    public async Task<Contact> AddContactAsync(string? email, bool consent = true, bool optedOut = false, string name = "Meena Iyer") =>
        (await AddContactsAsync(1, _ => email, consent, optedOut, name)).Single();

    /// <summary>Adds companies with one consenting contact each, in one save.</summary>
    /// <param name="count">How many.</param>
    /// <param name="email">The address of the n-th contact.</param>
    /// <param name="consent">Whether a consent is recorded.</param>
    /// <param name="optedOut">Whether they opted out.</param>
    /// <param name="name">The contacts' name.</param>
    public Task<IReadOnlyList<Contact>> AddContactsAsync(int count, Func<int, string?> email, bool consent = true, bool optedOut = false, string name = "Meena Iyer") =>
        host.InScopeAsync<IReadOnlyList<Contact>>(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            var contacts = new List<Contact>();
            for (var n = 0; n < count; n++)
            {
                var customer = NewCustomer(CustomerKind.Company, $"Firm {n} {Industry}");
                var contact = new Contact
                {
                    Name = name,
                    Email = email(n),
                    CreatedAt = DateTimeOffset.UtcNow,
                    EmailConsentAt = consent ? ConsentedAt : null,
                    EmailConsentSource = consent ? "Signed up at the Chennai seminar" : null,
                    EmailOptedOutAt = optedOut ? ConsentedAt.AddDays(1) : null,
                    IsPrimary = true,
                };
                customer.Contacts.Add(contact);
                db.Customers.Add(customer);
                contacts.Add(contact);
            }

            await db.SaveChangesAsync();
            return contacts;
        });

    /// <summary>Adds a person customer.</summary>
    /// <param name="email">The address, or null.</param>
    /// <param name="consent">Whether a consent is recorded.</param>
    public Task<Customer> AddPersonAsync(string? email, bool consent = true) =>
        host.InScopeAsync(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            var customer = NewCustomer(CustomerKind.Person, "Ravi Patel " + Industry);
            customer.Email = email;
            customer.EmailConsentAt = consent ? ConsentedAt : null;
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
            return customer;
        });

    /// <summary>Adds a company without any contact.</summary>
    public Task<Customer> AddCompanyWithoutContactAsync() =>
        host.InScopeAsync(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            var customer = NewCustomer(CustomerKind.Company, "Empty firm " + Industry);
            customer.Email = "office@firm.example";
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
            return customer;
        });

    /// <summary>A segment of this audience's customers (membership computed now).</summary>
    public Task<long> SegmentAsync() =>
        new SegmentBuilder().Where(SegmentFields.Industry, SegmentOperator.Is, Industry).SaveAsync(host);

    /// <summary>Runs code with the host's <see cref="SendService"/> signed in as a manager (who may send campaigns).</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="host">The host.</param>
    /// <param name="action">The code.</param>
    public static Task<T> AsManagerAsync<T>(CrmHostFactory host, Func<SendService, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return InManagerScopeAsync(host, services => action(services.GetRequiredService<SendService>()));
    }

    /// <summary>Runs code in a scope of the host signed in as a manager.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="host">The host.</param>
    /// <param name="action">The code.</param>
    public static async Task<T> InManagerScopeAsync<T>(CrmHostFactory host, Func<IServiceProvider, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(action);
        var manager = await Managers.GetValue(host, h => h.CreateUserAsync(CrmRoles.Manager));
        return await host.AsUserAsync(manager, action);
    }

    /// <summary>Starts a campaign of a template to a segment as a manager and returns the send's id.</summary>
    /// <param name="host">The host.</param>
    /// <param name="segmentId">The segment.</param>
    /// <param name="template">The template.</param>
    public static async Task<long> StartAsync(CrmHostFactory host, long segmentId, string template = SendsHostFixture.Template)
    {
        var result = await AsManagerAsync(host, s => s.StartCampaignAsync(template, segmentId, SendsHostFixture.PublicAddress));
        return result is { Succeeded: true, Id: { } id }
            ? id
            : throw new InvalidOperationException($"The campaign was refused ({result.Status}): {string.Join(" ", result.Messages)}");
    }

    private Customer NewCustomer(CustomerKind kind, string name) => new()
    {
        Kind = kind,
        Name = name,
        Industry = Industry,
        CreatedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
    };
}
