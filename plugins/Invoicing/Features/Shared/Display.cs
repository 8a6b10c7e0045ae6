using System.Globalization;
using CrmBlazor.Sdk.Formatting;

namespace CrmBlazor.Plugins.Invoicing.Features.Shared;

/// <summary>Amounts, dates and hours as the pages show them, in the user's culture.</summary>
public static class Display
{
    /// <summary>The style of table cells holding amounts: aligned to the end of the line (right in LTR, left in RTL), never wrapped.</summary>
    public const string NumberCell = "text-align: end; white-space: nowrap; font-variant-numeric: tabular-nums";

    /// <summary>An amount in a currency (<c>1,00,000.00 ₹</c> in en-IN), or a dash when there is none.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="currency">The ISO 4217 code.</param>
    public static string Money(decimal? amount, string currency) => amount is { } value ? MoneyFormat.Format(value, currency) : "–";

    /// <summary>A date in the user's short format, or a dash.</summary>
    /// <param name="date">The date.</param>
    public static string Date(DateOnly? date) => date?.ToString("d", CultureInfo.CurrentCulture) ?? "–";

    /// <summary>A quantity or hours with up to two decimals, in the user's culture.</summary>
    /// <param name="quantity">The quantity.</param>
    public static string Quantity(decimal quantity) => quantity.ToString("#,0.##", CultureInfo.CurrentCulture);

    /// <summary>Minutes as hours with up to two decimals.</summary>
    /// <param name="minutes">The minutes.</param>
    public static string Hours(int minutes) => Quantity(Math.Round(minutes / 60m, 2, MidpointRounding.AwayFromZero));

    /// <summary>A tax rate as a percentage (<c>9%</c>, <c>18%</c>).</summary>
    /// <param name="rate">The rate as a fraction.</param>
    public static string Rate(decimal rate) => rate.ToString("0.##%", CultureInfo.CurrentCulture);

    /// <summary>A month and year in the user's language (<c>November 2026</c>).</summary>
    /// <param name="firstDay">The month's first day.</param>
    public static string Month(DateOnly firstDay) => firstDay.ToString("Y", CultureInfo.CurrentCulture);
}
