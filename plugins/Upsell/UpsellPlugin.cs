using System.Globalization;
using CrmBlazor.Plugins.Upsell.Data;
using CrmBlazor.Plugins.Upsell.Features.Administration;
using CrmBlazor.Plugins.Upsell.Features.Conversion;
using CrmBlazor.Plugins.Upsell.Features.Customers;
using CrmBlazor.Plugins.Upsell.Features.Dashboard;
using CrmBlazor.Plugins.Upsell.Features.Evaluation;
using CrmBlazor.Plugins.Upsell.Features.Opportunities;
using CrmBlazor.Plugins.Upsell.Features.Privacy;
using CrmBlazor.Plugins.Upsell.Features.Rules;
using CrmBlazor.Plugins.Upsell.Features.Shared;
using CrmBlazor.Plugins.Upsell.Features.Timeline;
using CrmBlazor.Plugins.Upsell.Jobs;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Navigation;
using CrmBlazor.Sdk.Plugins;
using CrmBlazor.Sdk.Upsell;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Plugins.Upsell;

/// <summary>
/// Upsell detection: rules (<see cref="IUpsellRule"/>, from this plugin and any other) find customers likely
/// to buy more; a nightly set-based evaluation keeps one open opportunity per customer and rule, with the
/// rule's reason in the reader's language; account managers work them in the pipeline at <c>/upsell</c>.
/// </summary>
public sealed class UpsellPlugin : ICrmPlugin
{
    /// <summary>The plugin id, as in plugin.json; everything the plugin owns starts with it.</summary>
    public const string Id = "upsell";

    /// <inheritdoc />
    public void Configure(IPluginBuilder plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        plugin.UseResources<UpsellResources>()
            .AddPermission(new Permission(UpsellPermissions.View, "Work the opportunities of one's customers", CrmRoles.Manager, CrmRoles.Staff))
            .AddPermission(new Permission(UpsellPermissions.Manage, "Work every opportunity and set the upsell rules", CrmRoles.Manager))
            .AddMenuItem(new MenuItem("Upsell", "/upsell", MudBlazor.Icons.Material.Filled.TrendingUp, UpsellPermissions.View, 260, MenuGroups.Customers))
            .AddCustomerTab<UpsellCustomerTab>("Opportunities", order: 450, permission: UpsellPermissions.View)
            .AddDashboardWidget<NewOpportunitiesWidget>("Upsell opportunities", order: 260, permission: UpsellPermissions.View)
            .AddSettings<UpsellSettings>()
            .AddDbContext<UpsellDbContext>()
            .AddPersonalData<UpsellPersonalData>()
            .AddStaffPersonalData<UpsellStaffData>()
            .AddRecurringJob<UpsellEvaluationJob, UpsellSettings>(UpsellEvaluationJob.Key, settings => settings.EvaluationSchedule)
            .AddEventHandler<OpportunitiesOpened, OpportunitiesOpenedTimelineHandler>()
            .AddEventHandler<OpportunityClosedByUser, OpportunityClosedTimelineHandler>()
            .AddWebhookEvent<OpportunityClosedByUser>("upsell.opportunity-won", "Opportunity won", e => e.OpportunityId.ToString(CultureInfo.InvariantCulture),
                e => e.Closure == OpportunityClosure.Won ? new { opportunityId = e.OpportunityId } : null);
        foreach (var kind in OpportunityTimeline.Kinds)
        {
            plugin.AddTimelineKind(kind);
        }

        var services = plugin.Services;
        services.AddScoped<UpsellAccess>();
        services.AddScoped<UpsellRuleCatalogue>();
        services.AddScoped<UpsellEvaluator>();
        services.AddScoped<OpportunityService>();
        services.AddScoped<RuleAdministration>();
        services.AddScoped<RuleConversion>();
        services.AddScoped<CustomerOpportunities>();
        services.AddScoped<MyOpportunities>();
        services.AddScoped<IUpsellRule, BudgetBurnRule>();
        services.AddScoped<IUpsellRule, RetainerOverageRule>();
        services.AddScoped<IUpsellRule, CompanionServiceRule>();
        services.AddScoped<IUpsellRule, PromoterGrowingUseRule>();
        services.AddScoped<IUpsellRule, RenewalRule>();
    }
}
