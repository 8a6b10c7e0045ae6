using CrmBlazor.Plugins.Resources.Data;
using CrmBlazor.Plugins.Resources.Features.Capacity;

namespace CrmBlazor.Plugins.Resources.Features.Board;

/// <summary>Which part of the planning board to load.</summary>
/// <param name="From">A day of the first week shown.</param>
/// <param name="Weeks">How many weeks, 1 to <see cref="BoardQuery.MostWeeks"/>.</param>
/// <param name="TeamId">Only this team's people, or null for all.</param>
/// <param name="Skill">Only people with this skill (case does not matter), or null.</param>
/// <param name="MinLevel">With <paramref name="Skill"/>: the lowest level, 1 to 5.</param>
/// <param name="ProjectId">The project view: only people with an allocation on this project in the weeks shown, and its hours per week.</param>
public sealed record BoardQuery(DateOnly From, int Weeks = BoardQuery.DefaultWeeks, long? TeamId = null, string? Skill = null, int MinLevel = 1, long? ProjectId = null)
{
    /// <summary>The weeks shown when nothing else is asked for.</summary>
    public const int DefaultWeeks = 12;

    /// <summary>The most weeks loaded at once (a year).</summary>
    public const int MostWeeks = 53;
}

/// <summary>The planning board: the weeks, a row per person, and their allocations in those weeks.</summary>
/// <param name="Weeks">The weeks, in order.</param>
/// <param name="People">A row per person, by team (people without a team last) and name.</param>
/// <param name="Allocations">The allocations of those people that overlap the weeks, by start.</param>
public sealed record BoardData(IReadOnlyList<IsoWeek> Weeks, IReadOnlyList<BoardRow> People, IReadOnlyList<BoardAllocation> Allocations)
{
    /// <summary>The allocations of a person that touch a week.</summary>
    /// <param name="personId">The person.</param>
    /// <param name="week">The week.</param>
    public IEnumerable<BoardAllocation> AllocationsIn(long personId, IsoWeek week) =>
        Allocations.Where(a => a.PersonId == personId && a.StartDate <= week.Sunday && a.EndDate >= week.Monday);
}

/// <summary>One person on the board.</summary>
/// <param name="PersonId">The person.</param>
/// <param name="Name">The name.</param>
/// <param name="TeamId">The team, or null.</param>
/// <param name="TeamName">The team's name, or null.</param>
/// <param name="IsPlaceholder">Whether this is a placeholder for someone not hired yet.</param>
/// <param name="CanPlan">Whether the user may plan the person (else the row is read-only).</param>
/// <param name="Weeks">Each week shown: capacity, away, allocated (all projects), tentative, utilisation.</param>
/// <param name="ProjectMinutes">In the project view, the minutes on that project in each week; else null.</param>
public sealed record BoardRow(long PersonId, string Name, long? TeamId, string? TeamName, bool IsPlaceholder, bool CanPlan, IReadOnlyList<WeekLoad> Weeks, IReadOnlyList<decimal>? ProjectMinutes);

/// <summary>An allocation as the board shows it.</summary>
/// <param name="Id">The allocation.</param>
/// <param name="PersonId">The person.</param>
/// <param name="ProjectId">The project.</param>
/// <param name="ProjectName">The project's name (its id when the projects plugin does not know it).</param>
/// <param name="StartDate">The first day.</param>
/// <param name="EndDate">The last day.</param>
/// <param name="Unit">Per week or per day.</param>
/// <param name="Hours">The hours per week or per day.</param>
/// <param name="IsTentative">Whether it is pencilled in.</param>
/// <param name="Note">The note.</param>
/// <param name="RowVersion">The version, for a change.</param>
public sealed record BoardAllocation(long Id, long PersonId, long ProjectId, string ProjectName, DateOnly StartDate, DateOnly EndDate, AllocationUnit Unit, decimal Hours, bool IsTentative, string? Note, Guid RowVersion);
