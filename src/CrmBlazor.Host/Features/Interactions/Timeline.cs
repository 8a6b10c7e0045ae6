using CrmBlazor.Host.Data;
using CrmBlazor.Sdk.Timeline;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Interactions;

/// <summary>Stores plugin timeline entries in <c>crm_timeline_entries</c>, one per key.</summary>
internal sealed class Timeline(IDbContextFactory<CrmDbContext> contexts) : ITimeline
{
    public async Task RecordAsync(TimelineEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Key);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Title);
        if (entry.Link is { } link && !link.StartsWith('/'))
        {
            throw new ArgumentException("A timeline link must be an absolute path within the CRM.", nameof(entry));
        }

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

    public async Task RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.TimelineEntries.Where(t => t.Key == key).ExecuteDeleteAsync(cancellationToken);
    }
}
