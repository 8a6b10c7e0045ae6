using CrmBlazor.Data.Migrations;
using CrmBlazor.Data.Modeling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CrmBlazor.Data;

/// <summary>Configures any CRM DbContext (the core's or a plugin's) for the database in use.</summary>
public static class CrmDbContextOptions
{
    /// <summary>The id under which the core's own tables and permissions are named (<c>crm_customers</c>).</summary>
    public const string CoreOwnerId = "crm";

    /// <summary>Typed overload of <see cref="UseCrmDatabase(DbContextOptionsBuilder, DatabaseSettings, string?)"/>.</summary>
    /// <typeparam name="TContext">The context.</typeparam>
    /// <param name="builder">The options builder.</param>
    /// <param name="settings">The database in use.</param>
    /// <param name="pluginId">The plugin that owns the context, or null for the core's context.</param>
    public static DbContextOptionsBuilder<TContext> UseCrmDatabase<TContext>(this DbContextOptionsBuilder<TContext> builder, DatabaseSettings settings, string? pluginId)
        where TContext : DbContext
    {
        UseCrmDatabase((DbContextOptionsBuilder)builder, settings, pluginId);
        return builder;
    }

    /// <summary>
    /// Selects the provider, the migration set for it, the migrations history table and the model
    /// conventions of the CRM. The same call is used at run time and at design time, so that migrations
    /// are generated against exactly the model the host runs.
    /// </summary>
    /// <param name="builder">The options builder.</param>
    /// <param name="settings">The database in use.</param>
    /// <param name="pluginId">The plugin that owns the context, or null for the core's context.</param>
    public static DbContextOptionsBuilder UseCrmDatabase(this DbContextOptionsBuilder builder, DatabaseSettings settings, string? pluginId)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        var historyTable = pluginId is null ? "__EFMigrationsHistory" : "__EFMigrationsHistory_" + TableNames.PrefixOf(pluginId);

        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(settings.ConnectionString, o => o.MigrationsHistoryTable(historyTable))
                    .AddInterceptors(SqliteUnicodeCase.Instance);
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(settings.ConnectionString, o => o.MigrationsHistoryTable(historyTable));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(settings), settings.Provider, "Unknown database provider.");
        }

        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new CrmModelOptionsExtension(settings.Provider, pluginId));
        builder.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
        builder.ReplaceService<IModelCustomizer, CrmModelCustomizer>();
        return builder;
    }
}
