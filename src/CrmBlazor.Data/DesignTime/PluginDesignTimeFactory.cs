using System.Text.Json;
using CrmBlazor.Sdk.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CrmBlazor.Data.DesignTime;

/// <summary>
/// Creates a plugin's DbContext for <c>dotnet ef</c>, configured exactly as the host configures it
/// at run time. The plugin id is read from the <c>plugin.json</c> next to the plugin assembly, as
/// the host reads it (<see cref="PluginManifestFormat"/>).
/// </summary>
/// <typeparam name="TContext">The plugin's context; it needs a constructor taking <c>DbContextOptions&lt;TContext&gt;</c>.</typeparam>
public abstract class PluginDesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext>
    where TContext : PluginDbContext
{
    /// <inheritdoc />
    public TContext CreateDbContext(string[] args)
    {
        var manifestPath = Path.Combine(Path.GetDirectoryName(typeof(TContext).Assembly.Location)!, PluginManifestFormat.FileName);
        var pluginId = JsonSerializer.Deserialize<ManifestId>(File.ReadAllText(manifestPath), PluginManifestFormat.JsonOptions)?.Id;
        if (string.IsNullOrWhiteSpace(pluginId))
        {
            throw new InvalidOperationException($"{manifestPath} names no plugin id.");
        }

        var options = new DbContextOptionsBuilder<TContext>().UseCrmDatabase(CrmDesignTime.Settings(), pluginId).Options;
        return (TContext)Activator.CreateInstance(typeof(TContext), options)!;
    }

    private sealed record ManifestId(string? Id);
}
