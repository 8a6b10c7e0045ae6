using CrmBlazor.Fixtures.Beta.Data;
using CrmBlazor.Sdk.Events;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Fixtures.Beta.Features;

/// <summary>Records each note Alpha adds, once per event however often it is delivered.</summary>
public sealed class NoteAddedHandler(BetaDbContext db, TimeProvider clock) : IDomainEventHandler<NoteAdded>
{
    public async Task HandleAsync(NoteAdded domainEvent, DomainEventContext context, CancellationToken cancellationToken)
    {
        if (await db.Received.AnyAsync(r => r.EventId == context.EventId, cancellationToken))
        {
            return;
        }

        db.Received.Add(new ReceivedNote
        {
            EventId = context.EventId,
            NoteId = domainEvent.NoteId,
            CustomerId = domainEvent.CustomerId,
            ReceivedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
