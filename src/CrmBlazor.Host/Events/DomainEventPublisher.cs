using CrmBlazor.Host.Data;
using CrmBlazor.Sdk.Events;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Events;

/// <summary>Publishes an event on its own, through the core's context and its outbox.</summary>
internal sealed class DomainEventPublisher(IDbContextFactory<CrmDbContext> contexts) : IDomainEventPublisher
{
    public async Task PublishAsync(IDomainEvent domainEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Publish(domainEvent);
        await db.SaveChangesAsync(cancellationToken);
    }
}
