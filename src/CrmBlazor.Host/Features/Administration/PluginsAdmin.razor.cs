using CrmBlazor.Host.Plugins;
using CrmBlazor.Sdk.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace CrmBlazor.Host.Features.Administration;

/// <summary>
/// The plugins page: every plugin found at this start with its state, the plugins uploaded since (installed
/// at the next start), and plugins whose tables remain after they were removed. Administrators switch
/// plugins on or off, upload plugin archives, remove uploaded plugins and purge the data of plugins that
/// are not loaded; every change takes effect at the next start.
/// </summary>
public partial class PluginsAdmin
{
    private List<Row> _rows = [];
    private bool _uploading;
    private bool _uploadAccepted;
    private string? _uploadMessage;

    private long MaxMegabytes => Math.Max(1, Archives.Limits.MaxArchiveBytes / (1024 * 1024));

    /// <inheritdoc />
    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        var enabled = await Settings.EnabledAtNextStartAsync();
        var stored = (await Archives.StoredAsync()).ToDictionary(s => s.PluginId, StringComparer.Ordinal);
        var data = (await Data.HoldersAsync()).ToDictionary(d => d.PluginId, StringComparer.Ordinal);
        var rows = Catalog.Plugins
            .Select(p => new Row(p.Id, p.Name, p, stored.GetValueOrDefault(p.Id), data.GetValueOrDefault(p.Id), enabled.TryGetValue(p.Id, out var e) ? e : true))
            .ToList();
        rows.AddRange(stored.Values.Where(s => Catalog.Find(s.PluginId) is null)
            .Select(s => new Row(s.PluginId, s.Name, null, s, data.GetValueOrDefault(s.PluginId), true)));
        rows.AddRange(data.Values.Where(d => Catalog.Find(d.PluginId) is null && !stored.ContainsKey(d.PluginId))
            .Select(d => new Row(d.PluginId, d.Name, null, null, d, true)));
        _rows = rows;
    }

    private async Task UploadAsync(InputFileChangeEventArgs e)
    {
        var file = e.File;
        _uploadMessage = null;
        if (file.Size > Archives.Limits.MaxArchiveBytes)
        {
            // Refused before a byte is sent: the browser knows the size.
            Show(accepted: false, L["The archive was refused: {0}", L.Show(PluginArchives.TooLarge(Archives.Limits))]);
            return;
        }

        _uploading = true;
        StateHasChanged();
        try
        {
            // One byte over the limit is let through, so that a file larger than announced is refused by the service with its message.
            await using var stream = file.OpenReadStream(Archives.Limits.MaxArchiveBytes + 1);
            var upload = await Archives.InstallAsync(stream);
            if (upload.Plugin is { } plugin)
            {
                Show(accepted: true, L["{0} {1} is installed at the next start of the CRM.", plugin.Name, plugin.Version]);
            }
            else
            {
                Show(accepted: false, L["The archive was refused: {0}", L.Show(upload.Refusal!)]);
            }

            await ReloadAsync();
        }
        catch (IOException)
        {
            // The browser's stream ended early or went past the announced size (the connection dropped, the file changed).
            Show(accepted: false, L["The archive could not be read from your browser. Try again."]);
        }
        finally
        {
            _uploading = false;
        }
    }

    private void Show(bool accepted, string message)
    {
        _uploadAccepted = accepted;
        _uploadMessage = message;
    }

    private async Task RemoveAsync(Row row)
    {
        var confirmed = await Dialogs.ConfirmAsync(
            L["Remove plugin"],
            L["Remove {0}? From the next start on it is no longer loaded on any instance. Its tables stay in the database until you purge them.", row.Name],
            L["Remove"], L["Cancel"], destructive: true);
        if (!confirmed)
        {
            return;
        }

        var result = await Archives.RemoveAsync(row.Id);
        Report(result, L["{0} is removed at the next start.", row.Name]);
        await ReloadAsync();
    }

    private async Task PurgeAsync(Row row)
    {
        var confirmed = await Dialogs.ConfirmAsync(
            L["Purge data"],
            L["Delete the data of {0}? These tables are dropped: {1}. This cannot be undone.", row.Name, string.Join(", ", row.Data!.Tables)],
            L["Purge data"], L["Cancel"], destructive: true);
        if (!confirmed)
        {
            return;
        }

        var result = await Data.PurgeAsync(row.Id);
        Report(result, L["The data of {0} was deleted.", row.Name]);
        await ReloadAsync();
    }

    private void Report(ChangeResult result, string done)
    {
        if (result.Succeeded)
        {
            Snackbar.Add(done, Severity.Success);
        }
        else
        {
            Snackbar.Add(string.Join(" ", result.Messages.Select(L.Show)), Severity.Error);
        }
    }

    private async Task SetEnabledAsync(Row row, bool enabled)
    {
        await Settings.SetEnabledAsync(row.Id, enabled);
        row.Enabled = enabled;
        Snackbar.Add(enabled ? L["{0} will be enabled at the next start.", row.Name] : L["{0} will be disabled at the next start.", row.Name], Severity.Info);
    }

    // What the next start changes for an uploaded plugin that runs now.
    private string? PendingChange(Row row) => row switch
    {
        { Entry.IsUploaded: true, Stored: null } => L["Removed at the next start"].Value,
        { Entry: { } entry, Stored: { } stored } when entry.Version != stored.Version => L["Version {0} at the next start", stored.Version].Value,
        _ => null,
    };

    private static Color StateColor(PluginState state) => state switch
    {
        PluginState.Loaded => Color.Success,
        PluginState.Disabled => Color.Default,
        _ => Color.Error,
    };

    private sealed class Row(string id, string name, PluginEntry? entry, StoredPlugin? stored, PluginDataHolder? data, bool enabled)
    {
        public string Id { get; } = id;

        public string Name { get; } = name;

        /// <summary>The plugin as found at this start, or null when it was uploaded since or is gone.</summary>
        public PluginEntry? Entry { get; } = entry;

        /// <summary>The stored archive of an uploaded plugin, or null.</summary>
        public StoredPlugin? Stored { get; } = stored;

        /// <summary>The plugin's tables, or null when it has none.</summary>
        public PluginDataHolder? Data { get; } = data;

        public bool Enabled { get; set; } = enabled;
    }
}
