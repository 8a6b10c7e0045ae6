using System.Reflection;
using CrmBlazor.Data;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Messaging;
using CrmBlazor.Sdk.Navigation;
using CrmBlazor.Sdk.Timeline;
using Microsoft.Extensions.Localization;

namespace CrmBlazor.Host.Plugins;

/// <summary>
/// Every plugin the host found and what each contributes, together with the core's own
/// contributions, which are registered through the same builder under the owner id <c>crm</c>.
/// Contributions of a plugin that is not loaded are never returned.
/// </summary>
public sealed class PluginCatalog
{
    private readonly Lock _lock = new();
    private readonly List<PluginEntry> _plugins;

    internal PluginCatalog(PluginContributions core, IReadOnlyList<PluginEntry> plugins)
    {
        Core = core;
        _plugins = [.. plugins];
    }

    /// <summary>The core's own contributions.</summary>
    public PluginContributions Core { get; }

    /// <summary>Every plugin found, loaded or not, in load order.</summary>
    public IReadOnlyList<PluginEntry> Plugins
    {
        get
        {
            lock (_lock)
            {
                return [.. _plugins];
            }
        }
    }

    /// <summary>The loaded plugins, in dependency order.</summary>
    public IReadOnlyList<PluginEntry> Loaded => [.. Plugins.Where(p => p.IsLoaded)];

    /// <summary>The assemblies of the loaded plugins (for routing).</summary>
    public IReadOnlyList<Assembly> LoadedAssemblies => [.. Loaded.Select(p => p.Assembly!)];

    /// <summary>The core's and every loaded plugin's contributions, with their owner ids.</summary>
    public IEnumerable<(string OwnerId, PluginContributions Contributions)> Active =>
        new[] { (CrmDbContextOptions.CoreOwnerId, Core) }.Concat(Loaded.Select(p => (p.Id, p.Contributions)));

    /// <summary>Finds a plugin by id.</summary>
    /// <param name="id">The plugin id.</param>
    public PluginEntry? Find(string id) => Plugins.FirstOrDefault(p => p.Id == id);

    /// <summary>Whether the owner is the core or a loaded plugin.</summary>
    /// <param name="ownerId">The owner id.</param>
    public bool IsActive(string ownerId) => ownerId == CrmDbContextOptions.CoreOwnerId || Find(ownerId)?.IsLoaded == true;

    /// <summary>All declared permissions.</summary>
    public IEnumerable<Permission> Permissions => Active.SelectMany(a => a.Contributions.Permissions);

    /// <summary>All menu entries with their owners.</summary>
    public IEnumerable<(string OwnerId, MenuItem Item)> MenuItems =>
        Active.SelectMany(a => a.Contributions.MenuItems.Select(m => (a.OwnerId, m)));

    /// <summary>All customer-page tabs, in order.</summary>
    public IEnumerable<TabRegistration> CustomerTabs =>
        Active.SelectMany(a => a.Contributions.CustomerTabs).OrderBy(t => t.Order);

    /// <summary>All project-page tabs, in order.</summary>
    public IEnumerable<TabRegistration> ProjectTabs =>
        Active.SelectMany(a => a.Contributions.ProjectTabs).OrderBy(t => t.Order);

    /// <summary>All dashboard widgets, in order.</summary>
    public IEnumerable<DashboardWidgetRegistration> DashboardWidgets =>
        Active.SelectMany(a => a.Contributions.DashboardWidgets).OrderBy(w => w.Order);

    /// <summary>All jobs.</summary>
    public IEnumerable<JobRegistration> Jobs => Active.SelectMany(a => a.Contributions.Jobs);

    /// <summary>All timeline kinds with their owners.</summary>
    public IEnumerable<(string OwnerId, TimelineKind Kind)> TimelineKinds =>
        Active.SelectMany(a => a.Contributions.TimelineKinds.Select(k => (a.OwnerId, k)));

