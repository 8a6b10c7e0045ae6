using CrmBlazor.Data;
using CrmBlazor.PluginTesting.Services;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Messaging;
using CrmBlazor.Sdk.Data;
using CrmBlazor.Sdk.Events;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Sdk.Navigation;
using CrmBlazor.Sdk.Plugins;
using CrmBlazor.Sdk.Privacy;
using CrmBlazor.Sdk.Results;
using CrmBlazor.Sdk.Timeline;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.PluginTesting.Components;

/// <summary>
/// The <see cref="IPluginBuilder"/> of a bUnit context: registers the plugin's services, settings and
/// contexts into the test's services as the host does, and records the rest in <see cref="PluginRegistrations"/>.
/// Settings and registrations are checked by the host's rules (<see cref="PluginRules"/>), so a test fails
/// where the host would refuse the plugin; a context is put on the test's SQLite database
/// with the plugin's SQLite migrations applied, and the events it publishes go to <see cref="RecordingEvents"/>.
/// </summary>
internal sealed class RecordingPluginBuilder(PluginInfo plugin, IServiceCollection services, IConfiguration configuration, string databaseFile, RecordingEvents events)
    : IPluginBuilder
{
    private readonly Dictionary<Type, object> _settings = [];

    public PluginInfo Plugin { get; } = plugin;

    public IServiceCollection Services { get; } = services;

    public IConfiguration Configuration { get; } = configuration;

    public PluginRegistrations Registrations { get; } = new() { PluginId = plugin.Id };

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
        Registrations.Resources = typeof(TResource);
        return this;
    }

    public IPluginBuilder AddPermission(Permission permission)
    {
        PluginRules.Permission(Plugin.Id, permission);
        Registrations.Permissions.Add(permission);
        return this;
    }

    public IPluginBuilder AddMenuItem(MenuItem item)
    {
        PluginRules.MenuItem(Plugin.Id, item);
        Registrations.MenuItems.Add(item);
        return this;
    }

    public IPluginBuilder AddCustomerTab<TComponent>(string title, int order = 500, string? permission = null)
        where TComponent : CustomerTabBase
    {
        Registrations.CustomerTabs.Add((title, typeof(TComponent), order, permission));
        return this;
    }

    public IPluginBuilder AddProjectTab<TComponent>(string title, int order = 500, string? permission = null)
        where TComponent : ProjectTabBase
    {
        Registrations.ProjectTabs.Add((title, typeof(TComponent), order, permission));
        return this;
    }

    public IPluginBuilder AddDashboardWidget<TComponent>(string title, int order = 500, string? permission = null, WidgetSize size = WidgetSize.Half)
        where TComponent : IComponent
    {
        Registrations.DashboardWidgets.Add((title, typeof(TComponent), order, permission));
        return this;
    }

    public IPluginBuilder AddDbContext<TContext>()
        where TContext : PluginDbContext
    {
        var database = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={databaseFile}");
        var options = new DbContextOptionsBuilder<TContext>().UseCrmDatabase(database, Plugin.Id).Options;
        using (var context = (TContext)Activator.CreateInstance(typeof(TContext), options)!)
        {
            context.Database.Migrate();
        }

        // One interceptor per context type, as the host's outbox: it records what a successful save published.
        var interceptor = events.Interceptor();
        Services.AddDbContextFactory<TContext>(o => o.UseCrmDatabase(database, Plugin.Id).AddInterceptors(interceptor));
        Services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext());
        Registrations.DbContexts.Add(typeof(TContext));
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
        return this;
    }

    public IPluginBuilder AddWebhookEvent<TEvent>(string type, string title, Func<TEvent, string> subject, Func<TEvent, object?> payload)
        where TEvent : IDomainEvent => this;

    public IPluginBuilder AddTimelineKind(TimelineKind kind)
    {
        PluginRules.TimelineKind(Plugin.Id, kind);
        Registrations.TimelineKinds.Add(kind);
        return this;
    }

    public IPluginBuilder AddPersonalData<TContributor>()
        where TContributor : class, IPersonalDataContributor
    {
        Services.AddScoped<TContributor>();
        return this;
    }

    public IPluginBuilder AddStaffPersonalData<TContributor>()
        where TContributor : class, IStaffPersonalDataContributor
    {
        Services.AddScoped<TContributor>();
        return this;
    }

    public IPluginBuilder AddCustomerFigure(CustomerFigureDefinition figure)
    {
        PluginRules.CustomerFigure(Plugin.Id, figure);
        Registrations.CustomerFigures.Add(figure);
        return this;
    }

    public IPluginBuilder AddMessageTemplate(MessageTemplateDefinition template)
    {
        PluginRules.MessageTemplate(Plugin.Id, template, Registrations.MessageTemplates.Select(t => t.Key));
        Registrations.MessageTemplates.Add(template);
        return this;
    }

    public IPluginBuilder MapEndpoints(Action<IEndpointRouteBuilder> map) => this;

    public IPluginBuilder AddInitializer<TInitializer>()
        where TInitializer : class, IPluginInitializer
    {
        Services.AddScoped<TInitializer>();
        return this;
    }

    private RecordingPluginBuilder AddJob<TJob>(string key, string? cron)
        where TJob : class, IPluginJob
    {
        PluginRules.JobKey(key, Registrations.Jobs.Keys);
        Services.AddScoped<TJob>();
        Registrations.Jobs[key] = (typeof(TJob), cron);
        return this;
    }
}
