using CrmBlazor.Sdk.Formatting;

namespace CrmBlazor.Sdk.Tests.Formatting;

public sealed class LocalCalendarTests
{
    private static readonly TimeZoneInfo India = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    // Cuba moves its clocks at midnight: 8 March 2026 starts at 01:00.
    private static readonly TimeZoneInfo Havana = TimeZoneInfo.FindSystemTimeZoneById("America/Havana");

    [Fact]
    public void MonthStart_India_IsMidnightThereInUtc()
    {
        var start = LocalCalendar.MonthStart(new DateTimeOffset(2026, 4, 15, 10, 0, 0, TimeSpan.Zero), India);

        Assert.Equal(new DateTimeOffset(2026, 3, 31, 18, 30, 0, TimeSpan.Zero), start);
    }

    [Fact]
    public void MonthStart_LateOnTheLastDayInUtcButNextMonthInIndia_IsTheNextMonth()
    {
        var start = LocalCalendar.MonthStart(new DateTimeOffset(2026, 3, 31, 20, 0, 0, TimeSpan.Zero), India);

        Assert.Equal(new DateTimeOffset(2026, 3, 31, 18, 30, 0, TimeSpan.Zero), start);
    }

    [Fact]
    public void MonthBoundaries_Twelve_BoundTwelveMonthsEndingWithTheCurrentOne()
    {
        var bounds = LocalCalendar.MonthBoundaries(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc, 12);

        Assert.Equal(13, bounds.Length);
        Assert.Equal(new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero), bounds[0]);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), bounds[^1]);
    }

    [Fact]
    public void Midnight_SummerTime_UsesTheOffsetOfThatDay()
    {
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 22, 0, 0, TimeSpan.Zero), LocalCalendar.Midnight(new DateOnly(2026, 7, 1), Berlin));
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 23, 0, 0, TimeSpan.Zero), LocalCalendar.Midnight(new DateOnly(2026, 2, 1), Berlin));
    }

    [Fact]
    public void Midnight_ThatDoesNotExist_IsTheFirstTimeOfTheDay()
    {
        var start = LocalCalendar.Midnight(new DateOnly(2026, 3, 8), Havana);

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 5, 0, 0, TimeSpan.Zero), start);
    }

    [Fact]
    public void Day_InstantNearMidnight_IsTheDayInTheZone()
    {
        Assert.Equal(new DateOnly(2026, 4, 1), LocalCalendar.Day(new DateTimeOffset(2026, 3, 31, 19, 0, 0, TimeSpan.Zero), India));
    }
}
