using Hangfire;

namespace CrmBlazor.Host.Features.Mail;

/// <summary>Queues the delivery of a stored message as a Hangfire job carrying only its id.</summary>
internal sealed class MailQueue(IBackgroundJobClient hangfire)
{
    public void QueueDelivery(Guid messageId) =>
        hangfire.Enqueue<OutboxDelivery>(d => d.DeliverAsync(messageId, CancellationToken.None));

    public void QueueDelivery(Guid messageId, DateTimeOffset at) =>
        hangfire.Schedule<OutboxDelivery>(d => d.DeliverAsync(messageId, CancellationToken.None), at);
}
