using Hangfire;

namespace CrmBlazor.Host.Events;

/// <summary>Queues the delivery of a stored domain event as a Hangfire job carrying only its id.</summary>
internal sealed class DomainEventQueue(IBackgroundJobClient hangfire)
{
    public void QueueDelivery(Guid eventId) =>
        hangfire.Enqueue<DomainEventDispatcher>(d => d.DeliverAsync(eventId, CancellationToken.None));
}
