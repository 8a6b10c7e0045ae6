namespace CrmBlazor.Sdk.Formatting;

/// <summary>
/// Days and months as a clock in one time zone sees them, turned into UTC instants for queries.
/// Timestamps are stored in UTC; comparing them with the instants of local midnights puts an
/// interaction at 23:30 on the 31st in the month its users saw it in, identically on every provider
/// and without any date function of the database.
/// </summary>
public static class LocalCalendar
{
    /// <summary>The instant a day starts in a time zone.</summary>
    /// <param name="day">The day.</param>
    /// <param name="zone">The time zone.</param>
    public static DateTimeOffset Midnight(DateOnly day, TimeZoneInfo zone) => At(day, TimeOnly.MinValue, zone);

    /// <summary>The instant a clock in a time zone shows a day and time (what a user typed into a date and a time field).</summary>
    /// <param name="day">The day.</param>
    /// <param name="time">The time of day on the zone's clock.</param>
    /// <param name="zone">The time zone.</param>
    public static DateTimeOffset At(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);

        // Clocks that move skip a time (it then counts as the first time that exists after it, as a day
        // that starts at 01:00 when the clocks move at midnight) and show another twice (the first counts).
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The day an instant falls on in a time zone.</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="zone">The time zone.</param>
    public static DateOnly Day(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The first instant of a month in a time zone.</summary>
    /// <param name="instant">An instant in the month to start from.</param>
    /// <param name="zone">The time zone whose calendar counts.</param>
    /// <param name="monthOffset">Months to move from the instant's month: -1 for the month before, 1 for the next.</param>
    public static DateTimeOffset MonthStart(DateTimeOffset instant, TimeZoneInfo zone, int monthOffset = 0)
    {
        var day = Day(instant, zone);
        return Midnight(new DateOnly(day.Year, day.Month, 1).AddMonths(monthOffset), zone);
    }

    /// <summary>
    /// The starts of the last <paramref name="count"/> months up to the one holding <paramref name="now"/>,
    /// followed by the start of the next month: <paramref name="count"/> + 1 instants bounding <paramref name="count"/> months.
    /// </summary>
    /// <param name="now">The current time.</param>
    /// <param name="zone">The time zone whose calendar counts.</param>
    /// <param name="count">How many months, the current one included.</param>
    public static DateTimeOffset[] MonthBoundaries(DateTimeOffset now, TimeZoneInfo zone, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return [.. Enumerable.Range(1 - count, count + 1).Select(offset => MonthStart(now, zone, offset))];
    }
}
