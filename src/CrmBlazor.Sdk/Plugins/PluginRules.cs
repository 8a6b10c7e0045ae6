using System.Text.RegularExpressions;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Sdk.Navigation;
using CrmBlazor.Sdk.Results;
using CrmBlazor.Sdk.Timeline;
using Microsoft.Extensions.Configuration;

namespace CrmBlazor.Sdk.Plugins;

/// <summary>
/// What a plugin's registrations must satisfy, checked while it configures: by the host's
/// <see cref="IPluginBuilder"/>, which refuses the plugin with the message, and by the plugin authors'
/// test context, so that a test fails where the host would refuse. Each check throws
/// <see cref="InvalidOperationException"/> with a message naming the fix.
/// </summary>
internal static partial class PluginRules
{
    /// <summary>Binds and validates a plugin's settings (its <c>Plugins:&lt;id&gt;</c> section).</summary>
    /// <typeparam name="TSettings">The settings class, with data annotations.</typeparam>
    /// <param name="configuration">The plugin's section.</param>
    /// <param name="pluginId">The plugin id, for the message.</param>
    /// <returns>The settings, valid.</returns>
    public static TSettings Settings<TSettings>(IConfiguration configuration, string pluginId)
        where TSettings : class
    {
        // Validated now, so that a plugin with missing or invalid settings is refused with the reason
        // instead of stopping the host when the options are first used.
        var settings = configuration.Get<TSettings>() ?? Activator.CreateInstance<TSettings>();
        var errors = InputValidation.Validate(settings);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                $"Its settings (Plugins:{pluginId}) are invalid: " + string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        }

        return settings;
    }

    /// <summary>A permission is named after its plugin and grants known roles.</summary>
    public static void Permission(string pluginId, Permission permission)
    {
        ArgumentNullException.ThrowIfNull(permission);
        var prefix = pluginId + ".";
        Require(permission.Name.StartsWith(prefix, StringComparison.Ordinal) && permission.Name.Length > prefix.Length,
            $"Permission '{permission.Name}' must be named '{prefix}<name>'.");
        Require(permission.DefaultRoles.All(CrmRoles.All.Contains),
            $"Permission '{permission.Name}' names an unknown role; the roles are {string.Join(", ", CrmRoles.All)}.");
    }

    /// <summary>A menu entry links to a path of the CRM, in a known group.</summary>
    public static void MenuItem(string pluginId, MenuItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        // "//host/path" (and "/\host/path", which browsers read the same) starts with '/' too, but leads to another site.
        Require(item.Href.StartsWith('/') && !item.Href.StartsWith("//", StringComparison.Ordinal) && !item.Href.StartsWith("/\\", StringComparison.Ordinal),
            $"Menu entry '{item.Title}' must link to an absolute path such as '/{pluginId}'.");
        Require(MenuGroups.All.Contains(item.Group), $"Menu entry '{item.Title}' names an unknown group '{item.Group}'.");
    }

    /// <summary>A timeline kind is named after its plugin.</summary>
    public static void TimelineKind(string pluginId, TimelineKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        Require(kind.Id.StartsWith(pluginId + ".", StringComparison.Ordinal), $"Timeline kind '{kind.Id}' must be named '{pluginId}.<name>'.");
    }

    /// <summary>A customer figure is named after its plugin.</summary>
    public static void CustomerFigure(string pluginId, CustomerFigureDefinition figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        Require(figure.Id.StartsWith(pluginId + ".", StringComparison.Ordinal), $"Customer figure '{figure.Id}' must be named '{pluginId}.<name>'.");
    }

    /// <summary>A job key is short, lower case, and registered once.</summary>
    /// <param name="key">The key.</param>
    /// <param name="registered">The keys the plugin registered before.</param>
    public static void JobKey(string key, IEnumerable<string> registered)
    {
        ArgumentNullException.ThrowIfNull(key);
        Require(JobKeyPattern().IsMatch(key), $"Job key '{key}' is invalid: use lower-case letters, digits and hyphens.");
        Require(registered.All(k => k != key), $"Job key '{key}' is registered twice.");
    }

    /// <summary>A recurring job's schedule is a cron expression Hangfire accepts.</summary>
    public static void Schedule(string key, string cron)
    {
        if (RecurringSchedule.Problem(cron) is { } problem)
        {
            throw new InvalidOperationException($"Recurring job '{key}' has the schedule '{cron}', which {problem}");
        }
    }

    /// <summary>A schedule taken from settings needs those settings registered first.</summary>
    /// <param name="key">The job key.</param>
    /// <param name="settingsType">The settings class.</param>
    /// <param name="registered">Whether <c>AddSettings</c> registered it.</param>
    public static void ScheduleSettings(string key, Type settingsType, bool registered) =>
        Require(registered, $"Recurring job '{key}' takes its schedule from {settingsType.Name}: register them with AddSettings<{settingsType.Name}>() first.");

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,59}$")]
    private static partial Regex JobKeyPattern();
}
