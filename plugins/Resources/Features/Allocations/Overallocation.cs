using CrmBlazor.Plugins.Resources.Data;
using CrmBlazor.Plugins.Resources.Features.Capacity;
using CrmBlazor.Plugins.Resources.Features.Shared;

namespace CrmBlazor.Plugins.Resources.Features.Allocations;

/// <summary>A week a change would take a person above capacity.</summary>
/// <param name="Week">The week.</param>
/// <param name="AllocatedMinutes">Planned on all projects after the change.</param>
/// <param name="CapacityMinutes">What the person can work that week.</param>
public sealed record OverallocatedWeek(IsoWeek Week, decimal AllocatedMinutes, decimal CapacityMinutes);

/// <summary>
/// Over-allocation caught where it is made: the weeks in which a change puts more on a person than
/// they can work, across all projects, and the message that names them. A week already over capacity
/// that the change does not make worse (an allocation shortened, a note edited) does not count.
/// </summary>
public static class Overallocation
{
    /// <summary>How many weeks the message lists before it sums up the rest.</summary>
    public const int WeeksListed = 6;

    /// <summary>The weeks of <paramref name="weeks"/> over capacity with <paramref name="after"/> and fuller than with <paramref name="before"/>.</summary>
    /// <param name="calendar">The person's calendar.</param>
    /// <param name="before">The person's allocations now.</param>
    /// <param name="after">The person's allocations with the change.</param>
    /// <param name="weeks">The weeks the change touches.</param>
    public static IReadOnlyList<OverallocatedWeek> Find(PersonCalendar calendar, IReadOnlyCollection<Allocation> before, IReadOnlyCollection<Allocation> after, IEnumerable<IsoWeek> weeks)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        var found = new List<OverallocatedWeek>();
        foreach (var week in weeks)
        {
            var then = CapacityGrid.Load(calendar, before, week);
            var now = CapacityGrid.Load(calendar, after, week);
            if (now.IsOverAllocated && Math.Round(now.AllocatedMinutes) > Math.Round(then.AllocatedMinutes))
            {
                found.Add(new OverallocatedWeek(week, now.AllocatedMinutes, now.CapacityMinutes));
            }
        }

        return found;
    }

    /// <summary>
    /// The refusal: who, then each week's hours against capacity ("46 h of 37.5 h in week 49 of 2026"),
    /// on the field the planner answers by confirming.
    /// </summary>
    /// <param name="personName">The person's name.</param>
    /// <param name="weeks">The weeks over capacity (at least one).</param>
    public static ChangeResult Refusal(string personName, IReadOnlyList<OverallocatedWeek> weeks)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        var problems = new List<Problem> { new Problem("This takes {0} above capacity. Confirm to save it anyway.", personName) };
        problems.AddRange(weeks.Take(WeeksListed).Select(w => new Problem("{0} h of {1} h in week {2} of {3}",
            Hours.FromMinutes(w.AllocatedMinutes), Hours.FromMinutes(w.CapacityMinutes), w.Week.Week, w.Week.Year)));
        if (weeks.Count > WeeksListed)
        {
            problems.Add(new Problem("and {0} more weeks above capacity", weeks.Count - WeeksListed));
        }

        return ChangeResult.Invalid(new Dictionary<string, Problem[]> { [nameof(AllocationInput.ConfirmOverallocation)] = [.. problems] });
    }
}
