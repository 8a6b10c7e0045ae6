using CrmBlazor.Host.Data;
using System.Globalization;
using CrmBlazor.Host.Features;
using CrmBlazor.Host.Features.Messages;
using CrmBlazor.Host.Features.Webhooks;
using CrmBlazor.Host.Jobs;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Messaging;
using CrmBlazor.Sdk.Data;
using CrmBlazor.Sdk.Events;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Sdk.Navigation;
using CrmBlazor.Sdk.Plugins;
using CrmBlazor.Sdk.Privacy;
using CrmBlazor.Sdk.Timeline;
using Microsoft.AspNetCore.Components;

namespace CrmBlazor.Host.Plugins;

/// <summary>
/// The host's implementation of <see cref="IPluginBuilder"/>. Each plugin gets its own builder and
/// its own service collection, which is merged into the host's only if <c>Configure</c> succeeds.
/// The core registers its contributions through a builder too (owner id <c>crm</c>).
/// </summary>
internal sealed class PluginBuilder : IPluginBuilder
{
    // The settings AddSettings validated, by type, for schedules that come from them.
    private readonly Dictionary<Type, object> _settings = [];

    public PluginBuilder(PluginInfo plugin, IServiceCollection services, IConfiguration configuration)
    {
        Plugin = plugin;
        Services = services;
        Configuration = configuration;
    }

    public PluginInfo Plugin { get; }

    public IServiceCollection Services { get; }

    public IConfiguration Configuration { get; }

    public PluginContributions Contributions { get; } = new();

    public IPluginBuilder AddSettings<TSettings>()
        where TSettings : class
    {
        var settings = PluginRules.Settings<TSettings>(Configuration, Plugin.Id);
        Services.AddOptions<TSettings>().Bind(Configuration);
        _settings[typeof(TSettings)] = settings;
        return this;
    }

    public IPluginBuilder UseResources<TResource>()
    {
        Contributions.ResourceType = typeof(TResource);
        return this;
    }

    public IPluginBuilder AddPermission(Permission permission)
    {
        PluginRules.Permission(Plugin.Id, permission);
        Contributions.Permissions.Add(permission);
        return this;
    }

    public IPluginBuilder AddMenuItem(MenuItem item)
    {
        PluginRules.MenuItem(Plugin.Id, item);
        Contributions.MenuItems.Add(item);
        return this;
    }

    public IPluginBuilder AddCustomerTab<TComponent>(string title, int order = 500, string? permission = null)
        where TComponent : CustomerTabBase
    {
        Contributions.CustomerTabs.Add(new TabRegistration(Plugin.Id, title, typeof(TComponent), order, permission));
        return this;
    }

    public IPluginBuilder AddProjectTab<TComponent>(string title, int order = 500, string? permission = null)
        where TComponent : ProjectTabBase
    {
        Contributions.ProjectTabs.Add(new TabRegistration(Plugin.Id, title, typeof(TComponent), order, permission));
        return this;
    }

    public IPluginBuilder AddDashboardWidget<TComponent>(string title, int order = 500, string? permission = null, WidgetSize size = WidgetSize.Half)
        where TComponent : IComponent
    {
        Contributions.DashboardWidgets.Add(new DashboardWidgetRegistration(Plugin.Id, title, typeof(TComponent), order, permission, size));
        return this;
    }

    public IPluginBuilder AddDbContext<TContext>()
        where TContext : PluginDbContext
    {
        Services.AddCrmDbContext<TContext>(Plugin.Id);
        Contributions.DbContextTypes.Add(typeof(TContext));
        return this;
    }

    public IPluginBuilder AddJob<TJob>(string key)
        where TJob : class, IPluginJob => AddJob<TJob>(key, cron: null);

    public IPluginBuilder AddRecurringJob<TJob>(string key, string cron)
        where TJob : class, IPluginJob
    {
        PluginRules.Schedule(key, cron);
        return AddJob<TJob>(key, cron);
    }

