namespace CrmBlazor.Plugins.Resources.Features.Shared;

/// <summary>Hours as people type and read them, and the whole minutes the plugin stores.</summary>
public static class Hours
{
    /// <summary>Whole minutes of typed hours (37.5 → 2250).</summary>
    /// <param name="hours">The hours.</param>
    public static int ToMinutes(decimal hours) => (int)Math.Round(hours * 60m, MidpointRounding.AwayFromZero);

    /// <summary>Minutes as hours with at most two decimals and no trailing zeros (2250 → 37.5, 2760 → 46).</summary>
    /// <param name="minutes">The minutes.</param>
    public static decimal FromMinutes(decimal minutes) =>
        // Dividing by 1.000… drops the trailing zeros of the rounded value, so 46.00 reads "46".
        Math.Round(minutes / 60m, 2, MidpointRounding.AwayFromZero) / 1.000000000000000000000000000000000m;

    /// <summary>
    /// Whole minutes of computed minutes (a week's share of an allocation can be a fraction), rounded as
    /// <c>WeekLoad.IsOverAllocated</c> compares them, so that a figure and the flag never disagree.
    /// </summary>
    /// <param name="minutes">The minutes.</param>
    public static int WholeMinutes(decimal minutes) => (int)Math.Round(minutes);
}
