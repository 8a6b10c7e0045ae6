namespace CrmBlazor.Sdk.Timeline;

/// <summary>
/// The customer's interaction timeline, to which plugins add their own entries (time logged,
/// invoice issued, survey answered) next to the core's calls, e-mails and meetings.
/// </summary>
public interface ITimeline
{
    /// <summary>
    /// Adds an entry, or replaces the entry of the same <see cref="TimelineEntry.Key"/>, so that
    /// recording the same fact twice leaves one entry (a daily summary can be updated in place).
    /// </summary>
    /// <param name="entry">The entry.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task RecordAsync(TimelineEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Removes the entry with the given key, if there is one.</summary>
    /// <param name="key">The entry key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task RemoveAsync(string key, CancellationToken cancellationToken = default);
}

/// <summary>An entry of a customer's timeline contributed by a plugin.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Kind">The kind (declared with <c>IPluginBuilder.AddTimelineKind</c>), e.g. <c>projects.time-logged</c>.</param>
/// <param name="Key">Unique key of the entry, prefixed with the plugin id: <c>projects.time:42:2026-11-23</c>.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Title">One line for the timeline, e.g. "7.5 h logged on Website relaunch".</param>
/// <param name="Summary">Optional details.</param>
/// <param name="Link">Optional absolute path of the page with the details, e.g. <c>/invoices/17</c>.</param>
public sealed record TimelineEntry(
    long CustomerId,
    string Kind,
    string Key,
    DateTimeOffset OccurredAt,
    string Title,
    string? Summary = null,
    string? Link = null);

/// <summary>A kind of timeline entry (declared with <c>IPluginBuilder.AddTimelineKind</c>).</summary>
/// <param name="Id">The kind id, prefixed with the plugin id: <c>invoicing.invoice-issued</c>.</param>
/// <param name="Title">The kind's name as users see it (a key of the plugin's resources).</param>
/// <param name="Icon">A MudBlazor icon for the entries of this kind.</param>
public sealed record TimelineKind(string Id, string Title, string Icon);
