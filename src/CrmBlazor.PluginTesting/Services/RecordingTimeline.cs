using CrmBlazor.Sdk.Timeline;

namespace CrmBlazor.PluginTesting.Services;

/// <summary>
/// The <see cref="ITimeline"/> of a <see cref="Components.PluginTestContext"/>: keeps the entries the plugin
/// recorded, one per key as the host does, and refuses what the host refuses (an empty key or title, a
/// link that is not a path within the CRM).
/// </summary>
public sealed class RecordingTimeline : ITimeline
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, TimelineEntry> _entries = new(StringComparer.Ordinal);

    /// <summary>The entries recorded and not removed, by the time they occurred.</summary>
    public IReadOnlyList<TimelineEntry> Entries
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries.Values.OrderBy(e => e.OccurredAt).ThenBy(e => e.Key, StringComparer.Ordinal)];
            }
        }
    }

    /// <inheritdoc />
    public Task RecordAsync(TimelineEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Key);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Title);
        if (entry.Link is { } link && !link.StartsWith('/'))
        {
            throw new ArgumentException("A timeline link must be an absolute path within the CRM.", nameof(entry));
        }

        lock (_lock)
        {
            _entries[entry.Key] = entry;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _entries.Remove(key);
        }

        return Task.CompletedTask;
    }
}
