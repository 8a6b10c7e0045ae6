using System.Reflection;
using CrmBlazor.Data.Modeling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CrmBlazor.Data.Migrations;

/// <summary>
/// Finds a context's migrations and model snapshot among those written for the provider in use.
/// </summary>
/// <remarks>
/// Each context keeps one migration set per provider in the same assembly, in namespaces ending in
/// <c>.Migrations.Sqlite</c> and <c>.Migrations.Postgres</c> (EF Core's "migrations with multiple
/// providers"). Looking migrations up in the context's own assembly, rather than by assembly name,
/// also works for plugin assemblies, which live in a load context of their own.
/// </remarks>
public sealed class ProviderMigrationsAssembly : IMigrationsAssembly
{
    private readonly Type _contextType;
    private readonly string _namespaceSuffix;
    private readonly Lazy<IReadOnlyDictionary<string, TypeInfo>> _migrations;
    private readonly Lazy<ModelSnapshot?> _snapshot;

    /// <summary>Creates the lookup for the current context.</summary>
    /// <param name="currentContext">The context being migrated.</param>
    /// <param name="options">Its options, which name the provider.</param>
    public ProviderMigrationsAssembly(ICurrentDbContext currentContext, IDbContextOptions options)
    {
        ArgumentNullException.ThrowIfNull(currentContext);
        ArgumentNullException.ThrowIfNull(options);
        var extension = options.FindExtension<CrmModelOptionsExtension>()
            ?? throw new InvalidOperationException("The context was not configured with UseCrmDatabase.");
        _contextType = currentContext.Context.GetType();
        _namespaceSuffix = ".Migrations." + extension.Provider;
        Assembly = _contextType.Assembly;
        _migrations = new Lazy<IReadOnlyDictionary<string, TypeInfo>>(FindMigrations);
        _snapshot = new Lazy<ModelSnapshot?>(FindSnapshot);
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations.Value;

    /// <inheritdoc />
    public ModelSnapshot? ModelSnapshot => _snapshot.Value;

    /// <inheritdoc />
    public Assembly Assembly { get; }

    /// <inheritdoc />
    public string? FindMigrationId(string nameOrId)
    {
        ArgumentNullException.ThrowIfNull(nameOrId);
        return Migrations.Keys.FirstOrDefault(id =>
            string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
            || (id.Length > 15 && string.Equals(id[15..], nameOrId, StringComparison.OrdinalIgnoreCase)));
    }

    /// <inheritdoc />
    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        ArgumentNullException.ThrowIfNull(migrationClass);
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }

    private IEnumerable<TypeInfo> TypesOfThisContextAndProvider() =>
        LoadableTypes(Assembly).Where(t =>
            !t.IsAbstract
            && t.Namespace is not null
            && t.Namespace.EndsWith(_namespaceSuffix, StringComparison.Ordinal)
            && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == _contextType);

    private IReadOnlyDictionary<string, TypeInfo> FindMigrations()
    {
        var migrations = new SortedDictionary<string, TypeInfo>(StringComparer.Ordinal);
        foreach (var type in TypesOfThisContextAndProvider().Where(t => t.IsSubclassOf(typeof(Migration))))
        {
            var id = type.GetCustomAttribute<MigrationAttribute>()?.Id;
            if (id is not null)
            {
                migrations[id] = type;
            }
        }

        return migrations;
    }

    private ModelSnapshot? FindSnapshot()
    {
        var type = TypesOfThisContextAndProvider().FirstOrDefault(t => t.IsSubclassOf(typeof(ModelSnapshot)));
        return type is null ? null : (ModelSnapshot)Activator.CreateInstance(type.AsType())!;
    }

    private static IEnumerable<TypeInfo> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.DefinedTypes;
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.Where(t => t is not null).Select(t => t!.GetTypeInfo());
        }
    }
}
