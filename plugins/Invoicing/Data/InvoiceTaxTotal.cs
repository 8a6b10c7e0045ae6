using CrmBlazor.Plugins.Invoicing.Features.Taxes;

namespace CrmBlazor.Plugins.Invoicing.Data;

/// <summary>The tax of one component (CGST 9%, VAT 18%…) of one tax profile on an invoice, frozen on issue.</summary>
public sealed class InvoiceTaxTotal
{
    private InvoiceTaxTotal()
    {
    }

    public long Id { get; private set; }

    public long InvoiceId { get; private set; }

    public string TaxProfile { get; private set; } = string.Empty;

    public string ProfileName { get; private set; } = string.Empty;

    public string Component { get; private set; } = string.Empty;

    /// <summary>The rate as a fraction (0.09 for 9%).</summary>
    public decimal Rate { get; private set; }

    /// <summary>The net amount the tax is computed on (the profile's net).</summary>
    public decimal Base { get; private set; }

    public decimal Tax { get; private set; }

    internal static InvoiceTaxTotal Of(TaxLine line) => new()
    {
        TaxProfile = line.TaxProfile,
        ProfileName = line.ProfileName,
        Component = line.Component,
        Rate = line.Rate,
        Base = line.Base,
        Tax = line.Tax,
    };
}
