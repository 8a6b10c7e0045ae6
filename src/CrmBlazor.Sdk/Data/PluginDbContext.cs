using CrmBlazor.Sdk.Events;
using CrmBlazor.Sdk.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

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
    private const int MaxStatusKeys = 1000;
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

    /// <summary>
    /// Reads where the messages this plugin queued with <see cref="Send"/> are on their way, by their
    /// <see cref="OutgoingMessage.IdempotencyKey"/>: queued, sent (and when), not sent for want of a mail
    /// server, failed (with the server's answer) or cancelled. Only the plugin's own messages are read:
    /// a key another plugin or the core queued is absent from the answer, as is a key never queued (or
    /// queued in a save not yet committed, or removed from the outbox since).
    /// </summary>
    /// <param name="idempotencyKeys">The keys, at most 1,000.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The status of each key found, by key.</returns>
    /// <exception cref="ArgumentException">More than 1,000 keys.</exception>
    /// <exception cref="InvalidOperationException">The context was not made by the host (such as in a unit test without it).</exception>
    public Task<IReadOnlyDictionary<string, MessageStatus>> GetMessageStatusesAsync(IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKeys);
        if (idempotencyKeys.Count > MaxStatusKeys)
        {
            throw new ArgumentException($"Ask for at most {MaxStatusKeys} message statuses at once ({idempotencyKeys.Count}).", nameof(idempotencyKeys));
        }

        if (idempotencyKeys.Count == 0)
        {
            return Task.FromResult<IReadOnlyDictionary<string, MessageStatus>>(new Dictionary<string, MessageStatus>(StringComparer.Ordinal));
        }

        var reader = this.GetService<IDbContextOptions>().Extensions.OfType<CoreOptionsExtension>().FirstOrDefault()?.ApplicationServiceProvider?.GetService(typeof(IMessageStatusReader)) as IMessageStatusReader
            ?? throw new InvalidOperationException("Message statuses are read from the host's outbox; this context was not made by the host.");
        return reader.ReadAsync(this, idempotencyKeys, cancellationToken);
    }

    /// <inheritdoc />
    IReadOnlyList<OutgoingMessage> IOutgoingMessageSource.TakePendingMessages()
    {
        var messages = _pendingMessages.ToArray();
        _pendingMessages.Clear();
        return messages;
    }
}
