namespace CrmBlazor.Plugins.Resources.Data;

/// <summary>The public holidays of a country (or of a region a firm chooses), which nobody who follows it works.</summary>
public sealed class HolidayCalendar
{
    public long Id { get; set; }

    /// <summary>A short code, unique: the ISO 3166 country code for the shipped calendars (IN, PK, GE, GB).</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public List<PublicHoliday> Holidays { get; } = [];
}

/// <summary>A day off for everyone who follows a calendar.</summary>
public sealed class PublicHoliday
{
    public long Id { get; set; }

    public long CalendarId { get; set; }

    public DateOnly Date { get; set; }

    public required string Name { get; set; }
}
