namespace CrmBlazor.Sdk.Audiences;

/// <summary>
/// Audiences other parts of the CRM can address (survey invitations, upsell campaigns, messages):
/// the core's segments, whose membership refreshes itself.
/// </summary>
public interface IAudienceDirectory
{
    /// <summary>Lists the audiences.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<AudienceInfo>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The customers in an audience as of its last refresh.</summary>
    /// <param name="audienceId">The audience id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<long>> GetCustomerIdsAsync(long audienceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The people to write to in an audience: the primary contact of each company (or its first
    /// contact with an e-mail address), and each person customer.
    /// </summary>
    /// <param name="audienceId">The audience id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<AudienceRecipient>> GetRecipientsAsync(long audienceId, CancellationToken cancellationToken = default);
}

/// <summary>An audience.</summary>
/// <param name="Id">The id.</param>
/// <param name="Name">The name.</param>
/// <param name="MemberCount">Customers at the last refresh.</param>
/// <param name="RefreshedAt">When membership was last refreshed.</param>
public sealed record AudienceInfo(long Id, string Name, int MemberCount, DateTimeOffset? RefreshedAt);

/// <summary>A person to address in an audience.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="ContactId">The contact, or null when the customer is a person.</param>
/// <param name="Name">The name to greet.</param>
/// <param name="Email">The e-mail address, or null if none is known.</param>
public sealed record AudienceRecipient(long CustomerId, long? ContactId, string Name, string? Email);
