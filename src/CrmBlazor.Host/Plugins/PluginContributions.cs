using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Messaging;
using CrmBlazor.Sdk.Navigation;
using CrmBlazor.Sdk.Timeline;

namespace CrmBlazor.Host.Plugins;

/// <summary>A tab a plugin adds to a page of the core or of another plugin (the customer page, the project page).</summary>
/// <param name="OwnerId">The plugin id.</param>
/// <param name="Title">The title as registered (a resource key).</param>
/// <param name="ComponentType">The tab component.</param>
/// <param name="Order">Position among tabs.</param>
/// <param name="Permission">Permission needed to see it, or null.</param>
public sealed record TabRegistration(string OwnerId, string Title, Type ComponentType, int Order, string? Permission);

/// <summary>A dashboard widget.</summary>
/// <param name="OwnerId">The plugin id.</param>
/// <param name="Title">The title as registered (a resource key).</param>
/// <param name="ComponentType">The widget component.</param>
/// <param name="Order">Position among widgets.</param>
/// <param name="Permission">Permission needed to see it, or null.</param>
/// <param name="Size">Its width.</param>
public sealed record DashboardWidgetRegistration(string OwnerId, string Title, Type ComponentType, int Order, string? Permission, WidgetSize Size);

/// <summary>A job a plugin registered.</summary>
/// <param name="OwnerId">The plugin id.</param>
/// <param name="Key">The job key within the plugin.</param>
/// <param name="JobType">The job class.</param>
/// <param name="Cron">The schedule of a recurring job, or null.</param>
public sealed record JobRegistration(string OwnerId, string Key, Type JobType, string? Cron)
{
    /// <summary>The job id: <c>&lt;owner&gt;:&lt;key&gt;</c>, also the recurring-job id in Hangfire.</summary>
    public string JobId => OwnerId + ":" + Key;
}

/// <summary>A subscription of a handler to a domain event.</summary>
/// <param name="OwnerId">The subscribing plugin, or <c>crm</c>.</param>
/// <param name="EventName">The event name.</param>
/// <param name="EventType">The subscriber's own type for the event.</param>
/// <param name="HandlerType">The handler class.</param>
public sealed record EventSubscription(string OwnerId, string EventName, Type EventType, Type HandlerType)
{
    /// <summary>The subscriber id recorded with each delivery: the owner and the handler's full name.</summary>
    public string SubscriberId => OwnerId + "/" + StableName(HandlerType);

    // A generic handler (a webhook's fan-out of one event) is named by its definition and its arguments'
    // names without assembly versions, so that its id, and the deliveries recorded under it, survive an
    // upgrade of the SDK or of a plugin.
    private static string StableName(Type type) => type.IsConstructedGenericType
        ? type.GetGenericTypeDefinition().FullName + "[" + string.Join(",", type.GetGenericArguments().Select(StableName)) + "]"
        : type.FullName!;
}

/// <summary>A domain event offered to outgoing webhooks under a stable type.</summary>
/// <param name="OwnerId">The plugin offering it, or <c>crm</c>.</param>
/// <param name="Type">The webhook event type: <c>invoicing.invoice-issued</c>.</param>
/// <param name="Title">Its title for administrators (translated through the owner's resources).</param>
/// <param name="EventType">The domain event's type.</param>
/// <param name="Subject">The record the event is about.</param>
/// <param name="Payload">The payload's data, or null when the event is not of this type.</param>
public sealed record WebhookEventRegistration(string OwnerId, string Type, string Title, Type EventType, Func<object, string> Subject, Func<object, object?> Payload);

/// <summary>Everything one plugin (or the core) contributes besides its services.</summary>
public sealed class PluginContributions
{
    /// <summary>Resource class translating the titles, or null.</summary>
    public Type? ResourceType { get; set; }

    /// <summary>Declared permissions.</summary>
    public List<Permission> Permissions { get; } = [];

    /// <summary>Menu entries.</summary>
    public List<MenuItem> MenuItems { get; } = [];

    /// <summary>Customer-page tabs.</summary>
    public List<TabRegistration> CustomerTabs { get; } = [];

    /// <summary>Project-page tabs (rendered by the projects plugin through <c>IProjectTabs</c>).</summary>
    public List<TabRegistration> ProjectTabs { get; } = [];

    /// <summary>Dashboard widgets.</summary>
    public List<DashboardWidgetRegistration> DashboardWidgets { get; } = [];

    /// <summary>DbContext types, in registration order.</summary>
    public List<Type> DbContextTypes { get; } = [];

    /// <summary>Jobs.</summary>
    public List<JobRegistration> Jobs { get; } = [];

    /// <summary>Event subscriptions.</summary>
    public List<EventSubscription> EventSubscriptions { get; } = [];

    /// <summary>Domain events offered to outgoing webhooks.</summary>
    public List<WebhookEventRegistration> WebhookEvents { get; } = [];

    /// <summary>Timeline kinds.</summary>
    public List<TimelineKind> TimelineKinds { get; } = [];

    /// <summary>Personal-data contributor types.</summary>
    public List<Type> PersonalDataContributors { get; } = [];

    /// <summary>Staff personal-data contributor types.</summary>
    public List<Type> StaffPersonalDataContributors { get; } = [];

    /// <summary>Customer figures.</summary>
    public List<CustomerFigureDefinition> CustomerFigures { get; } = [];

    /// <summary>Message templates.</summary>
    public List<MessageTemplateDefinition> MessageTemplates { get; } = [];

    /// <summary>Initializer types.</summary>
    public List<Type> Initializers { get; } = [];

    /// <summary>HTTP endpoint mappings, applied to the plugin's route group (<c>/&lt;id&gt;</c>).</summary>
    public List<Action<IEndpointRouteBuilder>> Endpoints { get; } = [];
}
