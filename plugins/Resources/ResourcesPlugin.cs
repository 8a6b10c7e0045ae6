using CrmBlazor.Plugins.Resources.Data;
using CrmBlazor.Plugins.Resources.Features.Absences;
using CrmBlazor.Plugins.Resources.Features.Allocations;
using CrmBlazor.Plugins.Resources.Features.Board;
using CrmBlazor.Plugins.Resources.Features.Capacity;
using CrmBlazor.Plugins.Resources.Features.Holidays;
using CrmBlazor.Plugins.Resources.Features.People;
using CrmBlazor.Plugins.Resources.Features.Schedules;
using CrmBlazor.Plugins.Resources.Features.Shared;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Navigation;
using CrmBlazor.Sdk.Plugins;
using CrmBlazor.Sdk.Projects;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Plugins.Resources;

/// <summary>
/// Resource allocation: people and placeholders with skills, teams and managers; working schedules
/// effective from a date, time off and public holidays, which make each person's capacity per week;
/// allocations of people to projects, refused above capacity unless the planner confirms. Reads
/// projects only through the SDK (<see cref="IProjectFacts"/>, and <see cref="ProjectCompleted"/>, which ends
/// the allocations on a completed project).
/// </summary>
public sealed class ResourcesPlugin : ICrmPlugin
{
    /// <summary>The plugin id, as in plugin.json; everything the plugin owns starts with it.</summary>
    public const string Id = "resources";

    /// <inheritdoc />
    public void Configure(IPluginBuilder plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        plugin.UseResources<ResourcesResources>()
            .AddSettings<ResourcesSettings>()
            .AddPermission(new Permission(ResourcesPermissions.View, "See own planning", CrmRoles.Manager, CrmRoles.Staff))
            .AddPermission(new Permission(ResourcesPermissions.PlanTeam, "Plan own team", CrmRoles.Manager))
            .AddPermission(new Permission(ResourcesPermissions.PlanAll, "Plan everyone", CrmRoles.Admin))
            .AddMenuItem(new MenuItem("People", "/resources/people", MudBlazor.Icons.Material.Filled.Groups, ResourcesPermissions.View, 150, MenuGroups.Work))
            .AddMenuItem(new MenuItem("Planning board", "/resources/board", MudBlazor.Icons.Material.Filled.ViewTimeline, ResourcesPermissions.View, 151, MenuGroups.Work))
            .AddDbContext<ResourcesDbContext>()
            .AddEventHandler<ProjectCompleted, ProjectCompletedAllocationsHandler>()
            .AddInitializer<HolidayCalendarsInitializer>();

        var services = plugin.Services;
        services.AddScoped<ResourcesAccess>();
        services.AddScoped<PersonService>();
        services.AddScoped<TeamService>();
        services.AddScoped<ScheduleService>();
        services.AddScoped<TimeOffService>();
        services.AddScoped<HolidayService>();
        services.AddScoped<AllocationService>();
        services.AddScoped<CapacityService>();
        services.AddScoped<BoardService>();
    }
}
