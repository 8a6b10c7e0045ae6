using CrmBlazor.Plugins.Invoicing.Features.Invoices;
using CrmBlazor.Plugins.Invoicing.Features.Runs;
using CrmBlazor.Plugins.Invoicing.Features.Taxes;
using CrmBlazor.Sdk.Invoicing;
using CrmBlazor.Testing.Resources;

namespace CrmBlazor.Plugins.Invoicing.Tests.Resources;

/// <summary>The invoicing plugin's resources (see <see cref="PluginResourceTests"/>), and the names of its statuses, kinds and time groupings.</summary>
public sealed class InvoicingResourcesTests() : PluginResourceTests("Invoicing", "InvoicingResources", "Describe the line.", "Add at least one line before issuing.")
{
    /// <inheritdoc />
    protected override IEnumerable<DynamicText> DynamicTexts =>
    [
        new(@"(?:InvoiceStatuses\.)?Title\([\w.]+\)", [.. TitlesOf(typeof(InvoiceStatuses)), .. TitlesOf(typeof(InvoiceRunStatuses))]),

        // The tax selector and the lines show each profile by its name; configured profiles bring their own.
        new(@"profile\.Name", TaxProfile.BuiltIn.Select(p => p.Name)),

        // The totals name each tax; CGST, SGST and IGST are legal abbreviations and stay in Latin script.
        new(@"tax\.Component", TaxProfile.BuiltIn.SelectMany(p => p.Components).Select(c => c.Name).Where(n => n is not ("CGST" or "SGST" or "IGST"))),
    ];

    [Fact]
    public void TaxProfileNames_AreEachTranslated()
    {
        Assert.Equal(["GST (within the state)", "GST (between states)", "VAT", "Exempt"], TaxProfile.BuiltIn.Select(p => p.Name));
        Assert.All(TaxProfile.BuiltIn, p => Assert.True(HasResource(p.Name), p.Name));
    }

    [Fact]
    public void StatusKindAndGroupingNames_AllHaveAResource()
    {
        var names = Enum.GetValues<InvoiceStatus>().Select(CrmBlazor.Plugins.Invoicing.Features.Invoices.InvoiceStatuses.Title)
            .Concat(Enum.GetValues<InvoiceKind>().Select(CrmBlazor.Plugins.Invoicing.Features.Invoices.InvoiceStatuses.Title))
            .Concat(Enum.GetValues<CrmBlazor.Plugins.Invoicing.Data.TimeGrouping>().Select(CrmBlazor.Plugins.Invoicing.Features.Invoices.InvoiceStatuses.Title));

        var missing = names.Where(name => !HasResource(name)).ToList();

        Assert.Empty(missing);
    }
}
