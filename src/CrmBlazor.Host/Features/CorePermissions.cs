namespace CrmBlazor.Host.Features;

/// <summary>The core's permissions (policies of the same names).</summary>
public static class CorePermissions
{
    /// <summary>See customers, their contacts and timelines.</summary>
    public const string ViewCustomers = "crm.customers.view";

    /// <summary>Create, edit and archive customers; log interactions.</summary>
    public const string EditCustomers = "crm.customers.edit";

    /// <summary>Export and erase a person's data.</summary>
    public const string Privacy = "crm.privacy";

    /// <summary>Administration: plugins, jobs, security log. Held by administrators only.</summary>
    public const string Administration = "crm.admin";
}
