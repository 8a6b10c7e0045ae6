using CrmBlazor.Sdk.Events;
using CrmBlazor.Sdk.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Sdk.Data;

/// <summary>
/// Base class of a plugin's own DbContext (register it with <c>IPluginBuilder.AddDbContext</c>).
/// </summary>
/// <remarks>
/// <para>
/// Migrations: a plugin keeps one migration set per database provider, in namespaces ending in
/// <c>.Migrations.Sqlite</c> and <c>.Migrations.Postgres</c>; the host applies the set matching the
/// configured provider at start-up and records it in a history table of the plugin's own
/// (<c>__EFMigrationsHistory_&lt;prefix&gt;</c>). Every table gets the prefix, which is the plugin id in
/// lower case with anything but letters and digits turned into <c>_</c>: <c>projects_time_entries</c>
/// for a plugin <c>projects</c> mapping <c>time_entries</c>, <c>fixture_alpha_notes</c> and
/// <c>__EFMigrationsHistory_fixture_alpha</c> for a plugin <c>fixture-alpha</c>.
/// </para>
/// <para>
/// Entities implementing <see cref="IVersionedEntity"/> are protected by optimistic concurrency.
/// Events passed to <see cref="Publish"/> are stored in the same transaction as the other changes and
/// delivered to their handlers after it commits; so are e-mail messages passed to <see cref="Send"/>.
/// </para>
/// </remarks>
public abstract class PluginDbContext : DbContext, IDomainEventSource, IOutgoingMessageSource
{
    private readonly List<IDomainEvent> _pendingEvents = [];
    private readonly List<OutgoingMessage> _pendingMessages = [];

    /// <summary>Creates the context with the options the host configured.</summary>
    /// <param name="options">The options.</param>
    protected PluginDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>
    /// Publishes a domain event with the next <c>SaveChanges</c>: it is stored in the same
    /// transaction and delivered to subscribers after the commit. Nothing is published if the save fails.
    /// </summary>
    /// <param name="domainEvent">The event.</param>
    public void Publish(IDomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        _pendingEvents.Add(domainEvent);
    }

    /// <inheritdoc />
    IReadOnlyList<IDomainEvent> IDomainEventSource.TakePendingEvents()
    {
        var events = _pendingEvents.ToArray();
        _pendingEvents.Clear();
        return events;
    }

    /// <summary>
    /// Queues an e-mail message with the next <c>SaveChanges</c>: it is stored in the same transaction as
    /// the other changes and delivered after the commit. Nothing is queued if the save fails or its
    /// transaction rolls back. A message whose <see cref="OutgoingMessage.IdempotencyKey"/> is already
    /// stored is left out, without failing the save, so it is sent once.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <exception cref="ArgumentException">The message is incomplete or invalid (see <see cref="OutgoingMessage.Validate"/>).</exception>
    public void Send(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Validate();
        _pendingMessages.Add(message);
    }

    /// <inheritdoc />
    IReadOnlyList<OutgoingMessage> IOutgoingMessageSource.TakePendingMessages()
    {
        var messages = _pendingMessages.ToArray();
        _pendingMessages.Clear();
        return messages;
    }
}
