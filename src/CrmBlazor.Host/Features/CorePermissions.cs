namespace CrmBlazor.Host.Features;

/// <summary>The core's permissions (policies of the same names).</summary>
public static class CorePermissions
{
    /// <summary>See customers, their contacts and timelines.</summary>
    public const string ViewCustomers = "crm.customers.view";

    /// <summary>Create, edit and archive customers; log interactions.</summary>
    public const string EditCustomers = "crm.customers.edit";

    /// <summary>Change every customer, not only those the user manages.</summary>
    public const string EditAllCustomers = "crm.customers.edit-all";

    /// <summary>Import customers from CSV files.</summary>
    public const string ImportCustomers = "crm.customers.import";

    /// <summary>Create and change segments.</summary>
    public const string ManageSegments = "crm.segments.manage";

    /// <summary>Read the audit log of every record.</summary>
    public const string ViewAudit = "crm.audit.view";

    /// <summary>Export and erase a person's data.</summary>
    public const string Privacy = "crm.privacy";

    /// <summary>Administration: plugins, jobs, security log. Held by administrators only.</summary>
    public const string Administration = "crm.admin";
}
