using CrmBlazor.Sdk.Events;
using CrmBlazor.Sdk.Timeline;

namespace CrmBlazor.Fixtures.Alpha.Features;

/// <summary>Puts every note on the customer's timeline.</summary>
public sealed class NoteAddedTimelineHandler(ITimeline timeline) : IDomainEventHandler<NoteAdded>
{
    public Task HandleAsync(NoteAdded domainEvent, DomainEventContext context, CancellationToken cancellationToken) =>
        timeline.RecordAsync(new TimelineEntry(
            domainEvent.CustomerId, AlphaPlugin.NoteKind, $"fixture-alpha.note:{domainEvent.NoteId}", context.OccurredAt,
            "Fixture note: " + domainEvent.Text, Link: "/fixture-alpha"), cancellationToken);
}
