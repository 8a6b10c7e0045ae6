using CrmBlazor.Sdk.Invoicing;
using CrmBlazor.Testing.Resources;

namespace CrmBlazor.Plugins.Invoicing.Tests.Resources;

/// <summary>The invoicing plugin's resources (see <see cref="PluginResourceTests"/>), and the names of its statuses, kinds and time groupings.</summary>
public sealed class InvoicingResourcesTests() : PluginResourceTests("Invoicing", "InvoicingResources", "Describe the line.", "Add at least one line before issuing.")
{
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
