namespace CrmBlazor.Plugins.Invoicing.Data;

/// <summary>The tax of one component (CGST 9%, VAT 18%…) of one tax profile on an invoice, frozen on issue.</summary>
public sealed class InvoiceTaxTotal
{
    public long Id { get; set; }

    public long InvoiceId { get; set; }

    public required string TaxProfile { get; set; }

    public required string ProfileName { get; set; }

    public required string Component { get; set; }

    /// <summary>The rate as a fraction (0.09 for 9%).</summary>
    public decimal Rate { get; set; }

    /// <summary>The net amount the tax is computed on (the profile's net).</summary>
    public decimal Base { get; set; }

    public decimal Tax { get; set; }
}