    /// <summary>All personal-data contributors with their owners.</summary>
    public IEnumerable<(string OwnerId, Type ContributorType)> PersonalDataContributors =>
        Active.SelectMany(a => a.Contributions.PersonalDataContributors.Select(t => (a.OwnerId, t)));

    /// <summary>All staff personal-data contributors (data about users) with their owners.</summary>
    public IEnumerable<(string OwnerId, Type ContributorType)> StaffPersonalDataContributors =>
        Active.SelectMany(a => a.Contributions.StaffPersonalDataContributors.Select(t => (a.OwnerId, t)));

    /// <summary>All customer figures with their owners.</summary>
    public IEnumerable<(string OwnerId, CustomerFigureDefinition Figure)> CustomerFigures =>
        Active.SelectMany(a => a.Contributions.CustomerFigures.Select(f => (a.OwnerId, f)));

    /// <summary>All message templates with their owners.</summary>
    public IEnumerable<(string OwnerId, MessageTemplateDefinition Template)> MessageTemplates =>
        Active.SelectMany(a => a.Contributions.MessageTemplates.Select(t => (a.OwnerId, t)));

    /// <summary>The subscriptions to an event.</summary>
    /// <param name="eventName">The event name.</param>
    public IEnumerable<EventSubscription> SubscriptionsTo(string eventName) =>
        Active.SelectMany(a => a.Contributions.EventSubscriptions).Where(s => s.EventName == eventName);

    /// <summary>Finds the active job registered under a job id.</summary>
    /// <param name="jobId">The job id, <c>&lt;owner&gt;:&lt;key&gt;</c>.</param>
    public JobRegistration? FindJob(string jobId) => Jobs.FirstOrDefault(j => j.JobId == jobId);

    /// <summary>Finds the active job registered for a job class.</summary>
    /// <param name="jobType">The job class.</param>
    public JobRegistration? FindJob(Type jobType) => Jobs.FirstOrDefault(j => j.JobType == jobType);

    /// <summary>The localizer for an owner's registered titles.</summary>
    /// <param name="ownerId">The owner id.</param>
    /// <param name="factory">The localizer factory.</param>
    /// <param name="fallback">The localizer to use when the owner registered no resources.</param>
    public IStringLocalizer? LocalizerFor(string ownerId, IStringLocalizerFactory factory, IStringLocalizer? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var contributions = ownerId == CrmDbContextOptions.CoreOwnerId ? Core : Find(ownerId)?.Contributions;
        return contributions?.ResourceType is { } type ? factory.Create(type) : fallback;
    }

    /// <summary>
    /// Withdraws a loaded plugin after a failure at start-up (a migration or initializer threw), and
    /// every loaded plugin that depends on it.
    /// </summary>
    /// <param name="id">The plugin id.</param>
    /// <param name="error">Why.</param>
    /// <returns>The ids of the plugins withdrawn.</returns>
    public IReadOnlyList<string> MarkFailed(string id, string error)
    {
        lock (_lock)
        {
            var withdrawn = new List<string>();
            var plugin = _plugins.FirstOrDefault(p => p.Id == id);
            if (plugin is null || !plugin.IsLoaded)
            {
                return withdrawn;
            }

            plugin.Refuse(PluginState.Failed, error);
            withdrawn.Add(id);
            bool changed;
            do
            {
                changed = false;
                foreach (var dependent in _plugins.Where(p => p.IsLoaded && p.Manifest!.DependsOn.Keys.Any(d => withdrawn.Contains(d))))
                {
                    var dependency = dependent.Manifest!.DependsOn.Keys.First(d => withdrawn.Contains(d));
                    dependent.Refuse(PluginState.MissingDependency, $"Depends on '{dependency}', which failed to start.");
                    withdrawn.Add(dependent.Id);
                    changed = true;
                }
            }
            while (changed);

            return withdrawn;
        }
    }
}
