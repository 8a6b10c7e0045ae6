namespace CrmBlazor.Sdk.Authorization;

/// <summary>
/// The core's permissions (policies of the same names), for plugins that require one of them too:
/// <c>ICurrentUser.HasPermissionAsync(CrmPermissions.CustomersView)</c>, <c>[Authorize(Policy = CrmPermissions.CustomersView)]</c>.
/// </summary>
public static class CrmPermissions
{
    /// <summary>See customers, their contacts and timelines.</summary>
    public const string CustomersView = "crm.customers.view";

    /// <summary>Create, edit and archive customers; log interactions.</summary>
    public const string CustomersEdit = "crm.customers.edit";

    /// <summary>Change every customer, not only those the user manages.</summary>
    public const string CustomersEditAll = "crm.customers.edit-all";

    /// <summary>Import customers from CSV files.</summary>
    public const string CustomersImport = "crm.customers.import";

    /// <summary>Create and change segments.</summary>
    public const string SegmentsManage = "crm.segments.manage";

    /// <summary>Edit the wording of messages and make campaign templates (<c>/messages</c>).</summary>
    public const string Messages = "crm.messages";

    /// <summary>Read the audit log of every record.</summary>
    public const string AuditView = "crm.audit.view";

    /// <summary>Export and erase a person's data.</summary>
    public const string Privacy = "crm.privacy";

    /// <summary>Administration: plugins, jobs, security log. Held by administrators only.</summary>
    public const string Administration = "crm.admin";
}
