using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Data.Modeling;

/// <summary>Carries the provider and owning plugin of a context to <see cref="CrmModelCustomizer"/>.</summary>
/// <param name="provider">The database provider.</param>
/// <param name="pluginId">The owning plugin, or null for the core.</param>
public sealed class CrmModelOptionsExtension(DatabaseProvider provider, string? pluginId) : IDbContextOptionsExtension
{
    private ExtensionInfo? _info;

    /// <summary>The database provider.</summary>
    public DatabaseProvider Provider { get; } = provider;

    /// <summary>The owning plugin, or null for the core's context.</summary>
    public string? PluginId { get; } = pluginId;

    /// <inheritdoc />
    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    /// <inheritdoc />
    public void ApplyServices(IServiceCollection services)
    {
    }

    /// <inheritdoc />
    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(CrmModelOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        private new CrmModelOptionsExtension Extension => (CrmModelOptionsExtension)base.Extension;

        public override bool IsDatabaseProvider => false;

        public override string LogFragment => $"CrmModel(Provider={Extension.Provider}, Plugin={Extension.PluginId ?? "core"}) ";

        public override int GetServiceProviderHashCode() => HashCode.Combine(Extension.Provider, Extension.PluginId);

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) =>
            other is ExtensionInfo o && o.Extension.Provider == Extension.Provider && o.Extension.PluginId == Extension.PluginId;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
            debugInfo["Crm:Provider"] = Extension.Provider.ToString();
            debugInfo["Crm:Plugin"] = Extension.PluginId ?? "core";
        }
    }
}
