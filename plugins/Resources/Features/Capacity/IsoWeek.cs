using System.Globalization;

namespace CrmBlazor.Plugins.Resources.Features.Capacity;

/// <summary>An ISO 8601 week (Monday to Sunday; week 1 holds the year's first Thursday), the unit of capacity and utilisation.</summary>
/// <param name="Year">The ISO week-numbering year (may differ from the calendar year of its first or last days).</param>
/// <param name="Week">The week number, 1 to 53.</param>
public readonly record struct IsoWeek(int Year, int Week)
{
    /// <summary>The week a day falls in.</summary>
    /// <param name="day">The day.</param>
    public static IsoWeek Of(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return new IsoWeek(ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date));
    }

    /// <summary>The week's Monday.</summary>
    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    /// <summary>The week's Sunday.</summary>
    public DateOnly Sunday => Monday.AddDays(6);

    /// <summary>The week after this one.</summary>
    public IsoWeek Next => Of(Monday.AddDays(7));

    /// <summary>The seven days, Monday first.</summary>
    public IEnumerable<DateOnly> Days
    {
        get
        {
            var monday = Monday;
            return Enumerable.Range(0, 7).Select(monday.AddDays);
        }
    }

    /// <summary>The weeks from the one holding <paramref name="from"/> to the one holding <paramref name="to"/>, in order.</summary>
    /// <param name="from">A day of the first week.</param>
    /// <param name="to">A day of the last week.</param>
    public static IEnumerable<IsoWeek> Span(DateOnly from, DateOnly to)
    {
        for (var week = Of(from); week.Monday <= to; week = week.Next)
        {
            yield return week;
        }
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}-W{Week:00}");
}
