using CrmBlazor.Host.Data;
using CrmBlazor.Sdk.Timeline;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Interactions;

/// <summary>Stores plugin timeline entries in <c>crm_timeline_entries</c>, one per key.</summary>
/// <remarks>
/// Entries are mostly written by event handlers, and events are delivered at least once: the same entry
/// can be recorded twice at the same moment (a delivery and the recovery at start, or the sweep). Writers
/// of one key take turns on this instance, so the second finds the first's row instead of failing on the
/// unique key; across instances the unique key still decides, and the loser updates the winner's row.
/// </remarks>
internal sealed class Timeline(IDbContextFactory<CrmDbContext> contexts) : ITimeline
{
    private static readonly SemaphoreSlim[] KeyLocks = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task RecordAsync(TimelineEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Key);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Title);
        if (entry.Link is { } link && !link.StartsWith('/'))
        {
            throw new ArgumentException("A timeline link must be an absolute path within the CRM.", nameof(entry));
        }

        var keyLock = KeyLocks[(int)((uint)StringComparer.Ordinal.GetHashCode(entry.Key) % (uint)KeyLocks.Length)];
        await keyLock.WaitAsync(cancellationToken);
        try
        {
            await RecordOneAsync(entry, cancellationToken);
        }
        finally
        {
            keyLock.Release();
        }
    }

    public async Task RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.TimelineEntries.Where(t => t.Key == key).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task RecordOneAsync(TimelineEntry entry, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.TimelineEntries.FirstOrDefaultAsync(t => t.Key == entry.Key, cancellationToken);
        if (record is null)
        {
            record = new TimelineEntryRecord { Key = entry.Key, Kind = entry.Kind, Title = entry.Title };
            db.TimelineEntries.Add(record);
        }

        record.CustomerId = entry.CustomerId;
        record.Kind = entry.Kind;
        record.OccurredAt = entry.OccurredAt;
        record.Title = entry.Title;
        record.Summary = entry.Summary;
        record.Link = entry.Link;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (record.Id == 0)
        {
            // Another writer inserted the same key first: update theirs instead.
            await db.TimelineEntries.Where(t => t.Key == entry.Key).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.CustomerId, entry.CustomerId)
                .SetProperty(t => t.Kind, entry.Kind)
                .SetProperty(t => t.OccurredAt, entry.OccurredAt)
                .SetProperty(t => t.Title, entry.Title)
                .SetProperty(t => t.Summary, entry.Summary)
                .SetProperty(t => t.Link, entry.Link), cancellationToken);
        }
    }

}
