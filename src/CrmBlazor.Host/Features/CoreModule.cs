using CrmBlazor.Host.Data;
using CrmBlazor.Host.Events;
using CrmBlazor.Host.Features.Account;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Dashboard;
using CrmBlazor.Host.Features.Interactions;
using CrmBlazor.Host.Features.Messages;
using CrmBlazor.Host.Features.Segments;
using CrmBlazor.Host.Features.Sends;
using CrmBlazor.Host.Identity;
using CrmBlazor.Host.Features.Webhooks;
using CrmBlazor.Sdk.Customers;
using System.Globalization;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Navigation;
using CrmBlazor.Sdk.Plugins;
using CrmBlazor.Sdk.Timeline;
using MudBlazor;

namespace CrmBlazor.Host.Features;

/// <summary>
/// The core's own contributions, registered through the same builder as a plugin's, so that the
/// menu, tabs, permissions and jobs have one mechanism whoever owns them.
/// </summary>
internal static class CoreModule
{
    public static void Configure(IPluginBuilder core)
    {
        core.UseResources<SharedResource>()
            .AddPermission(new Permission(CorePermissions.ViewCustomers, "View customers", CrmRoles.Manager, CrmRoles.Staff, CrmRoles.Accountant))
            .AddPermission(new Permission(CorePermissions.EditCustomers, "Edit customers", CrmRoles.Manager, CrmRoles.Staff))
            .AddPermission(new Permission(CorePermissions.EditAllCustomers, "Edit every customer", CrmRoles.Manager))
            .AddPermission(new Permission(CorePermissions.ImportCustomers, "Import customers", CrmRoles.Manager))
            .AddPermission(new Permission(CorePermissions.ManageSegments, "Manage segments", CrmRoles.Manager))
            .AddPermission(new Permission(CorePermissions.Messages, "Edit messages and campaign templates", CrmRoles.Manager, CrmRoles.Staff))
            .AddPermission(new Permission(CorePermissions.ViewAudit, "Read the audit log", CrmRoles.Manager))
            .AddPermission(new Permission(CorePermissions.Privacy, "Export and erase personal data", CrmRoles.Manager))
            .AddPermission(new Permission(CorePermissions.Administration, "Administer the CRM"))
            .AddPermission(new Permission(CorePermissions.SendCampaigns, "Send campaigns to segments", CrmRoles.Manager))
            .AddPermission(new Permission(CorePermissions.ManageServices, "Manage the service catalogue", CrmRoles.Manager))
            .AddMenuItem(new MenuItem("Dashboard", "/", Icons.Material.Filled.Dashboard, Order: 0, Group: MenuGroups.Customers) { Match = Microsoft.AspNetCore.Components.Routing.NavLinkMatch.All })
            .AddMenuItem(new MenuItem("Customers", "/customers", Icons.Material.Filled.Business, CorePermissions.ViewCustomers, 10, MenuGroups.Customers))
            .AddMenuItem(new MenuItem("Segments", "/segments", Icons.Material.Filled.Groups, CorePermissions.ViewCustomers, 20, MenuGroups.Customers))
            .AddMenuItem(new MenuItem("Messages", "/messages", Icons.Material.Filled.Email, CorePermissions.Messages, 30, MenuGroups.Customers))
            .AddMenuItem(new MenuItem("Sends", "/messages/sends", Icons.Material.Filled.Send, CorePermissions.SendCampaigns, 31, MenuGroups.Customers))
            .AddMenuItem(new MenuItem("Users", "/admin/users", Icons.Material.Filled.People, CrmRoles.Admin, 5, MenuGroups.Administration))
            .AddMenuItem(new MenuItem("Plugins", "/admin/plugins", Icons.Material.Filled.Extension, CorePermissions.Administration, 10, MenuGroups.Administration))
            .AddMenuItem(new MenuItem("Permissions", "/admin/permissions", Icons.Material.Filled.AdminPanelSettings, CrmRoles.Admin, 15, MenuGroups.Administration))
            .AddMenuItem(new MenuItem("Services", "/admin/services", Icons.Material.Filled.Category, CorePermissions.ManageServices, 17, MenuGroups.Administration))
            .AddMenuItem(new MenuItem("Background jobs", "/jobs", Icons.Material.Filled.Schedule, CorePermissions.Administration, 20, MenuGroups.Administration) { FullPageLoad = true })
            .AddMenuItem(new MenuItem("Outbox", "/admin/outbox", Icons.Material.Filled.Outbox, CrmRoles.Admin, 25, MenuGroups.Administration))
            .AddMenuItem(new MenuItem("Webhooks", "/admin/webhooks", Icons.Material.Filled.Webhook, CrmRoles.Admin, 27, MenuGroups.Administration))
            .AddMenuItem(new MenuItem("Security log", "/admin/security", Icons.Material.Filled.Security, CorePermissions.Administration, 30, MenuGroups.Administration))
            .AddMenuItem(new MenuItem("Audit log", "/admin/audit", Icons.Material.Filled.History, CorePermissions.ViewAudit, 40, MenuGroups.Administration))
            .AddTimelineKind(new TimelineKind(MessageSendJob.TimelineKind, "Message sent", Icons.Material.Filled.Email))
            .AddCustomerTab<CustomerTimelineTab>("Timeline", order: 100, permission: null)
            .AddCustomerTab<CustomerContactsTab>("Contacts", order: 200, permission: null)
            .AddCustomerTab<CustomerHistoryTab>("History", order: 950, permission: CorePermissions.ViewAudit)
            .AddDashboardWidget<CustomerNumbersWidget>("Customers", order: 100, permission: CorePermissions.ViewCustomers, size: WidgetSize.Full)
            .AddDashboardWidget<InteractionsByChannelWidget>("Interactions by channel, last 12 months", order: 200, permission: CorePermissions.ViewCustomers, size: WidgetSize.Full)
            .AddDashboardWidget<OpenCasesWidget>("Open complaints and inquiries", order: 300, permission: CorePermissions.ViewCustomers)
            .AddDashboardWidget<CustomersBySegmentWidget>("Customers by segment", order: 400, permission: CorePermissions.ViewCustomers)
            .AddMessageTemplate(CoreMessageTemplates.Invitation)
            .AddMessageTemplate(CoreMessageTemplates.PasswordReset)
            .AddRecurringJob<OutboxSweepJob>("outbox-sweep", "*/5 * * * *")
            .AddRecurringJob<UserSessionSweepJob>("session-sweep", "29 * * * *")
            .AddRecurringJob<SegmentRefreshJob>("segments-refresh", "17 * * * *")
            .AddRecurringJob<PlannerStatisticsJob>("planner-statistics", "41 * * * *")
            .AddRecurringJob<MessageSendJob>("sends", "*/5 * * * *")
            .AddRecurringJob<WebhookSweepJob>("webhooks", "* * * * *")
            .AddWebhookEvent<CustomerCreated>("customer.created", "Customer created", e => e.CustomerId.ToString(CultureInfo.InvariantCulture), e => new { customerId = e.CustomerId })
            .AddWebhookEvent<CustomerChanged>("customer.changed", "Customer changed", e => e.CustomerId.ToString(CultureInfo.InvariantCulture), e => new { customerId = e.CustomerId })
            .AddWebhookEvent<InteractionLogged>("interaction.logged", "Interaction logged", e => e.CustomerId.ToString(CultureInfo.InvariantCulture),
                e => new { interactionId = e.InteractionId, customerId = e.CustomerId, channel = e.Channel, occurredAt = e.OccurredAt });
    }
}
