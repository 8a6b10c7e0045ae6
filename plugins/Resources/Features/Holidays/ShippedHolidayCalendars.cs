namespace CrmBlazor.Plugins.Resources.Features.Holidays;

/// <summary>A public holiday of a shipped calendar.</summary>
/// <param name="Date">The day.</param>
/// <param name="Name">Its name, in English (a firm renames it as it likes).</param>
public sealed record ShippedHoliday(DateOnly Date, string Name);

/// <summary>A calendar the plugin ships as an example.</summary>
/// <param name="Code">The ISO 3166 country code.</param>
/// <param name="Name">The calendar's name.</param>
/// <param name="Holidays">Its holidays.</param>
public sealed record ShippedCalendar(string Code, string Name, IReadOnlyList<ShippedHoliday> Holidays);

/// <summary>
/// Example public-holiday calendars for India, Pakistan, Georgia and Great Britain (England and Wales),
/// 2026 and 2027, seeded once each (setting <c>Plugins:resources:HolidayCalendars</c>) and then kept by
/// the firm: an administrator adds or removes days, and a later start never overwrites them. Days that
/// follow the moon (Eid, Ashura, Diwali, Holi) are the expected dates; governments announce the
/// actual ones shortly before, and India's list is the central government's, without regional days.
/// </summary>
public static class ShippedHolidayCalendars
{
    /// <summary>Every shipped calendar, by code.</summary>
    public static IReadOnlyDictionary<string, ShippedCalendar> All { get; } = new[]
    {
        new ShippedCalendar("IN", "India", [
            H(2026, 1, 26, "Republic Day"), H(2026, 3, 4, "Holi"), H(2026, 3, 21, "Id-ul-Fitr"), H(2026, 4, 3, "Good Friday"),
            H(2026, 5, 27, "Id-ul-Zuha (Bakrid)"), H(2026, 8, 15, "Independence Day"), H(2026, 10, 2, "Mahatma Gandhi's Birthday"),
            H(2026, 11, 8, "Diwali"), H(2026, 12, 25, "Christmas Day"),
            H(2027, 1, 26, "Republic Day"), H(2027, 3, 10, "Id-ul-Fitr"), H(2027, 3, 22, "Holi"), H(2027, 3, 26, "Good Friday"),
            H(2027, 5, 17, "Id-ul-Zuha (Bakrid)"), H(2027, 8, 15, "Independence Day"), H(2027, 10, 2, "Mahatma Gandhi's Birthday"),
            H(2027, 10, 29, "Diwali"), H(2027, 12, 25, "Christmas Day"),
        ]),
        new ShippedCalendar("PK", "Pakistan", [
            H(2026, 2, 5, "Kashmir Solidarity Day"), H(2026, 3, 20, "Eid ul-Fitr"), H(2026, 3, 21, "Eid ul-Fitr"), H(2026, 3, 23, "Pakistan Day"),
            H(2026, 5, 1, "Labour Day"), H(2026, 5, 27, "Eid ul-Adha"), H(2026, 5, 28, "Youm-e-Takbeer"), H(2026, 6, 25, "Ashura"),
            H(2026, 6, 26, "Ashura"), H(2026, 8, 14, "Independence Day"), H(2026, 8, 26, "Eid Milad un-Nabi"), H(2026, 11, 9, "Iqbal Day"),
            H(2026, 12, 25, "Quaid-e-Azam Day"),
            H(2027, 2, 5, "Kashmir Solidarity Day"), H(2027, 3, 10, "Eid ul-Fitr"), H(2027, 3, 11, "Eid ul-Fitr"), H(2027, 3, 23, "Pakistan Day"),
            H(2027, 5, 1, "Labour Day"), H(2027, 5, 17, "Eid ul-Adha"), H(2027, 5, 28, "Youm-e-Takbeer"), H(2027, 6, 14, "Ashura"),
            H(2027, 6, 15, "Ashura"), H(2027, 8, 14, "Independence Day"), H(2027, 8, 15, "Eid Milad un-Nabi"), H(2027, 11, 9, "Iqbal Day"),
            H(2027, 12, 25, "Quaid-e-Azam Day"),
        ]),
        new ShippedCalendar("GE", "Georgia", [
            H(2026, 1, 1, "New Year's Day"), H(2026, 1, 2, "New Year's Day"), H(2026, 1, 7, "Orthodox Christmas"), H(2026, 1, 19, "Epiphany"),
            H(2026, 3, 3, "Mother's Day"), H(2026, 3, 8, "International Women's Day"), H(2026, 4, 9, "National Unity Day"),
            H(2026, 4, 10, "Orthodox Good Friday"), H(2026, 4, 11, "Orthodox Holy Saturday"), H(2026, 4, 12, "Orthodox Easter Sunday"),
            H(2026, 4, 13, "Orthodox Easter Monday"), H(2026, 5, 9, "Victory Day"), H(2026, 5, 12, "Saint Andrew's Day"),
            H(2026, 5, 17, "Family Day"), H(2026, 5, 26, "Independence Day"), H(2026, 8, 28, "Mariamoba"), H(2026, 10, 14, "Svetitskhovloba"),
            H(2026, 11, 23, "Giorgoba"),
            H(2027, 1, 1, "New Year's Day"), H(2027, 1, 2, "New Year's Day"), H(2027, 1, 7, "Orthodox Christmas"), H(2027, 1, 19, "Epiphany"),
            H(2027, 3, 3, "Mother's Day"), H(2027, 3, 8, "International Women's Day"), H(2027, 4, 9, "National Unity Day"),
            H(2027, 4, 30, "Orthodox Good Friday"), H(2027, 5, 1, "Orthodox Holy Saturday"), H(2027, 5, 2, "Orthodox Easter Sunday"),
            H(2027, 5, 3, "Orthodox Easter Monday"), H(2027, 5, 9, "Victory Day"), H(2027, 5, 12, "Saint Andrew's Day"),
            H(2027, 5, 17, "Family Day"), H(2027, 5, 26, "Independence Day"), H(2027, 8, 28, "Mariamoba"), H(2027, 10, 14, "Svetitskhovloba"),
            H(2027, 11, 23, "Giorgoba"),
        ]),
        new ShippedCalendar("GB", "United Kingdom (England and Wales)", [
            H(2026, 1, 1, "New Year's Day"), H(2026, 4, 3, "Good Friday"), H(2026, 4, 6, "Easter Monday"), H(2026, 5, 4, "Early May bank holiday"),
            H(2026, 5, 25, "Spring bank holiday"), H(2026, 8, 31, "Summer bank holiday"), H(2026, 12, 25, "Christmas Day"),
            H(2026, 12, 28, "Boxing Day (substitute day)"),
            H(2027, 1, 1, "New Year's Day"), H(2027, 3, 26, "Good Friday"), H(2027, 3, 29, "Easter Monday"), H(2027, 5, 3, "Early May bank holiday"),
            H(2027, 5, 31, "Spring bank holiday"), H(2027, 8, 30, "Summer bank holiday"), H(2027, 12, 27, "Christmas Day (substitute day)"),
            H(2027, 12, 28, "Boxing Day (substitute day)"),
        ]),
    }.ToDictionary(c => c.Code, StringComparer.Ordinal);

    private static ShippedHoliday H(int year, int month, int day, string name) => new(new DateOnly(year, month, day), name);
}
