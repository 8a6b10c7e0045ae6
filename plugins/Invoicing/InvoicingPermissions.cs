namespace CrmBlazor.Plugins.Invoicing;

/// <summary>The plugin's permissions (policies of the same names), checked in pages, endpoints and again in services.</summary>
public static class InvoicingPermissions
{
    /// <summary>See invoices and credit notes (of customers the user can see), download their PDFs and exports.</summary>
    public const string View = "invoicing.view";

    /// <summary>Prepare drafts, issue invoices and credit notes, record payments, start invoice runs.</summary>
    public const string Manage = "invoicing.manage";
}
