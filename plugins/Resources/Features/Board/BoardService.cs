using System.Globalization;
using CrmBlazor.Plugins.Resources.Data;
using CrmBlazor.Plugins.Resources.Features.Capacity;
using CrmBlazor.Plugins.Resources.Features.Shared;
using CrmBlazor.Sdk.Projects;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Resources.Features.Board;

/// <summary>
/// Loads the planning board for the people the user may see, set-based: one query for the people
/// (with the filters), the five of <see cref="CapacityQueries"/> for schedules, time off, holidays
/// and allocations, and one call to <see cref="IProjectFacts.GetNamesAsync"/> for the names of the projects on it, whatever the
/// number of people and weeks. Every cell is computed in memory by <see cref="CapacityGrid"/>.
/// </summary>
public sealed class BoardService(IDbContextFactory<ResourcesDbContext> contexts, ResourcesAccess access, IProjectFacts projects)
{
    /// <summary>The board for a query.</summary>
    /// <param name="query">The first week, how many, and the filters.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <exception cref="ArgumentOutOfRangeException">The number of weeks or the skill level is out of range.</exception>
    public async Task<BoardData> LoadAsync(BoardQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Weeks, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Weeks, BoardQuery.MostWeeks, nameof(query));
        ArgumentOutOfRangeException.ThrowIfLessThan(query.MinLevel, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.MinLevel, 5, nameof(query));
        var first = IsoWeek.Of(query.From).Monday;
        var last = first.AddDays((query.Weeks * 7) - 1);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var people = (await access.VisibleAsync(db.People.AsNoTracking(), cancellationToken)).Where(p => p.ReplacedByPersonId == null);
        if (query.TeamId is { } teamId)
        {
            people = people.Where(p => p.TeamId == teamId);
        }

        if (!string.IsNullOrWhiteSpace(query.Skill))
        {
            var skill = query.Skill.Trim().ToLower(CultureInfo.InvariantCulture);
            var level = query.MinLevel;
#pragma warning disable CA1862 // Translated to SQL's lower(), where no comparison overload exists.
            people = people.Where(p => p.Skills.Any(s => s.Skill.ToLower() == skill && s.Level >= level));
#pragma warning restore CA1862
        }

        if (query.ProjectId is { } projectId)
        {
            people = people.Where(p => db.Allocations.Any(a => a.PersonId == p.Id && a.ProjectId == projectId && a.StartDate <= last && a.EndDate >= first));
        }

        var rows = await (from p in people
                          join t in db.Teams on p.TeamId equals t.Id into teams
                          from t in teams.DefaultIfEmpty()
                          select new { p.Id, p.Name, p.TeamId, TeamName = t == null ? null : t.Name, p.UserId, p.ManagerUserId })
            .ToListAsync(cancellationToken);
        var grid = await CapacityQueries.LoadAsync(db, [.. rows.Select(r => r.Id)], first, last, cancellationToken);

        var projectIds = rows.SelectMany(r => grid.AllocationsOf(r.Id)).Select(a => a.ProjectId).ToHashSet();
        var names = await projects.GetNamesAsync(projectIds, cancellationToken);

        var planAll = await access.CanPlanAllAsync(cancellationToken);
        var planTeam = !planAll && await access.CanPlanAnyoneAsync(cancellationToken);
        var board = rows
            .OrderBy(r => r.TeamName is null).ThenBy(r => r.TeamName, StringComparer.CurrentCulture).ThenBy(r => r.Name, StringComparer.CurrentCulture).ThenBy(r => r.Id)
            .Select(r => new BoardRow(
                r.Id, r.Name, r.TeamId, r.TeamName, r.UserId is null,
                planAll || (planTeam && r.ManagerUserId is not null && string.Equals(r.ManagerUserId, access.UserId, StringComparison.Ordinal)),
                grid.WeeksOf(r.Id),
                query.ProjectId is { } project ? ProjectMinutes(grid, r.Id, project) : null))
            .ToList();
        var allocations = board
            .SelectMany(r => grid.AllocationsOf(r.PersonId))
            .OrderBy(a => a.StartDate).ThenBy(a => a.Id)
            .Select(a => new BoardAllocation(
                a.Id, a.PersonId, a.ProjectId, names.TryGetValue(a.ProjectId, out var name) ? name : "#" + a.ProjectId.ToString(CultureInfo.InvariantCulture),
                a.StartDate, a.EndDate, a.Unit, Hours.FromMinutes(a.Minutes), a.IsTentative, a.Note, a.RowVersion))
            .ToList();
        return new BoardData(grid.Weeks, board, allocations);
    }

    private static decimal[] ProjectMinutes(CapacityGrid grid, long personId, long projectId)
    {
        var calendar = grid.CalendarOf(personId);
        var onProject = grid.AllocationsOf(personId).Where(a => a.ProjectId == projectId).ToList();
        return [.. grid.Weeks.Select(w => onProject.Sum(a => calendar.AllocatedMinutes(a, w)))];
    }
}
