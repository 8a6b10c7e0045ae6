using System.ComponentModel.DataAnnotations;
using CrmBlazor.Fixtures.Alpha.Data;
using CrmBlazor.Fixtures.Alpha.Features;
using CrmBlazor.Fixtures.Alpha.Jobs;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Messaging;
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
    public const string ReminderTemplate = "fixture-alpha.reminder";

    /// <summary>A campaign template, in English and Gujarati, that the send tests use.</summary>
    public const string NewsletterTemplate = "fixture-alpha.newsletter";

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
            .AddMessageTemplate(new MessageTemplateDefinition
            {
                Key = ReminderTemplate,
                Title = "Fixture reminder",
                Fields = [new MergeField("reminder.topic", "Topic", "Quarterly review")],
                Defaults = new Dictionary<string, MessageTemplateText>
                {
                    ["en"] = new("Reminder for {{ recipient.name }}: {{ reminder.topic }}",
                        "<p>Dear {{ recipient.name }} of {{ customer.name }},</p><p>{{ reminder.topic }}</p><p>{{ account_manager.name }} ({{ account_manager.email }}), {{ firm.name }}</p>",
                        "Dear {{ recipient.name }} of {{ customer.name }}, {{ reminder.topic }}. {{ contact.email }} {{ customer.email }}"),
                    ["ta"] = new("நினைவூட்டல்: {{ reminder.topic }}", "<p>அன்புள்ள {{ recipient.name }},</p><p>{{ reminder.topic }}</p>"),
                    ["ur"] = new("یاد دہانی: {{ reminder.topic }}", "<p>محترم {{ recipient.name }}،</p><p>{{ reminder.topic }}</p>"),
                },
            })
            .AddMessageTemplate(new MessageTemplateDefinition
            {
                Key = NewsletterTemplate,
                Title = "Fixture newsletter",
                Kind = MessageKind.Campaign,
                Defaults = new Dictionary<string, MessageTemplateText>
                {
                    ["en"] = new("News for {{ recipient.name }}", "<p>Dear {{ recipient.name }},</p><p>Our news of the season.</p>", "Dear {{ recipient.name }}, our news of the season."),
                    ["gu"] = new("{{ recipient.name }} માટે સમાચાર", "<p>પ્રિય {{ recipient.name }},</p><p>આ ઋતુના અમારા સમાચાર.</p>"),
                },
            })
            .AddPersonalData<AlphaPersonalData>()
            .MapEndpoints(AlphaEndpoints.Map)
            .AddInitializer<AlphaInitializer>();
        plugin.Services.AddScoped<NoteService>();
        plugin.Services.AddScoped<CrmBlazor.Sdk.Upsell.IUpsellRule, NoteCountUpsellRule>();
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
