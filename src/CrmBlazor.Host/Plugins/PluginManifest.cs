using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using CrmBlazor.Data;
using NuGet.Versioning;

namespace CrmBlazor.Host.Plugins;

/// <summary>
/// A plugin's <c>plugin.json</c>: who it is and what it needs, read before any of its code is loaded.
/// </summary>
/// <example>
/// <code>
/// {
///   "id": "projects",
///   "name": "Projects and time",
///   "version": "1.0.0",
///   "sdk": "[1.1,2.0)",
///   "assembly": "CrmBlazor.Plugins.Projects.dll",
///   "dependsOn": { "other-plugin": "[1.0,)" }
/// }
/// </code>
/// </example>
public sealed partial record PluginManifest(
    string Id,
    string Name,
    NuGetVersion Version,
    VersionRange Sdk,
    string Assembly,
    IReadOnlyDictionary<string, VersionRange> DependsOn)
{
    /// <summary>The file name of a manifest.</summary>
    public const string FileName = PluginManifestFormat.FileName;

    /// <summary>Reads and validates the manifest in a plugin folder.</summary>
    /// <param name="directory">The plugin folder.</param>
    /// <exception cref="PluginManifestException">The manifest is missing or invalid; the message says why.</exception>
    public static PluginManifest Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw new PluginManifestException(new Problem("The folder has no plugin.json."));
        }

        return Parse(File.ReadAllText(path));
    }

    /// <summary>Reads and validates the text of a manifest (a folder's or an uploaded archive's).</summary>
    /// <param name="json">The manifest's text.</param>
    /// <exception cref="PluginManifestException">The manifest is invalid; the message says why.</exception>
    public static PluginManifest Parse(string json)
    {
        RawManifest raw;
        try
        {
            raw = JsonSerializer.Deserialize<RawManifest>(json, PluginManifestFormat.JsonOptions)
                ?? throw new PluginManifestException(new Problem("plugin.json is empty."));
        }
        catch (JsonException e)
        {
            throw new PluginManifestException(new Problem("plugin.json is not valid JSON: {0}", e.Message));
        }

        if (string.IsNullOrWhiteSpace(raw.Id) || !IdPattern().IsMatch(raw.Id))
        {
            throw new PluginManifestException(new Problem("The id '{0}' is invalid: use 2 to 40 lower-case letters, digits and hyphens, starting with a letter.", raw.Id));
        }

        if (raw.Id is "crm" or "core" or "host")
        {
            throw new PluginManifestException(new Problem("The id '{0}' is reserved for the host.", raw.Id));
        }

        if (!NuGetVersion.TryParse(raw.Version, out var version))
        {
            throw new PluginManifestException(new Problem("The version '{0}' is not a semantic version.", raw.Version));
        }

        if (!VersionRange.TryParse(raw.Sdk ?? string.Empty, out var sdk))
        {
            throw new PluginManifestException(new Problem("The SDK range '{0}' is not a version range such as \"[1.0,2.0)\".", raw.Sdk));
        }

        if (string.IsNullOrWhiteSpace(raw.Assembly) || raw.Assembly.Contains('/', StringComparison.Ordinal) || raw.Assembly.Contains('\\', StringComparison.Ordinal))
        {
            throw new PluginManifestException(new Problem("The manifest must name the plugin assembly file, e.g. \"assembly\": \"Acme.Plugin.dll\"."));
        }

        var dependsOn = new Dictionary<string, VersionRange>(StringComparer.Ordinal);
        foreach (var (dependencyId, rangeText) in raw.DependsOn ?? [])
        {
            if (!VersionRange.TryParse(rangeText, out var range))
            {
                throw new PluginManifestException(new Problem("The version range '{0}' for dependency '{1}' is invalid.", rangeText, dependencyId));
            }

            dependsOn[dependencyId] = range;
        }

        return new PluginManifest(raw.Id, string.IsNullOrWhiteSpace(raw.Name) ? raw.Id : raw.Name, version, sdk, raw.Assembly, dependsOn);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$")]
    private static partial Regex IdPattern();

    private sealed record RawManifest(
        [property: JsonPropertyName("id")] string? Id,
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("version")] string? Version,
        [property: JsonPropertyName("sdk")] string? Sdk,
        [property: JsonPropertyName("assembly")] string? Assembly,
        [property: JsonPropertyName("dependsOn")] Dictionary<string, string>? DependsOn);
}

/// <summary>A plugin manifest that cannot be used.</summary>
/// <param name="problem">Why, in English for the log (<see cref="Exception.Message"/>) and translatable for an administrator's upload.</param>
public sealed class PluginManifestException(Problem problem) : Exception(problem?.ToString())
{
    /// <summary>Why, as a message a page translates.</summary>
    public Problem Problem { get; } = problem ?? throw new ArgumentNullException(nameof(problem));
}
