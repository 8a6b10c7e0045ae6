using System.Globalization;
using CrmBlazor.Sdk.Formatting;

namespace CrmBlazor.Sdk.Tests.Formatting;

public sealed class UserDisplayTests
{
    private static readonly UserDisplay InIndia = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata"));

    // 20:15 UTC on 30 November is 01:45 on 1 December in India.
    private static readonly DateTimeOffset LateEvening = new(2026, 11, 30, 20, 15, 0, TimeSpan.Zero);

    [Fact]
    public void DateTime_AnInstantStoredInUtc_IsShownOnTheUsersClock()
    {
        var shown = InCulture("en-GB", () => InIndia.DateTime(LateEvening));

        Assert.Equal("01/12/2026 01:45", shown);
    }

    [Fact]
    public void Date_AnInstantLateInTheUtcDay_IsOnTheUsersDay()
    {
        Assert.Equal("01/12/2026", InCulture("en-GB", () => InIndia.Date(LateEvening)));
    }

    [Fact]
    public void Time_AnInstant_IsTheUsersTimeOfDay()
    {
        Assert.Equal("01:45", InCulture("en-GB", () => InIndia.Time(LateEvening)));
    }

    [Fact]
    public void At_ADayAndTimeOnTheUsersClock_IsTheInstantInUtc()
    {
        Assert.Equal(LateEvening, InIndia.At(new DateOnly(2026, 12, 1), new TimeOnly(1, 45)));
    }

    [Fact]
    public void Money_InTheUsersCulture_GroupsDigitsTheLocalWay()
    {
        Assert.Equal("₹1,00,000.00", InCulture("en-IN", () => InIndia.Money(100000m, "INR")));
    }

    [Fact]
    public void Missing_DateTimeOrMoney_IsADash()
    {
        Assert.Equal(["–", "–", "–"], [InIndia.DateTime(null), InIndia.Date((DateOnly?)null), InIndia.Money(null, "INR")]);
    }

    private static string InCulture(string name, Func<string> format)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
        try
        {
            return format();
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
