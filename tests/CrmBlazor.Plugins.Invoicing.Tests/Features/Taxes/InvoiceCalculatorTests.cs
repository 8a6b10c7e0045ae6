using CrmBlazor.Plugins.Invoicing.Features.Taxes;

namespace CrmBlazor.Plugins.Invoicing.Tests.Features.Taxes;

/// <summary>The rounding rule of docs/invoicing.md, case by case.</summary>
public sealed class InvoiceCalculatorTests
{
    private static readonly TaxCatalog Catalog = new(TaxProfile.BuiltIn);

    [Fact]
    public void GstWithinAState_PricesWithoutTax_ChargesCgstAndSgstEachOnTheNet()
    {
        var totals = Calculate(excludingTax: true, "INR", ("in-gst-intra", 1234.56m));

        Assert.Equal([("CGST", 0.09m, 1234.56m, 111.11m), ("SGST", 0.09m, 1234.56m, 111.11m)], TaxesOf(totals));
        Assert.Equal((1234.56m, 222.22m, 1456.78m), (totals.Net, totals.Tax, totals.Gross));
    }

    [Fact]
    public void GstBetweenStates_PricesWithoutTax_ChargesIgstOnTheNet()
    {
        var totals = Calculate(excludingTax: true, "INR", ("in-gst-inter", 1234.56m));

        Assert.Equal([("IGST", 0.18m, 1234.56m, 222.22m)], TaxesOf(totals));
        Assert.Equal(1456.78m, totals.Gross);
    }

    [Fact]
    public void GstWithinAState_PricesIncludingTax_SplitsTheGrossIntoNetAndEqualHalves()
    {
        var totals = Calculate(excludingTax: false, "INR", ("in-gst-intra", 118.00m));

        Assert.Equal([("CGST", 0.09m, 100.00m, 9.00m), ("SGST", 0.09m, 100.00m, 9.00m)], TaxesOf(totals));
        Assert.Equal((100.00m, 18.00m, 118.00m), (totals.Net, totals.Tax, totals.Gross));
    }

    [Fact]
    public void PricesIncludingTax_WhenTheSharesDoNotDivideEvenly_LastComponentTakesTheRemainderAndGrossStaysAsPriced()
    {
        // 100 / 1.18 = 84.745… → 84.75 net; 15.25 tax; CGST 84.75 × 9% = 7.6275 → 7.63; SGST the rest, 7.62.
        var totals = Calculate(excludingTax: false, "INR", ("in-gst-intra", 100.00m));

        Assert.Equal([("CGST", 0.09m, 84.75m, 7.63m), ("SGST", 0.09m, 84.75m, 7.62m)], TaxesOf(totals));
        Assert.Equal((84.75m, 15.25m, 100.00m), (totals.Net, totals.Tax, totals.Gross));
    }

    [Fact]
    public void GstBetweenStates_PricesIncludingTax_TakesTheNetOutOfTheGross()
    {
        var totals = Calculate(excludingTax: false, "INR", ("in-gst-inter", 1000.00m));

        Assert.Equal([("IGST", 0.18m, 847.46m, 152.54m)], TaxesOf(totals));
        Assert.Equal(1000.00m, totals.Gross);
    }

    [Fact]
    public void SeveralTaxProfilesOnOneInvoice_AreTotalledPerProfileAndRate()
    {
        var totals = Calculate(excludingTax: true, "INR", ("in-gst-intra", 1000m), ("exempt", 500m), ("ge-vat", 200m), ("in-gst-intra", 250m));

        Assert.Equal(
            [("Exempt", 0m, 500m, 0m), ("VAT", 0.18m, 200m, 36.00m), ("CGST", 0.09m, 1250m, 112.50m), ("SGST", 0.09m, 1250m, 112.50m)],
            TaxesOf(totals));
        Assert.Equal((1950m, 261.00m, 2211.00m), (totals.Net, totals.Tax, totals.Gross));
    }

