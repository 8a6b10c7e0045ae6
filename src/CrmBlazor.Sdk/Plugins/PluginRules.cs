using System.Text.RegularExpressions;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Sdk.Messaging;
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

    /// <summary>
    /// A message template is named after its plugin, has an English default, known languages, and merge
    /// fields that are lower-case paths distinct from the standard ones and from each other's parents.
    /// </summary>
    /// <param name="pluginId">The plugin id.</param>
    /// <param name="template">The template.</param>
    /// <param name="registered">The keys registered before (by every owner).</param>
    public static void MessageTemplate(string pluginId, MessageTemplateDefinition template, IEnumerable<string> registered)
    {
        ArgumentNullException.ThrowIfNull(template);
        var prefix = pluginId + ".";
        Require(template.Key is not null && template.Key.StartsWith(prefix, StringComparison.Ordinal) && TemplateKeyPattern().IsMatch(template.Key[prefix.Length..]),
            $"Message template '{template.Key}' must be named '{prefix}<name>' (lower-case letters, digits, hyphens, underscores and dots).");
        Require(registered.All(k => k != template.Key), $"Message template '{template.Key}' is registered twice.");
        Require(!string.IsNullOrWhiteSpace(template.Title), $"Message template '{template.Key}' needs a title.");
        Require(template.Defaults is not null && template.Defaults.ContainsKey("en"), $"Message template '{template.Key}' needs an English (\"en\") default text.");
        foreach (var (language, text) in template.Defaults!)
        {
            Require(MessageTemplateDefinition.Languages.Contains(language),
                $"Message template '{template.Key}' has a text in '{language}'; the languages are {string.Join(", ", MessageTemplateDefinition.Languages)}.");
            Require(text is not null && !string.IsNullOrWhiteSpace(text.Subject) && text.HtmlBody is not null,
                $"Message template '{template.Key}' needs a subject and an HTML body in '{language}'.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in template.Fields ?? [])
        {
            Require(field is not null && MergeFieldPattern().IsMatch(field.Name ?? string.Empty),
                $"Merge field '{field?.Name}' of message template '{template.Key}' must be a lower-case path such as 'invoice.number'.");
            Require(MessageTemplateDefinition.StandardFields.All(s => s.Name != field!.Name), $"Merge field '{field!.Name}' of message template '{template.Key}' is a standard field; do not declare it.");
            Require(names.Add(field.Name!), $"Merge field '{field.Name}' of message template '{template.Key}' is declared twice.");
        }

        // 'invoice' and 'invoice.number' cannot both be values: the first would hide the second.
        var all = names.Concat(MessageTemplateDefinition.StandardFields.Select(s => s.Name)).ToList();
        foreach (var name in names)
        {
            Require(!all.Any(other => other.StartsWith(name + ".", StringComparison.Ordinal)) && !all.Any(other => name.StartsWith(other + ".", StringComparison.Ordinal)),
                $"Merge field '{name}' of message template '{template.Key}' is also the start of another field's path; name them like 'invoice.number' and 'invoice.date'.");
        }
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

    [GeneratedRegex("^[a-z0-9][a-z0-9_.-]{0,79}$")]
    private static partial Regex TemplateKeyPattern();

    [GeneratedRegex("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$")]
    private static partial Regex MergeFieldPattern();
}
