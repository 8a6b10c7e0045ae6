using CrmBlazor.Sdk.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmBlazor.PluginTesting.Services;

/// <summary>
/// The <see cref="IDomainEventPublisher"/> of a <see cref="Components.PluginTestContext"/>, which also
/// receives the events a plugin's <c>PluginDbContext</c> publishes once its save succeeded (nothing for a
/// save that failed). Events are recorded, not delivered: a handler is tested by calling it, or through
/// <see cref="PluginHost"/>.
/// </summary>
public sealed class RecordingEvents : IDomainEventPublisher
{
    private readonly Lock _lock = new();
    private readonly List<IDomainEvent> _published = [];

    /// <summary>The events published, in order.</summary>
    public IReadOnlyList<IDomainEvent> Published
    {
        get
        {
            lock (_lock)
            {
                return [.. _published];
            }
        }
    }

    /// <summary>The events of one type published, in order.</summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    public IReadOnlyList<TEvent> Of<TEvent>()
        where TEvent : IDomainEvent => [.. Published.OfType<TEvent>()];

    /// <inheritdoc />
    public Task PublishAsync(IDomainEvent domainEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        Add([domainEvent]);
        return Task.CompletedTask;
    }

    internal SaveChangesInterceptor Interceptor() => new SavedEvents(this);

    private void Add(IEnumerable<IDomainEvent> events)
    {
        lock (_lock)
        {
            _published.AddRange(events);
        }
    }

    // Takes a context's pending events as its save starts and records them once it succeeded.
    private sealed class SavedEvents(RecordingEvents events) : SaveChangesInterceptor
    {
        private readonly Dictionary<DbContext, IReadOnlyList<IDomainEvent>> _saving = [];

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            Take(eventData.Context);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Take(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            Saved(eventData.Context);
            return result;
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Saved(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

        public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            Forget(eventData.Context);
            return Task.CompletedTask;
        }

        private void Take(DbContext? context)
        {
            if (context is IDomainEventSource source && source.TakePendingEvents() is { Count: > 0 } pending)
            {
                lock (_saving)
                {
                    _saving[context] = pending;
                }
            }
        }

        private void Saved(DbContext? context)
        {
            if (context is null)
            {
                return;
            }

            IReadOnlyList<IDomainEvent>? pending;
            lock (_saving)
            {
                _saving.Remove(context, out pending);
            }

            if (pending is not null)
            {
                events.Add(pending);
            }
        }

        private void Forget(DbContext? context)
        {
            if (context is not null)
            {
                lock (_saving)
                {
                    _saving.Remove(context);
                }
            }
        }
    }
}