    public IPluginBuilder AddRecurringJob<TJob, TSettings>(string key, Func<TSettings, string> cron)
        where TJob : class, IPluginJob
        where TSettings : class
    {
        ArgumentNullException.ThrowIfNull(cron);
        PluginRules.ScheduleSettings(key, typeof(TSettings), _settings.ContainsKey(typeof(TSettings)));
        return AddRecurringJob<TJob>(key, cron((TSettings)_settings[typeof(TSettings)]));
    }

    public IPluginBuilder AddEventHandler<TEvent, THandler>()
        where TEvent : IDomainEvent
        where THandler : class, IDomainEventHandler<TEvent>
    {
        Services.AddScoped<THandler>();
        Contributions.EventSubscriptions.Add(new EventSubscription(Plugin.Id, DomainEventAttribute.NameOf(typeof(TEvent)), typeof(TEvent), typeof(THandler)));
        return this;
    }

    public IPluginBuilder AddWebhookEvent<TEvent>(string type, string title, Func<TEvent, string> subject, Func<TEvent, object?> payload)
        where TEvent : IDomainEvent
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(payload);
        WebhookEventRules.Check(Plugin.Id, type, title, Contributions.WebhookEvents.Select(w => w.Type));
        Contributions.WebhookEvents.Add(new WebhookEventRegistration(Plugin.Id, type, title, typeof(TEvent), e => subject((TEvent)e), e => payload((TEvent)e)));

        // One fan-out per event type and owner, whatever number of webhook types it feeds.
        if (!Contributions.EventSubscriptions.Any(s => s.HandlerType == typeof(WebhookFanOut<TEvent>)))
        {
            AddEventHandler<TEvent, WebhookFanOut<TEvent>>();
        }

        return this;
    }

    public IPluginBuilder AddTimelineKind(TimelineKind kind)
    {
        PluginRules.TimelineKind(Plugin.Id, kind);
        Contributions.TimelineKinds.Add(kind);
        return this;
    }

    public IPluginBuilder AddPersonalData<TContributor>()
        where TContributor : class, IPersonalDataContributor
    {
        Services.AddScoped<TContributor>();
        Contributions.PersonalDataContributors.Add(typeof(TContributor));
        return this;
    }

    public IPluginBuilder AddStaffPersonalData<TContributor>()
        where TContributor : class, IStaffPersonalDataContributor
    {
        Services.AddScoped<TContributor>();
        Contributions.StaffPersonalDataContributors.Add(typeof(TContributor));
        return this;
    }

    public IPluginBuilder AddCustomerFigure(CustomerFigureDefinition figure)
    {
        PluginRules.CustomerFigure(Plugin.Id, figure);
        Contributions.CustomerFigures.Add(figure);
        return this;
    }

    public IPluginBuilder AddMessageTemplate(MessageTemplateDefinition template)
    {
        PluginRules.MessageTemplate(Plugin.Id, template, Contributions.MessageTemplates.Select(t => t.Key));

        // Checked now like a firm's edit is at save time, so that a broken default refuses the plugin with
        // the place of the mistake instead of failing a send later.
        foreach (var (language, text) in template.Defaults)
        {
            if (LiquidTemplates.Check(template, text) is { } problem)
            {
                throw new InvalidOperationException($"Message template '{template.Key}' ({language}): {problem.Format(CultureInfo.InvariantCulture)}");
            }
        }

        Contributions.MessageTemplates.Add(template);
        return this;
    }

    public IPluginBuilder MapEndpoints(Action<IEndpointRouteBuilder> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        Contributions.Endpoints.Add(map);
        return this;
    }

    public IPluginBuilder AddInitializer<TInitializer>()
        where TInitializer : class, IPluginInitializer
    {
        Services.AddScoped<TInitializer>();
        Contributions.Initializers.Add(typeof(TInitializer));
        return this;
    }

    private PluginBuilder AddJob<TJob>(string key, string? cron)
        where TJob : class, IPluginJob
    {
        PluginRules.JobKey(key, Contributions.Jobs.Select(j => j.Key));
        Services.AddScoped<TJob>();
        Contributions.Jobs.Add(new JobRegistration(Plugin.Id, key, typeof(TJob), cron));
        return this;
    }
}
