using System.Globalization;
using CrmBlazor.Sdk.Formatting;

namespace CrmBlazor.Plugins.Projects.Features.Shared;

/// <summary>Amounts and budgets as the pages show them, in the user's culture.</summary>
public static class Display
{
    /// <summary>An amount in a currency (<c>1,00,000.00 ₹</c> in en-IN), or a dash when there is none.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="currency">The ISO 4217 code.</param>
    public static string Money(decimal? amount, string currency) => amount is { } value ? MoneyFormat.Format(value, currency) : "–";

    /// <summary>"used / budget" for hours.</summary>
    /// <param name="used">Hours used.</param>
    /// <param name="budget">Budget hours, or null.</param>
    public static string HoursOf(decimal used, decimal? budget) =>
        budget is { } b ? $"{HoursText.Format(used)} / {HoursText.Format(b)} h" : $"{HoursText.Format(used)} h";

    /// <summary>"used / budget" for money.</summary>
    /// <param name="used">Amount used.</param>
    /// <param name="budget">Budget amount, or null.</param>
    /// <param name="currency">The ISO 4217 code.</param>
    public static string AmountOf(decimal used, decimal? budget, string currency) =>
        budget is { } b ? $"{MoneyFormat.Format(used, currency)} / {MoneyFormat.Format(b, currency)}" : MoneyFormat.Format(used, currency);

    /// <summary>A percentage with one decimal, in the user's culture.</summary>
    /// <param name="percent">The percentage.</param>
    public static string Percent(decimal? percent) => percent is { } p ? (p / 100m).ToString("P1", CultureInfo.CurrentCulture) : "–";

    /// <summary>A date in the user's short format, or a dash.</summary>
    /// <param name="date">The date.</param>
    public static string Date(DateOnly? date) => date?.ToString("d", CultureInfo.CurrentCulture) ?? "–";
}
