using System.Globalization;

namespace CrmBlazor.Sdk.Formatting;

/// <summary>
/// How values are shown to the signed-in user: instants in the user's time zone, and dates, times,
/// months, numbers and money in the culture of the page (the user's language). Instants are stored in
/// UTC; a page shows them through this, never raw. The host registers one per circuit (scoped): inject
/// it (<c>@inject UserDisplay Show</c>) and write <c>@Show.DateTime(run.StartedAt)</c>,
/// <c>@Show.Money(invoice.Gross, invoice.Currency)</c>. Missing values show as a dash.
/// </summary>
/// <param name="timeZone">The user's time zone.</param>
public sealed class UserDisplay(TimeZoneInfo timeZone)
{
    /// <summary>What is shown for a missing value.</summary>
    public const string Missing = "–";

    /// <summary>The user's time zone.</summary>
    public TimeZoneInfo TimeZone { get; } = timeZone ?? throw new ArgumentNullException(nameof(timeZone));

    /// <summary>An instant as the user's clock shows it.</summary>
    /// <param name="instant">The instant (any offset; stored instants are UTC).</param>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>The day an instant falls on for the user (an interaction at 23:30 UTC is on the next day in India).</summary>
    /// <param name="instant">The instant.</param>
    public DateOnly Day(DateTimeOffset instant) => LocalCalendar.Day(instant, TimeZone);

    /// <summary>The instant the user's day starts, for queries over stored UTC instants.</summary>
    /// <param name="day">The day.</param>
    public DateTimeOffset Midnight(DateOnly day) => LocalCalendar.Midnight(day, TimeZone);

    /// <summary>The instant the user's clock shows a day and time (a date and a time field's values), for storing in UTC.</summary>
    /// <param name="day">The day.</param>
    /// <param name="time">The time of day on the user's clock.</param>
    public DateTimeOffset At(DateOnly day, TimeOnly time) => LocalCalendar.At(day, time, TimeZone);

    /// <summary>A date in the user's short format (<c>06/12/2026</c> in en-IN), or a dash.</summary>
    /// <param name="date">The date.</param>
    public string Date(DateOnly? date) => date?.ToString("d", CultureInfo.CurrentCulture) ?? Missing;

    /// <summary>The day of an instant in the user's time zone, in the user's short format, or a dash.</summary>
    /// <param name="instant">The instant.</param>
    public string Date(DateTimeOffset? instant) => instant is { } value ? Date(Day(value)) : Missing;

    /// <summary>An instant's date and time in the user's time zone and short formats (<c>06/12/2026 10:00 am</c>), or a dash.</summary>
    /// <param name="instant">The instant.</param>
    public string DateTime(DateTimeOffset? instant) => instant is { } value ? ToLocal(value).ToString("g", CultureInfo.CurrentCulture) : Missing;

    /// <summary>An instant's time of day in the user's time zone and short format (<c>10:00 am</c>), or a dash.</summary>
    /// <param name="instant">The instant.</param>
    public string Time(DateTimeOffset? instant) => instant is { } value ? ToLocal(value).ToString("t", CultureInfo.CurrentCulture) : Missing;

    /// <summary>A month and year in the user's language (<c>November 2026</c>).</summary>
    /// <param name="month">Any day of the month.</param>
    public string Month(DateOnly month) => month.ToString("Y", CultureInfo.CurrentCulture);

    /// <summary>An amount in a currency in the user's culture (<c>1,00,000.00 ₹</c> in en-IN, see <see cref="MoneyFormat"/>), or a dash.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="currency">The ISO 4217 code of its currency.</param>
    public string Money(decimal? amount, string currency) => amount is { } value ? MoneyFormat.Format(value, currency, CultureInfo.CurrentCulture) : Missing;

    /// <summary>A quantity (hours, units) with up to two decimals and digit grouping in the user's culture.</summary>
    /// <param name="quantity">The quantity.</param>
    public string Number(decimal quantity) => quantity.ToString("#,0.##", CultureInfo.CurrentCulture);
}
