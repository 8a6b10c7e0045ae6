namespace CrmBlazor.Sdk.Customers;

/// <summary>
/// Read access to the core's contacts (the people at company customers) for plugins: to check that a
/// contact belongs to a customer and is still in use, to address a message and to pick its language.
/// </summary>
public interface IContactDirectory
{
    /// <summary>Returns a contact, archived or not, or null if there is no such contact.</summary>
    /// <param name="contactId">The contact id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<ContactSummary?> GetAsync(long contactId, CancellationToken cancellationToken = default);

    /// <summary>Returns the contacts among the given ids that exist, archived or not.</summary>
    /// <param name="contactIds">The contact ids.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyDictionary<long, ContactSummary>> GetManyAsync(IReadOnlyCollection<long> contactIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// A customer's contacts that are not archived, for pickers: the primary contact first, then by name.
    /// Empty for a person customer, an unknown customer or one without contacts.
    /// </summary>
    /// <param name="customerId">The customer id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<ContactSummary>> ListAsync(long customerId, CancellationToken cancellationToken = default);
}

/// <summary>What plugins need to address a contact (<see cref="IContactDirectory"/>).</summary>
/// <param name="Id">The contact id.</param>
/// <param name="CustomerId">The customer the contact works for.</param>
/// <param name="Name">The contact's name, in any script.</param>
/// <param name="Email">The contact's e-mail address, or null if none is known.</param>
/// <param name="Language">
/// The language messages to the contact are written in: the contact's own, else the customer's (a code
/// such as <c>ta</c>); null when neither is set, for the firm's default.
/// </param>
/// <param name="IsPrimary">Whether this is the customer's primary contact.</param>
/// <param name="IsArchived">Whether the contact is archived (no longer to be written to).</param>
public sealed record ContactSummary(long Id, long CustomerId, string Name, string? Email, string? Language, bool IsPrimary, bool IsArchived);
