using System.ComponentModel.DataAnnotations;
using CrmBlazor.Fixtures.Alpha.Data;
using CrmBlazor.Fixtures.Alpha.Features;
using CrmBlazor.Fixtures.Alpha.Jobs;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Navigation;
using CrmBlazor.Sdk.Plugins;
using CrmBlazor.Sdk.Timeline;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Fixtures.Alpha;

/// <summary>Registers one of everything the SDK offers.</summary>
public sealed class AlphaPlugin : ICrmPlugin
{
    public const string ViewPermission = "fixture-alpha.view";
    public const string NoteKind = "fixture-alpha.note";
    public const string ScoreFigure = "fixture-alpha.score";

    public void Configure(IPluginBuilder plugin)
    {
        plugin.UseResources<AlphaResources>()
            .AddSettings<AlphaSettings>()
            .AddPermission(new Permission(ViewPermission, "View fixture notes", CrmRoles.Manager, CrmRoles.Staff))
            .AddMenuItem(new MenuItem("Fixture notes", "/fixture-alpha", MudBlazor.Icons.Material.Filled.Note, ViewPermission, 900, MenuGroups.Work))
            .AddCustomerTab<AlphaCustomerTab>("Fixture notes", order: 900, permission: ViewPermission)
            .AddDashboardWidget<AlphaWidget>("Fixture notes", order: 900, permission: ViewPermission)
            .AddDbContext<AlphaDbContext>()
            .AddJob<WriteNoteJob>("write-note")
            .AddRecurringJob<HeartbeatJob, AlphaSettings>("heartbeat", settings => settings.HeartbeatSchedule)
            .AddEventHandler<NoteAdded, NoteAddedTimelineHandler>()
            .AddTimelineKind(new TimelineKind(NoteKind, "Fixture note", MudBlazor.Icons.Material.Filled.Note))
            .AddCustomerFigure(new CustomerFigureDefinition(ScoreFigure, "Fixture score", FigureKind.Number))
            .AddPersonalData<AlphaPersonalData>()
            .MapEndpoints(AlphaEndpoints.Map)
            .AddInitializer<AlphaInitializer>();
        plugin.Services.AddScoped<NoteService>();
    }
}

/// <summary>Settings from Plugins:fixture-alpha.</summary>
public sealed class AlphaSettings
{
    [Required]
    public string Greeting { get; set; } = string.Empty;

    /// <summary>When the heartbeat runs: a cron expression in UTC, 03:00 every day unless configured.</summary>
    public string HeartbeatSchedule { get; set; } = "0 3 * * *";
}

/// <summary>Marker of the plugin's resources.</summary>
public sealed class AlphaResources;
