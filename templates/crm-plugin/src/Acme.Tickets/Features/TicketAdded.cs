using CrmBlazor.Sdk.Events;

namespace Acme.Tickets.Features;

/// <summary>
/// An entry about a customer was added. Published in the same transaction as the entry, so it is stored
/// exactly when the entry is; the host delivers it to <see cref="TicketAddedTimelineHandler"/> after the commit.
/// </summary>
/// <param name="EntryId">The entry.</param>
/// <param name="CustomerId">The customer it is about.</param>
/// <param name="Title">What it says.</param>
[DomainEvent("acme-tickets.ticket-added")]
public sealed record TicketAdded(long EntryId, long CustomerId, string Title) : IDomainEvent;
