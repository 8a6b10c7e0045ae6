using CrmBlazor.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Interactions;

/// <summary>What the timeline shows.</summary>
/// <param name="Channels">Interaction channels to show; null or empty for all.</param>
/// <param name="PluginKinds">Plugin entry kinds to show; null or empty for all.</param>
/// <param name="IncludeInteractions">Whether to show the core's interactions at all.</param>
/// <param name="IncludePluginEntries">Whether to show plugins' entries at all.</param>
/// <param name="OpenOnly">Only open complaints and inquiries.</param>
public sealed record TimelineFilter(
    IReadOnlySet<InteractionChannel>? Channels = null,
    IReadOnlySet<string>? PluginKinds = null,
    bool IncludeInteractions = true,
    bool IncludePluginEntries = true,
    bool OpenOnly = false);

/// <summary>Where a timeline page ends: the next page starts strictly after it (older).</summary>
/// <param name="OccurredAt">The last item's time.</param>
/// <param name="Source">0 for a plugin entry, 1 for an interaction.</param>
/// <param name="Id">The last item's id within its source.</param>
public sealed record TimelineCursor(DateTimeOffset OccurredAt, int Source, long Id);

/// <summary>An item of a customer's timeline: an interaction or a plugin's entry.</summary>
/// <param name="Source">0 for a plugin entry, 1 for an interaction.</param>
/// <param name="Id">The id within its source.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Kind">The channel name for interactions, the entry kind for plugin entries.</param>
/// <param name="Title">The subject or title.</param>
/// <param name="Summary">Details.</param>
/// <param name="Link">Where the details are (plugin entries).</param>
/// <param name="Direction">Direction of an interaction.</param>
/// <param name="Status">Status of a complaint or inquiry.</param>
/// <param name="Outcome">Outcome of an interaction.</param>
/// <param name="RowVersion">Version of an interaction, for changes.</param>
public sealed record TimelineItem(
    int Source,
    long Id,
    DateTimeOffset OccurredAt,
    string Kind,
    string Title,
    string? Summary,
    string? Link,
    InteractionDirection? Direction,
    InteractionStatus? Status,
    string? Outcome,
    Guid RowVersion)
{
    /// <summary>The cursor after this item.</summary>
    public TimelineCursor Cursor => new(OccurredAt, Source, Id);
}

/// <summary>
/// The read side of interactions, for pages: one timeline per customer across channels and plugins,
/// newest first, paged by keyset so that a page costs the same at the millionth interaction as at the
/// first; and an interaction as the dialog edits it.
/// </summary>
public sealed class InteractionQueries(IDbContextFactory<CrmDbContext> contexts)
{
    /// <summary>A page of a customer's timeline, after <paramref name="after"/> (or from the newest).</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="filter">What to show.</param>
    /// <param name="after">The cursor of the previous page's last item, or null.</param>
    /// <param name="pageSize">Items per page.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The items and whether there are older ones.</returns>
    public async Task<(IReadOnlyList<TimelineItem> Items, bool HasMore)> TimelinePageAsync(
        long customerId, TimelineFilter filter, TimelineCursor? after, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await TimelinePageAsync(db, customerId, filter, after, pageSize, cancellationToken);
    }

    /// <summary>An interaction with the contacts and users who took part, or null if there is none.</summary>
    /// <param name="id">The interaction.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<Interaction?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Interactions.AsNoTracking().Include(i => i.Contacts).Include(i => i.Users).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
    }

    /// <summary>
    /// A page of a customer's timeline on a context, after <paramref name="after"/> (or from the newest):
    /// the query itself, which the tests and the benchmark run in a unit of work of their own.
    /// </summary>
    /// <param name="db">The context.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="filter">What to show.</param>
    /// <param name="after">The cursor of the previous page's last item, or null.</param>
    /// <param name="pageSize">Items per page.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The items and whether there are older ones.</returns>
    public static async Task<(IReadOnlyList<TimelineItem> Items, bool HasMore)> TimelinePageAsync(
        CrmDbContext db, long customerId, TimelineFilter filter, TimelineCursor? after, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var take = Math.Clamp(pageSize, 1, 200) + 1;
        var items = new List<TimelineItem>();

        if (filter.IncludeInteractions && !(filter.PluginKinds is { Count: > 0 } && filter.Channels is not { Count: > 0 }))
        {
            var interactions = db.Interactions.AsNoTracking().Where(i => i.CustomerId == customerId);
            if (filter.Channels is { Count: > 0 } channels)
            {
                var list = channels.ToList();
                interactions = interactions.Where(i => list.Contains(i.Channel));
            }

            if (filter.OpenOnly)
            {
                interactions = interactions.Where(i => i.Status == InteractionStatus.Open);
            }

            if (after is not null)
            {
                var at = after.OccurredAt;
                var id = after.Id;
                interactions = after.Source == 1
                    ? interactions.Where(i => i.OccurredAt < at || (i.OccurredAt == at && i.Id < id))
                    : interactions.Where(i => i.OccurredAt < at);
            }

            items.AddRange((await interactions.OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.Id).Take(take)
                    .Select(i => new { i.Id, i.OccurredAt, i.Channel, i.Subject, i.Body, i.Direction, i.Status, i.Outcome, i.RowVersion })
                    .ToListAsync(cancellationToken))
                .Select(i => new TimelineItem(1, i.Id, i.OccurredAt, i.Channel.ToString(), i.Subject, i.Body, null, i.Direction, i.Status, i.Outcome, i.RowVersion)));
        }

        if (filter.IncludePluginEntries && !filter.OpenOnly && !(filter.Channels is { Count: > 0 } && filter.PluginKinds is not { Count: > 0 }))
        {
            var entries = db.TimelineEntries.AsNoTracking().Where(t => t.CustomerId == customerId);
            if (filter.PluginKinds is { Count: > 0 } kinds)
            {
                var list = kinds.ToList();
                entries = entries.Where(t => list.Contains(t.Kind));
            }

            if (after is not null)
            {
                var at = after.OccurredAt;
                var id = after.Id;
                entries = after.Source == 1
                    ? entries.Where(t => t.OccurredAt <= at)
                    : entries.Where(t => t.OccurredAt < at || (t.OccurredAt == at && t.Id < id));
            }

            items.AddRange((await entries.OrderByDescending(t => t.OccurredAt).ThenByDescending(t => t.Id).Take(take)
                    .Select(t => new { t.Id, t.OccurredAt, t.Kind, t.Title, t.Summary, t.Link })
                    .ToListAsync(cancellationToken))
                .Select(t => new TimelineItem(0, t.Id, t.OccurredAt, t.Kind, t.Title, t.Summary, t.Link, null, null, null, Guid.Empty)));
        }

        var ordered = items.OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.Source).ThenByDescending(i => i.Id).ToList();
        var hasMore = ordered.Count > take - 1;
        return (ordered.Take(take - 1).ToList(), hasMore);
    }
}
