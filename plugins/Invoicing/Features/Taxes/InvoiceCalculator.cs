using CrmBlazor.Sdk.Formatting;

namespace CrmBlazor.Plugins.Invoicing.Features.Taxes;

/// <summary>A line as the calculator sees it: its amount as entered and its tax profile.</summary>
/// <param name="Amount">The line amount, already rounded to minor units (<see cref="InvoiceCalculator.LineAmount"/>).</param>
/// <param name="TaxProfile">The profile's key.</param>
public sealed record CalculatedLine(decimal Amount, string TaxProfile);

/// <summary>The tax of one component of one profile.</summary>
/// <param name="TaxProfile">The profile's key.</param>
/// <param name="ProfileName">The profile's name.</param>
/// <param name="Component">The component's name.</param>
/// <param name="Rate">The rate as a fraction.</param>
/// <param name="Base">The profile's net amount the tax is computed on.</param>
/// <param name="Tax">The tax.</param>
public sealed record TaxLine(string TaxProfile, string ProfileName, string Component, decimal Rate, decimal Base, decimal Tax);

/// <summary>An invoice's totals.</summary>
/// <param name="Net">The sum of the profiles' net amounts.</param>
/// <param name="Tax">The sum of the taxes.</param>
/// <param name="Gross">Net plus tax: what the customer pays.</param>
/// <param name="Taxes">The tax of each component of each profile, by profile then component.</param>
public sealed record InvoiceTotals(decimal Net, decimal Tax, decimal Gross, IReadOnlyList<TaxLine> Taxes);

/// <summary>
/// The one place amounts are computed. The rounding rule (see docs/invoicing.md):
/// <list type="number">
/// <item>Each line's amount is rounded to the currency's minor units (ISO 4217: 0 for JPY and KRW, 2 for INR, EUR, GEL and USD, 3 for KWD and BHD), half away from zero: quantity × unit price, or for time minutes × hourly rate ÷ 60.</item>
/// <item>Lines are summed per tax profile, unrounded sums of rounded amounts.</item>
/// <item>Prices without tax: each component's tax is the profile's sum × the component's rate, rounded the same way.</item>
/// <item>Prices with tax: the profile's net is its sum ÷ (1 + the sum of its rates), rounded; its tax is the sum less the net,
/// shared among its components by rate, each rounded, the last component taking what rounding leaves so that net + tax is the sum exactly.</item>
/// <item>The gross total is the sum of the nets plus the sum of the taxes.</item>
/// </list>
/// </summary>
public static class InvoiceCalculator
{
    /// <summary>Rounds an amount to the currency's minor units, half away from zero.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="currency">The ISO 4217 code.</param>
    public static decimal Round(decimal amount, string currency) =>
        Math.Round(amount, MoneyFormat.MinorUnitsOf(currency), MidpointRounding.AwayFromZero);

    /// <summary>An amount with exactly the currency's minor units as its scale (1000.0000 from the database becomes 1000.00), for messages and exports.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="currency">The ISO 4217 code.</param>
    public static decimal Normalize(decimal amount, string currency)
    {
        var digits = MoneyFormat.MinorUnitsOf(currency);
        return Math.Round(amount, digits, MidpointRounding.AwayFromZero) + new decimal(0, 0, 0, false, (byte)digits);
    }

    /// <summary>Whether an amount has no more decimals than the currency's minor units allow.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="currency">The ISO 4217 code.</param>
    public static bool FitsMinorUnits(decimal amount, string currency) => Round(amount, currency) == amount;

    /// <summary>A fee or discount line's amount: quantity × unit price, rounded.</summary>
    /// <param name="quantity">The quantity.</param>
    /// <param name="unitPrice">The unit price.</param>
    /// <param name="currency">The ISO 4217 code.</param>
    public static decimal LineAmount(decimal quantity, decimal unitPrice, string currency) => Round(quantity * unitPrice, currency);

    /// <summary>A time line's amount: minutes × hourly rate ÷ 60, rounded once for the whole line.</summary>
    /// <param name="minutes">The line's minutes.</param>
    /// <param name="hourlyRate">The rate.</param>
    /// <param name="currency">The ISO 4217 code.</param>
    public static decimal TimeAmount(int minutes, decimal hourlyRate, string currency) => Round(minutes * hourlyRate / 60m, currency);

    /// <summary>Computes the totals of an invoice's lines.</summary>
    /// <param name="lines">The lines.</param>
    /// <param name="pricesIncludeTax">Whether the line amounts include tax.</param>
    /// <param name="currency">The ISO 4217 code.</param>
    /// <param name="taxes">The tax profiles.</param>
    /// <exception cref="ArgumentException">A line names an unknown tax profile.</exception>
    public static InvoiceTotals Calculate(IEnumerable<CalculatedLine> lines, bool pricesIncludeTax, string currency, TaxCatalog taxes)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(taxes);
        var taxLines = new List<TaxLine>();
        decimal net = 0, tax = 0;
        foreach (var group in lines.GroupBy(l => l.TaxProfile, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var profile = taxes.Find(group.Key) ?? throw new ArgumentException($"Unknown tax profile '{group.Key}'.", nameof(lines));
            var sum = group.Sum(l => l.Amount);
            var profileNet = pricesIncludeTax ? Round(sum / (1 + profile.TotalRate), currency) : sum;
            var profileTaxes = pricesIncludeTax
                ? ShareIncludedTax(sum - profileNet, profileNet, profile, currency)
                : [.. profile.Components.Select(c => Round(profileNet * c.Rate, currency))];
            for (var i = 0; i < profile.Components.Count; i++)
            {
                var component = profile.Components[i];
                taxLines.Add(new TaxLine(profile.Key, profile.Name, component.Name, component.Rate, profileNet, profileTaxes[i]));
            }

            net += profileNet;
            tax += profileTaxes.Sum();
        }

        return new InvoiceTotals(net, tax, net + tax, taxLines);
    }

    private static decimal[] ShareIncludedTax(decimal included, decimal net, TaxProfile profile, string currency)
    {
        var shares = new decimal[profile.Components.Count];
        for (var i = 0; i < shares.Length - 1; i++)
        {
            shares[i] = Round(net * profile.Components[i].Rate, currency);
        }

        shares[^1] = included - shares[..^1].Sum();
        return shares;
    }
}
