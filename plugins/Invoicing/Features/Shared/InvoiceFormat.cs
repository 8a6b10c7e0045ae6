using System.Globalization;

namespace CrmBlazor.Plugins.Invoicing.Features.Shared;

/// <summary>
/// What invoicing pages show beyond the UI kit's <c>UserDisplay</c> (dates, times, money): table cells for
/// amounts, billed time in hours, tax rates.
/// </summary>
public static class InvoiceFormat
{
    /// <summary>The style of table cells holding amounts: aligned to the end of the line (right in LTR, left in RTL), never wrapped.</summary>
    public const string NumberCell = "text-align: end; white-space: nowrap; font-variant-numeric: tabular-nums";

    /// <summary>Minutes as hours with up to two decimals, in the user's culture.</summary>
    /// <param name="minutes">The minutes.</param>
    public static string Hours(int minutes) => Math.Round(minutes / 60m, 2, MidpointRounding.AwayFromZero).ToString("#,0.##", CultureInfo.CurrentCulture);

    /// <summary>A tax rate as a percentage (<c>9%</c>, <c>18%</c>).</summary>
    /// <param name="rate">The rate as a fraction.</param>
    public static string Rate(decimal rate) => rate.ToString("0.##%", CultureInfo.CurrentCulture);

    /// <summary>
    /// A value set into a translated sentence ("Sent on {0} to {1}") as an isolate (U+2068 … U+2069, the
    /// text form of <c>&lt;bdi&gt;</c>), so that in an Urdu sentence a date such as "6/12/2026 5:32 PM"
    /// or an address keeps its own order instead of being reordered word by word.
    /// </summary>
    /// <param name="value">The value.</param>
    public static string Isolated(string value) => "\u2068" + value + "\u2069";
}
