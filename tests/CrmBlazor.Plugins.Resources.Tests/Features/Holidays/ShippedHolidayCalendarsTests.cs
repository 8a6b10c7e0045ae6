using System.ComponentModel.DataAnnotations;
using CrmBlazor.Plugins.Resources.Features.Holidays;

namespace CrmBlazor.Plugins.Resources.Tests.Features.Holidays;

/// <summary>The example calendars the plugin ships and the setting that chooses them.</summary>
public sealed class ShippedHolidayCalendarsTests
{
    [Theory]
    [InlineData("IN")]
    [InlineData("PK")]
    [InlineData("GE")]
    [InlineData("GB")]
    public void Calendar_ForEachShippedCountry_CoversTwoYearsWithoutRepeatedDays(string code)
    {
        var holidays = ShippedHolidayCalendars.All[code].Holidays;

        Assert.Equal([2026, 2027], holidays.Select(h => h.Date.Year).Distinct().Order());
        Assert.Equal(holidays.Count, holidays.Select(h => h.Date).Distinct().Count());
    }

    [Fact]
    public void Settings_ByDefault_SeedAllFourCalendars()
    {
        Assert.Equal(["IN", "PK", "GE", "GB"], new ResourcesSettings().ShippedCalendarCodes);
        Assert.Empty(Errors(new ResourcesSettings()));
    }

    [Fact]
    public void Settings_NamingACalendarThePluginDoesNotShip_AreRefusedWithWhatItShips()
    {
        var error = Assert.Single(Errors(new ResourcesSettings { HolidayCalendars = "gb, FR" }));

        Assert.Equal("HolidayCalendars names calendars the plugin does not ship (FR); it ships IN, PK, GE, GB.", error.ErrorMessage);
    }

    private static List<ValidationResult> Errors(ResourcesSettings settings)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true);
        return results;
    }
}
