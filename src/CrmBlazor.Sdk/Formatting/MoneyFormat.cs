using System.Collections.Concurrent;
using System.Globalization;

namespace CrmBlazor.Sdk.Formatting;

/// <summary>
/// Formats amounts of money for the user's culture (digit grouping, separators, the position of the
/// symbol) in the currency of the amount, with that currency's number of minor units: 1,00,000.00 ₹
/// in en-IN, 1.234,50 € in de-DE, ¥1,235 for yen.
/// </summary>
public static class MoneyFormat
{
    private static readonly ConcurrentDictionary<string, string> Symbols = new(StringComparer.OrdinalIgnoreCase);

    // ISO 4217 currencies whose minor unit is not two digits.
    private static readonly Dictionary<string, int> MinorUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["BIF"] = 0, ["CLP"] = 0, ["DJF"] = 0, ["GNF"] = 0, ["ISK"] = 0, ["JPY"] = 0, ["KMF"] = 0, ["KRW"] = 0,
        ["PYG"] = 0, ["RWF"] = 0, ["UGX"] = 0, ["UYI"] = 0, ["VND"] = 0, ["VUV"] = 0, ["XAF"] = 0, ["XOF"] = 0, ["XPF"] = 0,
        ["BHD"] = 3, ["IQD"] = 3, ["JOD"] = 3, ["KWD"] = 3, ["LYD"] = 3, ["OMR"] = 3, ["TND"] = 3,
    };

    /// <summary>The number of digits after the decimal separator for a currency (2 unless ISO 4217 says otherwise).</summary>
    /// <param name="currency">The ISO 4217 code.</param>
    public static int MinorUnitsOf(string currency) => MinorUnits.TryGetValue(currency, out var digits) ? digits : 2;

    /// <summary>Formats an amount.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="currency">The ISO 4217 code of its currency.</param>
    /// <param name="culture">The user's culture; the current culture if null.</param>
    public static string Format(decimal amount, string currency, CultureInfo? culture = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        culture ??= CultureInfo.CurrentCulture;
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = SymbolOf(currency, culture);
        format.CurrencyDecimalDigits = MinorUnitsOf(currency);
        return amount.ToString("C", format);
    }

    /// <summary>The symbol of a currency as written in a culture (₹, €, ₾), or the ISO code if none is known.</summary>
    /// <param name="currency">The ISO 4217 code.</param>
    /// <param name="culture">The culture.</param>
    public static string SymbolOf(string currency, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        if (culture.Name.Length > 0 && !culture.IsNeutralCulture && new RegionInfo(culture.Name).ISOCurrencySymbol.Equals(currency, StringComparison.OrdinalIgnoreCase))
        {
            return culture.NumberFormat.CurrencySymbol;
        }

        return Symbols.GetOrAdd(currency, code =>
            CultureInfo.GetCultures(CultureTypes.SpecificCultures)
                .Select(c => TryRegion(c.Name))
                .FirstOrDefault(r => r is not null && r.ISOCurrencySymbol.Equals(code, StringComparison.OrdinalIgnoreCase))?.CurrencySymbol
            ?? code.ToUpperInvariant());
    }

    private static RegionInfo? TryRegion(string name)
    {
        try
        {
            return new RegionInfo(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
