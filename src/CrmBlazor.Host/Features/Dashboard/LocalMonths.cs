namespace CrmBlazor.Host.Features.Dashboard;

/// <summary>
/// Calendar months as a clock in one time zone sees them, turned into UTC instants for queries.
/// Timestamps are stored in UTC; grouping them by month in the database with the instants of the
/// months' first midnights puts an interaction at 23:30 on the 31st in the month its users saw it in,
/// identically on every provider.
/// </summary>
public static class LocalMonths
{
    /// <summary>The first instant of a month in a time zone.</summary>
    /// <param name="instant">An instant in the month to start from.</param>
    /// <param name="zone">The time zone whose calendar counts.</param>
    /// <param name="monthOffset">Months to move from the instant's month: -1 for the month before, 1 for the next.</param>
    public static DateTimeOffset Start(DateTimeOffset instant, TimeZoneInfo zone, int monthOffset = 0)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var midnight = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(monthOffset);

        // Some zones move their clocks at midnight: the day then starts at the first time that exists,
        // and of a midnight that happens twice, the first one counts.
        while (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(15);
        }

        var offset = zone.IsAmbiguousTime(midnight) ? zone.GetAmbiguousTimeOffsets(midnight).Max() : zone.GetUtcOffset(midnight);
        return new DateTimeOffset(midnight, offset).ToUniversalTime();
    }

    /// <summary>
    /// The starts of the last <paramref name="count"/> months up to the one holding <paramref name="now"/>,
    /// followed by the start of the next month: <paramref name="count"/> + 1 instants bounding <paramref name="count"/> months.
    /// </summary>
    /// <param name="now">The current time.</param>
    /// <param name="zone">The time zone whose calendar counts.</param>
    /// <param name="count">How many months, the current one included.</param>
    public static DateTimeOffset[] Boundaries(DateTimeOffset now, TimeZoneInfo zone, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return [.. Enumerable.Range(1 - count, count + 1).Select(offset => Start(now, zone, offset))];
    }
}
