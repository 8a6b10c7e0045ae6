using CrmBlazor.Sdk.Events;

namespace CrmBlazor.Sdk.Customers;

/// <summary>An interaction with a customer was logged (a call, an e-mail, a complaint...).</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Channel">The channel: Call, Email, Meeting, Note, Complaint, Inquiry, WebForm or InStoreVisit.</param>
/// <param name="OccurredAt">When it happened.</param>
[DomainEvent("crm.interaction-logged")]
public sealed record InteractionLogged(long InteractionId, long CustomerId, string Channel, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A customer's personal data was erased; plugins holding copies elsewhere should erase them too.</summary>
/// <param name="CustomerId">The customer.</param>
[DomainEvent("crm.customer-erased")]
public sealed record CustomerErased(long CustomerId) : IDomainEvent;

/// <summary>A customer was created (on the customer page, by an import or with the demo data).</summary>
/// <param name="CustomerId">The customer.</param>
[DomainEvent("crm.customer-created")]
public sealed record CustomerCreated(long CustomerId) : IDomainEvent;

/// <summary>A customer's details were changed (name, addresses, tags, owner, archived or restored).</summary>
/// <param name="CustomerId">The customer.</param>
[DomainEvent("crm.customer-changed")]
public sealed record CustomerChanged(long CustomerId) : IDomainEvent;
