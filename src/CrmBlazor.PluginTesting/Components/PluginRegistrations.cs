using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Messaging;
using CrmBlazor.Sdk.Navigation;
using CrmBlazor.Sdk.Timeline;

namespace CrmBlazor.PluginTesting.Components;

/// <summary>What a plugin's <c>Configure</c> registered, as <see cref="PluginTestContext.AddPlugin{TPlugin}"/> recorded it.</summary>
public sealed class PluginRegistrations
{
    /// <summary>The plugin id, from its <c>plugin.json</c>.</summary>
    public string PluginId { get; internal set; } = string.Empty;

    /// <summary>The permissions, with their default roles.</summary>
    public IList<Permission> Permissions { get; } = [];

    /// <summary>The menu entries.</summary>
    public IList<MenuItem> MenuItems { get; } = [];

    /// <summary>The customer tabs: title, component, order and permission.</summary>
    public IList<(string Title, Type Component, int Order, string? Permission)> CustomerTabs { get; } = [];

    /// <summary>The project-page tabs: title, component, order and permission.</summary>
    public IList<(string Title, Type Component, int Order, string? Permission)> ProjectTabs { get; } = [];

    /// <summary>The dashboard widgets: title, component, order and permission.</summary>
    public IList<(string Title, Type Component, int Order, string? Permission)> DashboardWidgets { get; } = [];

    /// <summary>The jobs by key: the job type and, for a recurring job, its cron schedule (null otherwise).</summary>
    public IDictionary<string, (Type Job, string? Cron)> Jobs { get; } = new Dictionary<string, (Type, string?)>();

    /// <summary>The plugin's DbContext types.</summary>
    public IList<Type> DbContexts { get; } = [];

    /// <summary>The timeline kinds.</summary>
    public IList<TimelineKind> TimelineKinds { get; } = [];

    /// <summary>The customer figures.</summary>
    public IList<CustomerFigureDefinition> CustomerFigures { get; } = [];

    /// <summary>The message templates.</summary>
    public IList<MessageTemplateDefinition> MessageTemplates { get; } = [];

    /// <summary>The resource marker type given to <c>UseResources</c>, if any.</summary>
    public Type? Resources { get; internal set; }

    /// <summary>The permissions the role holds: every permission for an administrator, those naming the role otherwise.</summary>
    /// <param name="role">The role, or null for none.</param>
    public IReadOnlyList<string> PermissionsOf(string? role) =>
        [.. Permissions.Where(p => role == CrmRoles.Admin || (role is not null && p.DefaultRoles.Contains(role))).Select(p => p.Name)];
}
