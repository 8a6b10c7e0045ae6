using CrmBlazor.Sdk.Events;
using CrmBlazor.Sdk.Timeline;

namespace Acme.Tickets.Features;

/// <summary>
/// Puts an added entry on its customer's timeline. The key is the entry's, so a delivery that is
/// repeated (deliveries are at least once) leaves one timeline entry.
/// </summary>
public sealed class TicketAddedTimelineHandler(ITimeline timeline) : IDomainEventHandler<TicketAdded>
{
    /// <summary>The kind of the plugin's timeline entries.</summary>
    public const string Kind = TicketsPlugin.Id + ".ticket-added";

    /// <summary>The kind as the plugin declares it; its title is a key of the plugin's resources.</summary>
    public static TimelineKind Declaration { get; } = new(Kind, "Entry added", MudBlazor.Icons.Material.Filled.ConfirmationNumber);

    /// <summary>The timeline key of an entry.</summary>
    /// <param name="entryId">The entry.</param>
    public static string KeyOf(long entryId) => $"{TicketsPlugin.Id}.entry:{entryId}";

    /// <inheritdoc />
    public Task HandleAsync(TicketAdded domainEvent, DomainEventContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        ArgumentNullException.ThrowIfNull(context);
        return timeline.RecordAsync(
            new TimelineEntry(domainEvent.CustomerId, Kind, KeyOf(domainEvent.EntryId), context.OccurredAt, domainEvent.Title, Link: TicketsPlugin.PagePath),
            cancellationToken);
    }
}
