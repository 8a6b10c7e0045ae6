using System.Text.Json.Nodes;
using CrmBlazor.Host.Features.Administration;

namespace CrmBlazor.Host.Features.Privacy;

/// <summary>
/// What the export and the erasure of personal data, a customer's (<see cref="PersonalDataService"/>) or a
/// user's (<c>StaffPersonalData</c>), say about the plugins that hold data but are not loaded
/// (<see cref="PluginData.NotLoadedAsync"/>): their data cannot be read or erased without their code, so the
/// export lists them under <c>pluginsNotIncluded</c> and the erasure is refused until each is loaded again
/// or its data purged.
/// </summary>
internal static class UnloadedPluginData
{
    /// <summary>The export's <c>pluginsNotIncluded</c>: each plugin not loaded, with why its data is missing.</summary>
    /// <param name="notLoaded">The plugins that hold data but are not loaded.</param>
    public static JsonArray NotIncluded(IEnumerable<PluginDataHolder> notLoaded) =>
        new([.. notLoaded.Select(h => (JsonNode)new JsonObject
        {
            ["id"] = h.PluginId,
            ["name"] = h.Name,
            ["reason"] = "The plugin is not loaded, so its data could not be read; its tables remain in the database.",
        })]);

    /// <summary>Why an erasure is refused, or null when every plugin holding data is loaded.</summary>
    /// <param name="notLoaded">The plugins that hold data but are not loaded.</param>
    public static Problem? Refusal(IReadOnlyCollection<PluginDataHolder> notLoaded) =>
        notLoaded.Count == 0
            ? null
            : new Problem("Nothing was erased: the data of {0} cannot be reached because the plugin is not loaded. Install or enable it again, or have an administrator purge its data on the plugins page, then erase.",
                string.Join(", ", notLoaded.Select(m => m.Name)));
}
