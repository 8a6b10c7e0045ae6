using Hangfire;

namespace CrmBlazor.Host.Features.Webhooks;

/// <summary>Queues a run of the sender for one subscription, as a Hangfire job carrying only its id.</summary>
/// <remarks>Public for the services that queue sends; carries no state.</remarks>
public sealed class WebhookQueue(IBackgroundJobClient hangfire)
{
    /// <summary>Queues a run now.</summary>
    /// <param name="subscriptionId">The subscription.</param>
    public void QueueSending(long subscriptionId) =>
        hangfire.Enqueue<WebhookSender>(s => s.SendDueAsync(subscriptionId, CancellationToken.None));

    /// <summary>Queues a run at the given time.</summary>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="at">When.</param>
    public void QueueSending(long subscriptionId, DateTimeOffset at) =>
        hangfire.Schedule<WebhookSender>(s => s.SendDueAsync(subscriptionId, CancellationToken.None), at);
}
