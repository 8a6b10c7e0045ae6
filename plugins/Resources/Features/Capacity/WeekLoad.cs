namespace CrmBlazor.Plugins.Resources.Features.Capacity;

/// <summary>One person's week: the hours their schedule gives, those they are away, what is left, and what is planned.</summary>
/// <param name="Week">The week.</param>
/// <param name="ScheduledMinutes">Minutes of the schedules in effect on each day.</param>
/// <param name="AwayMinutes">Scheduled minutes lost to time off and public holidays.</param>
/// <param name="CapacityMinutes">What the person can work: scheduled less away.</param>
/// <param name="AllocatedMinutes">Minutes planned on all projects (tentative included).</param>
/// <param name="TentativeMinutes">The tentative part of <paramref name="AllocatedMinutes"/>.</param>
public sealed record WeekLoad(IsoWeek Week, decimal ScheduledMinutes, decimal AwayMinutes, decimal CapacityMinutes, decimal AllocatedMinutes, decimal TentativeMinutes)
{
    /// <summary>Allocated ÷ capacity (1 is fully planned, above 1 over-allocated), or null in a week without capacity.</summary>
    public decimal? Utilisation => CapacityMinutes > 0 ? AllocatedMinutes / CapacityMinutes : null;

    /// <summary>Whether more is planned than the person can work (compared in whole minutes).</summary>
    public bool IsOverAllocated => Math.Round(AllocatedMinutes) > Math.Round(CapacityMinutes);
}