    [Fact]
    public void TaxOfHalfAMinorUnit_IsRoundedAwayFromZero()
    {
        // 0.50 × 9% = 0.045: half away from zero gives 0.05 (banker's rounding would give 0.04).
        var totals = Calculate(excludingTax: true, "INR", ("in-gst-intra", 0.50m));

        Assert.Equal([0.05m, 0.05m], totals.Taxes.Select(t => t.Tax));
    }

    [Fact]
    public void TaxIsComputedOnTheSumPerRate_NotSummedFromLines()
    {
        // Three lines of 0.10 at 18%: per line 0.018 → 0.02 each (0.06), on the sum 0.30 × 18% = 0.054 → 0.05.
        var totals = Calculate(excludingTax: true, "USD", ("ge-vat", 0.10m), ("ge-vat", 0.10m), ("ge-vat", 0.10m));

        Assert.Equal(0.05m, totals.Tax);
    }

    [Fact]
    public void Yen_HasNoMinorUnits_SoLinesAndTaxesAreWholeYen()
    {
        var time = InvoiceCalculator.TimeAmount(100, 1000m, "JPY");
        var fee = InvoiceCalculator.LineAmount(3, 333.5m, "JPY");

        var totals = Calculate(excludingTax: true, "JPY", ("ge-vat", time), ("ge-vat", fee));

        Assert.Equal((1667m, 1001m), (time, fee));
        Assert.Equal((2668m, 480m, 3148m), (totals.Net, totals.Tax, totals.Gross));
    }

    [Fact]
    public void Rupees_HaveTwoMinorUnits_SoEachLineIsRoundedToPaise()
    {
        Assert.Equal(0.13m, InvoiceCalculator.LineAmount(1, 0.125m, "INR"));
        Assert.Equal(166.67m, InvoiceCalculator.TimeAmount(10, 1000m, "INR"));
    }

    [Fact]
    public void KuwaitiDinars_HaveThreeMinorUnits()
    {
        Assert.Equal(1.001m, InvoiceCalculator.LineAmount(1, 1.0005m, "KWD"));
    }

    [Fact]
    public void Discount_LowersTheNetOfItsTaxProfileBeforeTax()
    {
        var totals = Calculate(excludingTax: true, "INR", ("in-gst-intra", 1000m), ("in-gst-intra", -100m));

        Assert.Equal((900m, 162.00m, 1062.00m), (totals.Net, totals.Tax, totals.Gross));
    }

    [Fact]
    public void ConfiguredProfile_ReplacesABuiltInOneOfTheSameKey()
    {
        var catalog = new TaxCatalog([.. TaxProfile.BuiltIn, new TaxProfile("ge-vat", "VAT (reduced)", [new TaxComponent("VAT", 0.05m)])]);

        var totals = InvoiceCalculator.Calculate([new CalculatedLine(100m, "ge-vat")], pricesIncludeTax: false, "GEL", catalog);

        Assert.Equal(5.00m, totals.Tax);
    }

    [Theory]
    [InlineData("1000.0000", "INR", "1000.00")]
    [InlineData("1000.0", "KWD", "1000.000")]
    [InlineData("1667.0000", "JPY", "1667")]
    public void Normalize_GivesTheCurrencysScale(string stored, string currency, string expected)
    {
        var amount = decimal.Parse(stored, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, InvoiceCalculator.Normalize(amount, currency).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static InvoiceTotals Calculate(bool excludingTax, string currency, params (string Profile, decimal Amount)[] lines) =>
        InvoiceCalculator.Calculate(lines.Select(l => new CalculatedLine(l.Amount, l.Profile)), !excludingTax, currency, Catalog);

    private static List<(string, decimal, decimal, decimal)> TaxesOf(InvoiceTotals totals) =>
        [.. totals.Taxes.Select(t => (t.Component, t.Rate, t.Base, t.Tax))];
}
