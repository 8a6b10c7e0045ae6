using System.Text.Json;

namespace CrmBlazor.Data;

/// <summary>
/// How a plugin's <c>plugin.json</c> is read, by the host when it loads plugins and by the design-time
/// tools when they create a plugin's context (<c>tools/add-migration.sh</c>): JSON with comments and
/// trailing commas allowed, property names matched without regard to case.
/// </summary>
public static class PluginManifestFormat
{
    /// <summary>The file name of a manifest, in the plugin's folder next to its assembly.</summary>
    public const string FileName = "plugin.json";

    /// <summary>The options every reader of a manifest uses (read-only).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
