using System.Text.RegularExpressions;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features;
using CrmBlazor.Host.Jobs;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Customers;
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
internal sealed partial class PluginBuilder : IPluginBuilder
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

    private string OwnerPrefix => Plugin.Id + ".";

    public IPluginBuilder AddSettings<TSettings>()
        where TSettings : class
    {
        // Validated now, so that a plugin with missing or invalid settings is refused with the reason
        // instead of stopping the host when the options are first used.
        var settings = Configuration.Get<TSettings>() ?? Activator.CreateInstance<TSettings>();
        var errors = InputValidation.Validate(settings);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                $"Its settings (Plugins:{Plugin.Id}) are invalid: " + string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        }

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
        ArgumentNullException.ThrowIfNull(permission);
        Require(permission.Name.StartsWith(OwnerPrefix, StringComparison.Ordinal) && permission.Name.Length > OwnerPrefix.Length,
            $"Permission '{permission.Name}' must be named '{OwnerPrefix}<name>'.");
        Require(permission.DefaultRoles.All(CrmRoles.All.Contains),
            $"Permission '{permission.Name}' names an unknown role; the roles are {string.Join(", ", CrmRoles.All)}.");
        Contributions.Permissions.Add(permission);
        return this;
    }

    public IPluginBuilder AddMenuItem(MenuItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        // "//host/path" (and "/\host/path", which browsers read the same) starts with '/' too, but leads to another site.
        Require(item.Href.StartsWith('/') && !item.Href.StartsWith("//", StringComparison.Ordinal) && !item.Href.StartsWith("/\\", StringComparison.Ordinal),
            $"Menu entry '{item.Title}' must link to an absolute path such as '/{Plugin.Id}'.");
        Require(MenuGroups.All.Contains(item.Group), $"Menu entry '{item.Title}' names an unknown group '{item.Group}'.");
        Contributions.MenuItems.Add(item);
        return this;
    }

    public IPluginBuilder AddCustomerTab<TComponent>(string title, int order = 500, string? permission = null)
        where TComponent : CustomerTabBase
    {
        Contributions.CustomerTabs.Add(new CustomerTabRegistration(Plugin.Id, title, typeof(TComponent), order, permission));
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
        if (RecurringSchedule.Problem(cron) is { } problem)
        {
            throw new InvalidOperationException($"Recurring job '{key}' has the schedule '{cron}', which {problem}");
        }

        return AddJob<TJob>(key, cron);
    }

    public IPluginBuilder AddRecurringJob<TJob, TSettings>(string key, Func<TSettings, string> cron)
        where TJob : class, IPluginJob
        where TSettings : class
    {
        ArgumentNullException.ThrowIfNull(cron);
        Require(_settings.ContainsKey(typeof(TSettings)),
            $"Recurring job '{key}' takes its schedule from {typeof(TSettings).Name}: register them with AddSettings<{typeof(TSettings).Name}>() first.");
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

    public IPluginBuilder AddTimelineKind(TimelineKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        Require(kind.Id.StartsWith(OwnerPrefix, StringComparison.Ordinal), $"Timeline kind '{kind.Id}' must be named '{OwnerPrefix}<name>'.");
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

    public IPluginBuilder AddCustomerFigure(CustomerFigureDefinition figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        Require(figure.Id.StartsWith(OwnerPrefix, StringComparison.Ordinal), $"Customer figure '{figure.Id}' must be named '{OwnerPrefix}<name>'.");
        Contributions.CustomerFigures.Add(figure);
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
        Require(JobKeyPattern().IsMatch(key), $"Job key '{key}' is invalid: use lower-case letters, digits and hyphens.");
        Require(Contributions.Jobs.All(j => j.Key != key), $"Job key '{key}' is registered twice.");
        Services.AddScoped<TJob>();
        Contributions.Jobs.Add(new JobRegistration(Plugin.Id, key, typeof(TJob), cron));
        return this;
    }

    private void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,59}$")]
    private static partial Regex JobKeyPattern();
}
