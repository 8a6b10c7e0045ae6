using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Taxes;
using static CrmBlazor.Plugins.Invoicing.Tests.Data.TestInvoices;

namespace CrmBlazor.Plugins.Invoicing.Tests.Data;

/// <summary>Several tax rates on one invoice: each profile is taxed on its own sum, and the document keeps a total per component.</summary>
public sealed class InvoiceTotalsTests
{
    [Fact]
    public void CgstSgstIgstAndExemptLines_OnOneInvoice_AreTaxedPerProfileAndTotalled()
    {
        var invoice = Draft()
            .WithFee(1000m, taxProfile: "in-gst-intra", description: "Consulting in Karnataka")
            .WithFee(2000m, taxProfile: "in-gst-inter", description: "Consulting in Tamil Nadu")
            .WithFee(500m, taxProfile: "exempt", description: "Training")
            .WithDiscount(100m, taxProfile: "in-gst-intra");

        Assert.Equal(
            [("Exempt", 0m, 500.00m, 0.00m), ("IGST", 0.18m, 2000.00m, 360.00m), ("CGST", 0.09m, 900.00m, 81.00m), ("SGST", 0.09m, 900.00m, 81.00m)],
            TaxesOf(invoice));
        Assert.Equal((3400.00m, 522.00m, 3922.00m), (invoice.NetTotal, invoice.TaxTotal, invoice.GrossTotal));
    }

    [Fact]
    public void TaxOfAProfile_IsComputedOnItsSum_NotSummedFromItsLines()
    {
        // Each line alone would carry 0.01 CGST and 0.01 SGST (0.009 rounded); the sum of 0.30 carries 0.03 each.
        var invoice = Draft().WithFee(0.10m, taxProfile: "in-gst-intra").WithFee(0.10m, taxProfile: "in-gst-intra").WithFee(0.10m, taxProfile: "in-gst-intra");

        Assert.Equal([("CGST", 0.09m, 0.30m, 0.03m), ("SGST", 0.09m, 0.30m, 0.03m)], TaxesOf(invoice));
        Assert.Equal(0.36m, invoice.GrossTotal);
    }

    [Fact]
    public void PricesIncludingTax_WithSeveralProfiles_TakeEachProfilesTaxOutOfItsSum()
    {
        var invoice = Draft(pricesIncludeTax: true)
            .WithFee(100m, taxProfile: "in-gst-intra")
            .WithFee(118m, taxProfile: "in-gst-inter")
            .WithFee(50m, taxProfile: "exempt");

        Assert.Equal(
            [("Exempt", 0m, 50.00m, 0.00m), ("IGST", 0.18m, 100.00m, 18.00m), ("CGST", 0.09m, 84.75m, 7.63m), ("SGST", 0.09m, 84.75m, 7.62m)],
            TaxesOf(invoice));
        Assert.Equal((234.75m, 33.25m, 268.00m), (invoice.NetTotal, invoice.TaxTotal, invoice.GrossTotal));
    }

    [Fact]
    public void IssuedInvoice_KeepsTheTaxTotalsItWasIssuedWith()
    {
        var invoice = Draft().WithFee(1000m, taxProfile: "in-gst-intra").IssuedAs(1);

        var refused = invoice.Recalculate(new TaxCatalog(
            [new("in-gst-intra", "GST (within the state)", [new("CGST", 0.06m), new("SGST", 0.06m)])]));

        Assert.Equal("An issued document cannot be changed; issue a credit note instead.", refused?.Problem.ToString());
        Assert.Equal([("CGST", 0.09m, 1000.00m, 90.00m), ("SGST", 0.09m, 1000.00m, 90.00m)], TaxesOf(invoice));
        Assert.Equal(1180.00m, invoice.GrossTotal);
    }
}
