using System.Globalization;

namespace CrmBlazor.Sdk.Formatting;

/// <summary>
/// An amount in a currency, as an argument of a message (<c>Problem</c>, a localised text): formatted
/// with <see cref="MoneyFormat"/> in the culture the message is shown in (1,00,000.00 ₹ in en-IN,
/// 1.234,50 € in de-DE), not as a bare number.
/// </summary>
/// <param name="Amount">The amount.</param>
/// <param name="Currency">The ISO 4217 code of its currency.</param>
public readonly record struct Money(decimal Amount, string Currency) : IFormattable
{
    /// <summary>Formatted for the given culture (the current culture if none).</summary>
    /// <param name="format">Not used: money has one format per culture.</param>
    /// <param name="formatProvider">The culture.</param>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        MoneyFormat.Format(Amount, Currency, formatProvider as CultureInfo ?? CultureInfo.CurrentCulture);

    /// <summary>Formatted for the current culture.</summary>
    public override string ToString() => ToString(null, CultureInfo.CurrentCulture);
}
