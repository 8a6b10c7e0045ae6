using CrmBlazor.Sdk.Authorization;

namespace CrmBlazor.Host.Features;

/// <summary>The core's permissions (policies of the same names); their names are the SDK's <see cref="CrmPermissions"/>, which plugins use.</summary>
public static class CorePermissions
{
    /// <summary>See customers, their contacts and timelines.</summary>
    public const string ViewCustomers = CrmPermissions.CustomersView;

    /// <summary>Create, edit and archive customers; log interactions.</summary>
    public const string EditCustomers = CrmPermissions.CustomersEdit;

    /// <summary>Change every customer, not only those the user manages.</summary>
    public const string EditAllCustomers = CrmPermissions.CustomersEditAll;

    /// <summary>Import customers from CSV files.</summary>
    public const string ImportCustomers = CrmPermissions.CustomersImport;

    /// <summary>Create and change segments.</summary>
    public const string ManageSegments = CrmPermissions.SegmentsManage;

    /// <summary>Edit the wording of messages and make campaign templates.</summary>
    public const string Messages = CrmPermissions.Messages;

    /// <summary>Read the audit log of every record.</summary>
    public const string ViewAudit = CrmPermissions.AuditView;

    /// <summary>Export and erase a person's data.</summary>
    public const string Privacy = CrmPermissions.Privacy;

    /// <summary>Administration: plugins, jobs, security log. Held by administrators only.</summary>
    public const string Administration = CrmPermissions.Administration;

    /// <summary>Add, change and retire the services of the firm's catalogue.</summary>
    public const string ManageServices = "crm.services.manage";

    /// <summary>Send campaigns (a template to every contact of a segment).</summary>
    public const string SendCampaigns = "crm.messages.send-campaigns";
}
