using CrmBlazor.Plugins.Projects.Data;
using CrmBlazor.Plugins.Projects.Features.Billing;
using CrmBlazor.Plugins.Projects.Features.Budgets;
using CrmBlazor.Plugins.Projects.Features.Customers;
using CrmBlazor.Plugins.Projects.Features.Dashboard;
using CrmBlazor.Plugins.Projects.Features.DemoData;
using CrmBlazor.Plugins.Projects.Features.Facts;
using CrmBlazor.Plugins.Projects.Features.Privacy;
using CrmBlazor.Plugins.Projects.Features.Projects;
using CrmBlazor.Plugins.Projects.Features.Shared;
using CrmBlazor.Plugins.Projects.Features.Time;
using CrmBlazor.Plugins.Projects.Features.Timeline;
using CrmBlazor.Plugins.Projects.Jobs;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Navigation;
using CrmBlazor.Sdk.Plugins;
using CrmBlazor.Sdk.Projects;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CrmBlazor.Plugins.Projects;

/// <summary>
/// Projects and time tracking: projects per customer with budgets, rates, tasks and milestones; time
/// by day and by week; budget burn with threshold events; billable time and project facts for other
/// plugins through the SDK (<see cref="IBillableTimeSource"/>, <see cref="IProjectFacts"/>).
/// </summary>
public sealed class ProjectsPlugin : ICrmPlugin
{
    /// <inheritdoc />
    public void Configure(IPluginBuilder plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        plugin.UseResources<ProjectsResources>()
            .AddSettings<ProjectsSettings>()
            .AddPermission(new Permission(ProjectsPermissions.View, "View projects", CrmRoles.Manager, CrmRoles.Staff, CrmRoles.Accountant))
            .AddPermission(new Permission(ProjectsPermissions.Manage, "Manage projects", CrmRoles.Manager))
            .AddPermission(new Permission(ProjectsPermissions.LogOwnTime, "Log own time", CrmRoles.Manager, CrmRoles.Staff))
            .AddPermission(new Permission(ProjectsPermissions.ManageAllTime, "Manage everyone's time", CrmRoles.Manager))
            .AddMenuItem(new MenuItem("Projects", "/projects", Icons.Material.Filled.Work, ProjectsPermissions.View, 100, MenuGroups.Work))
            .AddMenuItem(new MenuItem("My time", "/projects/time", Icons.Material.Filled.Timer, ProjectsPermissions.LogOwnTime, 110, MenuGroups.Work) { Match = Microsoft.AspNetCore.Components.Routing.NavLinkMatch.All })
            .AddCustomerTab<ProjectsCustomerTab>("Projects", order: 300, permission: ProjectsPermissions.View)
            .AddDashboardWidget<WeeklyHoursWidget>("Hours per week", order: 300, permission: ProjectsPermissions.View)
            .AddDbContext<ProjectsDbContext>()
            .AddRecurringJob<BudgetCheckJob>(BudgetCheckJob.Key, BudgetCheckJob.Schedule)
            .AddRecurringJob<CustomerFiguresJob>(CustomerFiguresJob.Key, CustomerFiguresJob.Schedule)
            .AddJob<DemoDataJob>(DemoDataJob.Key)
            .AddEventHandler<ProjectStarted, ProjectStartedTimelineHandler>()
            .AddEventHandler<ProjectCompleted, ProjectCompletedTimelineHandler>()
            .AddEventHandler<TimeLogged, TimeLoggedTimelineHandler>()
            .AddPersonalData<ProjectsPersonalData>()
            .AddInitializer<ProjectsDemoDataInitializer>();
        foreach (var kind in ProjectTimeline.Kinds)
        {
            plugin.AddTimelineKind(kind);
        }

        foreach (var figure in ProjectCustomerFigures.Definitions)
        {
            plugin.AddCustomerFigure(figure);
        }

        var services = plugin.Services;
        services.AddScoped<ProjectAccess>();
        services.AddScoped<ProjectService>();
        services.AddScoped<ProjectQueries>();
        services.AddScoped<TimeEntryService>();
        services.AddScoped<WeeklyHours>();
        services.AddScoped<BudgetThresholdWatch>();
        services.AddScoped<ProjectCustomerFigures>();
        services.AddScoped<ProjectsDemoSeeder>();
        services.AddScoped<IBillableTimeSource, BillableTimeSource>();
        services.AddScoped<IProjectFacts, ProjectFactsSource>();
    }
}
