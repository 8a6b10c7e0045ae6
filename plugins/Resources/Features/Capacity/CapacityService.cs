using CrmBlazor.Plugins.Resources.Data;
using CrmBlazor.Plugins.Resources.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Resources.Features.Capacity;

/// <summary>Capacity, allocation and utilisation per person and ISO week, for the people the user may see.</summary>
public sealed class CapacityService(IDbContextFactory<ResourcesDbContext> contexts, ResourcesAccess access)
{
    /// <summary>The longest span asked for at once, in weeks.</summary>
    public const int MostWeeks = 106;

    /// <summary>One person's weeks from the one holding <paramref name="from"/> to the one holding <paramref name="to"/>.</summary>
    /// <param name="personId">The person.</param>
    /// <param name="from">A day of the first week.</param>
    /// <param name="to">A day of the last week.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <exception cref="UnauthorizedAccessException">The user may not see the person's planning (or there is no such person).</exception>
    public async Task<IReadOnlyList<WeekLoad>> WeeksOfAsync(long personId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        _ = await access.FindVisibleAsync(db, personId, cancellationToken) ?? throw new UnauthorizedAccessException("You cannot see this person's planning.");
        var grid = await CapacityQueries.LoadAsync(db, [personId], from, Bound(from, to), cancellationToken);
        return grid.WeeksOf(personId);
    }

    /// <summary>
    /// The weeks of every person the user may see (optionally only some of them), in a few set-based
    /// queries: the data of a planning board.
    /// </summary>
    /// <param name="from">A day of the first week.</param>
    /// <param name="to">A day of the last week.</param>
    /// <param name="personIds">Only these people, or null for everyone visible.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<WeekLoad>>> WeeksOfPeopleAsync(DateOnly from, DateOnly to, IReadOnlyCollection<long>? personIds = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visible = (await access.VisibleAsync(db.People.AsNoTracking(), cancellationToken)).Where(p => p.ReplacedByPersonId == null);
        if (personIds is not null)
        {
            var wanted = personIds.ToList();
            visible = visible.Where(p => wanted.Contains(p.Id));
        }

        var ids = await visible.Select(p => p.Id).ToListAsync(cancellationToken);
        var grid = await CapacityQueries.LoadAsync(db, ids, from, Bound(from, to), cancellationToken);
        return grid.PersonIds.ToDictionary(id => id, grid.WeeksOf);
    }

    private static DateOnly Bound(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), "The last week cannot be before the first.");
        }

        var limit = from.AddDays(MostWeeks * 7);
        return to > limit ? limit : to;
    }
}
