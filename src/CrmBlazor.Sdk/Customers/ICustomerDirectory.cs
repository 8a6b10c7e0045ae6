namespace CrmBlazor.Sdk.Customers;

/// <summary>Read access to the core's customers for plugins.</summary>
public interface ICustomerDirectory
{
    /// <summary>Returns a customer's summary, or null if there is no such customer.</summary>
    /// <param name="customerId">The customer id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<CustomerSummary?> GetAsync(long customerId, CancellationToken cancellationToken = default);

    /// <summary>Returns the summaries of the given customers that exist.</summary>
    /// <param name="customerIds">The customer ids.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyDictionary<long, CustomerSummary>> GetManyAsync(IReadOnlyCollection<long> customerIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds customers that are not archived by words or prefixes of their names, e-mail addresses,
    /// phone numbers or tags, in any script (the customer list's search), for pickers.
    /// </summary>
    /// <param name="text">What the user typed; empty for the first customers by name.</param>
    /// <param name="take">At most this many, by name (1 to 100).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<CustomerSummary>> SearchAsync(string? text, int take = 20, CancellationToken cancellationToken = default);

    /// <summary>
    /// Where a customer's documents (invoices, credit notes, payment reminders) are sent: the customer's own
    /// e-mail address, else its primary contact's (not archived); null when neither has one, or there is
    /// no such customer. No other contact is guessed at: an invoice goes where the firm said it should.
    /// </summary>
    /// <param name="customerId">The customer id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<BillingRecipient?> GetBillingRecipientAsync(long customerId, CancellationToken cancellationToken = default);
}

/// <summary>The person a customer's documents are sent to (<see cref="ICustomerDirectory.GetBillingRecipientAsync"/>).</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="ContactId">The primary contact whose address it is, or null for the customer's own address.</param>
/// <param name="Name">The name to address: the contact's, or the customer's.</param>
/// <param name="Email">The e-mail address.</param>
public sealed record BillingRecipient(long CustomerId, long? ContactId, string Name, string Email);

/// <summary>What plugins need to show and bill a customer.</summary>
/// <param name="Id">The customer id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Currency">ISO 4217 currency code the customer is billed in.</param>
/// <param name="OwnerUserId">The account manager's user id, or null.</param>
/// <param name="IsArchived">Whether the customer is archived.</param>
public sealed record CustomerSummary(long Id, string Name, string Currency, string? OwnerUserId, bool IsArchived);
