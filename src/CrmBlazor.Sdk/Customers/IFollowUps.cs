namespace CrmBlazor.Sdk.Customers;

/// <summary>
/// Follow-ups plugins open for a customer's account manager: a complaint on the customer's timeline,
/// listed with the open complaints on the dashboard and closed in the core with a note (the complaint's
/// outcome). Offered by the core; a survey's closed loop opens one for a detractor's answer.
/// </summary>
public interface IFollowUps
{
    /// <summary>
    /// Opens a follow-up, or returns the one already opened with the same <see cref="FollowUpRequest.Key"/>,
    /// so that a retry after a crash or a second delivery opens one.
    /// </summary>
    /// <param name="request">What to follow up.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The follow-up's id, or null when there is no such customer (nothing is opened).</returns>
    Task<long?> OpenAsync(FollowUpRequest request, CancellationToken cancellationToken = default);

    /// <summary>The state of these follow-ups, by id, in one query; ids of follow-ups that no longer exist are left out.</summary>
    /// <param name="followUpIds">The follow-ups.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyDictionary<long, FollowUpState>> GetManyAsync(IReadOnlyCollection<long> followUpIds, CancellationToken cancellationToken = default);
}

/// <summary>A follow-up to open (<see cref="IFollowUps.OpenAsync"/>).</summary>
/// <param name="Key">Unique key, prefixed with the plugin id (<c>surveys.follow-up:…</c>): the same key opens one follow-up.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="ContactId">The contact concerned, or null; a contact not of the customer is left out.</param>
/// <param name="Subject">One line (at most 300 characters; longer is cut).</param>
/// <param name="Body">Details, or null (at most 8,000 characters; longer is cut).</param>
/// <param name="OwnerUserId">Who follows it up (usually the customer's account manager), or null.</param>
/// <param name="OccurredAt">When what is followed up happened.</param>
public sealed record FollowUpRequest(string Key, long CustomerId, long? ContactId, string Subject, string? Body, string? OwnerUserId, DateTimeOffset OccurredAt);

/// <summary>Where a follow-up stands.</summary>
/// <param name="Id">The follow-up.</param>
/// <param name="IsOpen">Whether it still needs work.</param>
/// <param name="Note">What was done (the note it was closed with), or null.</param>
/// <param name="ClosedAt">When it was closed, or null while open.</param>
/// <param name="OwnerUserId">Who follows it up, or null.</param>
public sealed record FollowUpState(long Id, bool IsOpen, string? Note, DateTimeOffset? ClosedAt, string? OwnerUserId);
