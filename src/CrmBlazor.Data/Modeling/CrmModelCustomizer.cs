using CrmBlazor.Data.Outbox;
using CrmBlazor.Sdk.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CrmBlazor.Data.Modeling;

/// <summary>
/// Applies the CRM's conventions to every context after its own <c>OnModelCreating</c>: the plugin's
/// table prefix, concurrency tokens, the outbox table, and SQLite-safe storage of timestamps.
/// </summary>
/// <param name="dependencies">EF Core's dependencies.</param>
public sealed class CrmModelCustomizer(ModelCustomizerDependencies dependencies) : ModelCustomizer(dependencies)
{
    private static readonly ValueConverter<DateTimeOffset, long> UtcTicks = new(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));

    /// <inheritdoc />
    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ArgumentNullException.ThrowIfNull(context);
        base.Customize(modelBuilder, context);

        var extension = context.GetService<IDbContextOptions>().FindExtension<CrmModelOptionsExtension>()
            ?? throw new InvalidOperationException("The context was not configured with UseCrmDatabase.");

        if (extension.PluginId is { } pluginId)
        {
            PrefixTables(modelBuilder.Model, pluginId);
            modelBuilder.MapOutbox(ownedByThisContext: false);
        }

        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            if (typeof(IVersionedEntity).IsAssignableFrom(entityType.ClrType))
            {
                entityType.FindProperty(nameof(IVersionedEntity.RowVersion))!.IsConcurrencyToken = true;
            }

            if (extension.Provider == DatabaseProvider.Sqlite)
            {
                StoreTimestampsAsUtcTicks(entityType);
            }
        }
    }

    private static void PrefixTables(IMutableModel model, string pluginId)
    {
        foreach (var entityType in model.GetEntityTypes().Where(t => t.GetTableName() is not null && t.BaseType is null))
        {
            entityType.SetTableName(TableNames.Prefixed(pluginId, entityType.GetTableName()!));
        }
    }

    // SQLite has no timestamp type: EF Core stores DateTimeOffset as text, which cannot be compared or
    // ordered in SQL. UTC ticks sort correctly and keep every comparison on the server.
    private static void StoreTimestampsAsUtcTicks(IMutableEntityType entityType)
    {
        foreach (var property in entityType.GetProperties())
        {
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            if (type == typeof(DateTimeOffset) && property.GetValueConverter() is null)
            {
                property.SetValueConverter(UtcTicks);
            }
        }
    }
}
