using Acme.Tickets.Data;
using Acme.Tickets.Features;
using Acme.Tickets.Jobs;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Navigation;
using CrmBlazor.Sdk.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Acme.Tickets;

/// <summary>The plugin's entry point: everything it adds to the CRM is registered here, once, at start-up.</summary>
public sealed class TicketsPlugin : ICrmPlugin
{
    /// <summary>The plugin id, as in plugin.json; everything the plugin owns starts with it.</summary>
    public const string Id = "acme-tickets";

    /// <summary>Who may open the page and the customer tab, and add entries.</summary>
    public const string UsePermission = Id + ".use";

    /// <summary>The page's address.</summary>
    public const string PagePath = "/" + Id;

    /// <inheritdoc />
    public void Configure(IPluginBuilder plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        plugin.UseResources<TicketsResources>()
            .AddSettings<TicketsSettings>()
            .AddPermission(new Permission(UsePermission, "Use Tickets", CrmRoles.Manager, CrmRoles.Staff))
            .AddMenuItem(new MenuItem("Tickets", PagePath, MudBlazor.Icons.Material.Filled.Extension, UsePermission, 900, MenuGroups.Work))
            .AddCustomerTab<TicketsCustomerTab>("Tickets", order: 900, permission: UsePermission)
            .AddDbContext<TicketsDbContext>()
            .AddTimelineKind(TicketAddedTimelineHandler.Declaration)
            .AddEventHandler<TicketAdded, TicketAddedTimelineHandler>()
            // The schedule comes from the validated settings: an administrator can change it, and a
            // schedule that is not a cron expression refuses the plugin with the reason.
            .AddRecurringJob<DailySummaryJob, TicketsSettings>(DailySummaryJob.Key, settings => settings.SummarySchedule);
        plugin.Services.AddScoped<EntryService>();
    }
}
