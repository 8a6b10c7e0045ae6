using System.Text.Json;
using CrmBlazor.Sdk;

namespace CrmBlazor.Host.Tests.Builders;

/// <summary>What a test plugin's <c>plugin.json</c> says; valid and compatible with this host unless changed.</summary>
/// <param name="Id">The plugin id.</param>
internal sealed record PluginSpec(string Id)
{
    public string Version { get; init; } = "1.0.0";

    /// <summary>From this host's SDK to the next major version, as a plugin built against this SDK declares it.</summary>
    public string Sdk { get; init; } = $"[{CrmSdk.Version.Major}.{CrmSdk.Version.Minor},{CrmSdk.Version.Major + 1}.0)";

    /// <summary>The plugin folder's name; the id unless a test needs another sort order.</summary>
    public string? Folder { get; init; }

    public string Assembly { get; init; } = "Acme.Plugin.dll";

    public IReadOnlyDictionary<string, string> DependsOn { get; init; } = new Dictionary<string, string>();

    public string FolderName => Folder ?? Id;

    public PluginSpec DependingOn(string id, string range = "[1.0,)") =>
        this with { DependsOn = new Dictionary<string, string>(DependsOn) { [id] = range } };

    public string ToJson() => JsonSerializer.Serialize(new
    {
        id = Id,
        name = Id + " plugin",
        version = Version,
        sdk = Sdk,
        assembly = Assembly,
        dependsOn = DependsOn,
    });
}
