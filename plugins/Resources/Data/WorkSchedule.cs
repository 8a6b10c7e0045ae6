using CrmBlazor.Sdk.Data;

namespace CrmBlazor.Plugins.Resources.Data;

/// <summary>
/// A person's working hours per weekday, in effect from <see cref="EffectiveFrom"/> until the next
/// schedule of the person starts. A schedule never reaches back before its start, so a new one leaves
/// earlier weeks as they were (see docs/decisions/0022-capacity-over-time.md).
/// </summary>
public sealed class WorkSchedule : IVersionedEntity
{
    public long Id { get; set; }

    public long PersonId { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public int MondayMinutes { get; set; }

    public int TuesdayMinutes { get; set; }

    public int WednesdayMinutes { get; set; }

    public int ThursdayMinutes { get; set; }

    public int FridayMinutes { get; set; }

    public int SaturdayMinutes { get; set; }

    public int SundayMinutes { get; set; }

    public Guid RowVersion { get; set; }

    /// <summary>The working minutes of a weekday.</summary>
    /// <param name="day">The weekday.</param>
    public int MinutesOn(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => MondayMinutes,
        DayOfWeek.Tuesday => TuesdayMinutes,
        DayOfWeek.Wednesday => WednesdayMinutes,
        DayOfWeek.Thursday => ThursdayMinutes,
        DayOfWeek.Friday => FridayMinutes,
        DayOfWeek.Saturday => SaturdayMinutes,
        _ => SundayMinutes,
    };
}
