using CrmBlazor.Sdk.Data;

namespace CrmBlazor.Data.Outbox;

/// <summary>
/// A published domain event, stored in the same transaction as the changes it follows from and
/// delivered to its subscribers afterwards (a transactional outbox).
/// </summary>
[NotAudited]
public sealed class DomainEventRecord
{
    /// <summary>The event id.</summary>
    public Guid Id { get; set; }

    /// <summary>The event name (see <c>DomainEventAttribute</c>).</summary>
    public required string Name { get; set; }

    /// <summary>The event as JSON.</summary>
    public required string Payload { get; set; }

    /// <summary>When it was published.</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>When every subscriber had received it, or null while deliveries are outstanding.</summary>
    public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>The delivery of one stored event to one subscriber.</summary>
[NotAudited]
public sealed class DomainEventDelivery
{
    /// <summary>The event.</summary>
    public Guid EventId { get; set; }

    /// <summary>The subscriber: <c>&lt;plugin id&gt;/&lt;handler type&gt;</c>.</summary>
    public required string Subscriber { get; set; }

    /// <summary>How many times delivery was attempted.</summary>
    public int Attempts { get; set; }

    /// <summary>When the handler succeeded, or null.</summary>
    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>The last failure, or null.</summary>
    public string? LastError { get; set; }
}
