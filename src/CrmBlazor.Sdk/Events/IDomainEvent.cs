namespace CrmBlazor.Sdk.Events;

/// <summary>
/// A domain event: a fact that happened, which other parts of the CRM may react to (a project was
/// completed, an invoice issued). Events are serialised to JSON, so keep them small records of ids
/// and values; mark each with <see cref="DomainEventAttribute"/>.
/// </summary>
public interface IDomainEvent;

/// <summary>
/// Names a domain event. Publishers and subscribers are matched by this name, not by CLR type, so a
/// plugin may subscribe to another plugin's event by declaring a record of the same name and shape
/// without referencing that plugin.
/// </summary>
/// <param name="name">The event name, prefixed with the publisher's id: <c>projects.project-completed</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class DomainEventAttribute(string name) : Attribute
{
    /// <summary>The event name.</summary>
    public string Name { get; } = name;

    /// <summary>The name of an event type: its <see cref="DomainEventAttribute"/> name, or else its full type name.</summary>
    /// <param name="eventType">The event type.</param>
    public static string NameOf(Type eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        var attribute = (DomainEventAttribute?)GetCustomAttribute(eventType, typeof(DomainEventAttribute));
        return attribute?.Name ?? eventType.FullName ?? eventType.Name;
    }
}

/// <summary>Handles one kind of domain event.</summary>
/// <typeparam name="TEvent">The event type.</typeparam>
public interface IDomainEventHandler<in TEvent>
    where TEvent : IDomainEvent
{
    /// <summary>
    /// Handles the event. Runs in a background job after the publishing transaction committed; a
    /// failure is retried later, so the handler must be idempotent (use <see cref="DomainEventContext.EventId"/>).
    /// </summary>
    /// <param name="domainEvent">The event.</param>
    /// <param name="context">Facts about the delivery.</param>
    /// <param name="cancellationToken">Signalled when the host shuts down.</param>
    Task HandleAsync(TEvent domainEvent, DomainEventContext context, CancellationToken cancellationToken);
}

/// <summary>Facts about the delivery of a domain event.</summary>
/// <param name="EventId">The stored event's id; the same for every retry.</param>
/// <param name="OccurredAt">When it was published.</param>
/// <param name="Attempt">1 for the first delivery to this handler, more for retries.</param>
public sealed record DomainEventContext(Guid EventId, DateTimeOffset OccurredAt, int Attempt);

/// <summary>Publishes domain events outside a <c>PluginDbContext</c> transaction.</summary>
/// <remarks>
/// Prefer <c>PluginDbContext.Publish</c> when the event follows from changes you save: the event is
/// then stored atomically with them. This publisher stores the event at once, on its own.
/// </remarks>
public interface IDomainEventPublisher
{
    /// <summary>Stores the event and schedules its delivery.</summary>
    /// <param name="domainEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the publication.</param>
    Task PublishAsync(IDomainEvent domainEvent, CancellationToken cancellationToken = default);
}

/// <summary>A DbContext that collects events to store with its next save; implemented by <c>PluginDbContext</c>.</summary>
public interface IDomainEventSource
{
    /// <summary>Returns the events published since the last call and forgets them. Called by the host while saving.</summary>
    IReadOnlyList<IDomainEvent> TakePendingEvents();
}
