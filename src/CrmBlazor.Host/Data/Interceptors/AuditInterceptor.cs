using System.Data.Common;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmBlazor.Data;
using CrmBlazor.Data.Audit;
using CrmBlazor.Data.Modeling;
using CrmBlazor.Host.Identity;
using CrmBlazor.Sdk.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CrmBlazor.Host.Data.Interceptors;

/// <summary>
/// Writes who changed what, with values before and after, for every entity of every context (core
/// and plugins alike) in the same transaction as the change.
/// </summary>
/// <remarks>
/// The changes are read before the save; the audit rows are written after it, when generated keys are
/// known, through the context's own connection and transaction. If the caller did not start a
/// transaction, the interceptor starts one around the save and commits it after the audit rows, so a
/// change is never saved without its audit entry.
/// </remarks>
internal sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    private const int MaximumValueLength = 2000;
    private readonly ConditionalWeakTable<DbContext, PendingAudit> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Collect(eventData.Context) is { } pending && eventData.Context!.Database.CurrentTransaction is null)
        {
            pending.OwnedTransaction = eventData.Context.Database.BeginTransaction();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Collect(eventData.Context) is { } pending && eventData.Context!.Database.CurrentTransaction is null)
        {
            pending.OwnedTransaction = await eventData.Context.Database.BeginTransactionAsync(cancellationToken);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WriteAsync(eventData.Context, async: false, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await WriteAsync(eventData.Context, async: true, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    private PendingAudit? Collect(DbContext? context)
    {
        if (context is null)
        {
            return null;
        }

        context.ChangeTracker.DetectChanges();
        var owner = context.GetService<IDbContextOptions>().FindExtension<CrmModelOptionsExtension>()?.PluginId ?? CrmDbContextOptions.CoreOwnerId;
        var changes = new List<PendingChange>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || !IsAudited(entry.Metadata.ClrType))
            {
                continue;
            }

            var values = ChangedValues(entry, entry.State);
            if (values.Count == 0)
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => "Created",
                EntityState.Deleted => "Deleted",
                _ => "Updated",
            };
            changes.Add(new PendingChange(entry, owner, EntityName(entry), action, values, entry.State == EntityState.Added ? null : KeyOf(entry)));
        }

        if (changes.Count == 0)
        {
            return null;
        }

        var pending = new PendingAudit(changes, CrmActor.Current, clock.GetUtcNow());
        _pending.AddOrUpdate(context, pending);
        return pending;
    }

    private async Task WriteAsync(DbContext? context, bool async, CancellationToken cancellationToken)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        _pending.Remove(context);
        var connection = context.Database.GetDbConnection();
        var transaction = context.Database.CurrentTransaction?.GetDbTransaction();
        var ticks = context.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true;
        foreach (var batch in pending.Changes.Chunk(50))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var rows = new List<string>();
            for (var i = 0; i < batch.Length; i++)
            {
                var change = batch[i];
                rows.Add($"(@t{i}, @ai{i}, @an{i}, @o{i}, @e{i}, @k{i}, @a{i}, @c{i})");
                Add(command, $"t{i}", ticks ? pending.OccurredAt.UtcTicks : pending.OccurredAt);
                Add(command, $"ai{i}", pending.Actor?.UserId);
                Add(command, $"an{i}", Truncate(pending.Actor?.Name ?? "system", 320));
                Add(command, $"o{i}", change.Owner);
                Add(command, $"e{i}", Truncate(change.Entity, 100));
                Add(command, $"k{i}", Truncate(change.Key ?? KeyOf(change.Entry), 100));
                Add(command, $"a{i}", change.Action);
                // A created record's values are read again after the save: keys the database generated
                // (its own, and those of new records it refers to) are known only then.
                var values = change.Action == "Created" ? ChangedValues(change.Entry, EntityState.Added) : change.Values;
                Add(command, $"c{i}", values.ToJsonString());
            }

            command.CommandText =
                $"INSERT INTO \"{AuditModel.Table}\" (\"OccurredAt\", \"ActorId\", \"ActorName\", \"Owner\", \"Entity\", \"EntityKey\", \"Action\", \"Changes\") VALUES {string.Join(", ", rows)}";
            if (async)
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            else
            {
                command.ExecuteNonQuery();
            }
        }

        if (pending.OwnedTransaction is { } owned)
        {
            if (async)
            {
                await owned.CommitAsync(cancellationToken);
                await owned.DisposeAsync();
            }
            else
            {
                owned.Commit();
                owned.Dispose();
            }
        }
    }

    private void Abandon(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending))
        {
            _pending.Remove(context);
            pending.OwnedTransaction?.Rollback();
            pending.OwnedTransaction?.Dispose();
        }
    }

    private static JsonObject ChangedValues(EntityEntry entry, EntityState state)
    {
        var values = new JsonObject();

        // A row made of its key alone (a customer's tag, a user involved in an interaction) is
        // recorded with its key values: they are the whole change.
        var keyOnly = entry.Properties.All(p => p.Metadata.IsPrimaryKey());
        foreach (var property in entry.Properties)
        {
            var metadata = property.Metadata;
            if ((metadata.IsPrimaryKey() && !keyOnly) || metadata.IsConcurrencyToken || IsNotAudited(metadata.PropertyInfo) || metadata.ClrType == typeof(byte[]))
            {
                continue;
            }

            switch (state)
            {
                case EntityState.Added when property.CurrentValue is not null:
                    values[metadata.Name] = new JsonObject { ["after"] = ToJson(property.CurrentValue) };
                    break;
                case EntityState.Deleted when property.OriginalValue is not null:
                    values[metadata.Name] = new JsonObject { ["before"] = ToJson(property.OriginalValue) };
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    values[metadata.Name] = new JsonObject { ["before"] = ToJson(property.OriginalValue), ["after"] = ToJson(property.CurrentValue) };
                    break;
            }
        }

        return values;
    }

    private static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(Truncate(s, MaximumValueLength)),
        Enum e => JsonValue.Create(e.ToString()),
        _ => JsonSerializer.SerializeToNode(value, value.GetType(), JsonSerializerOptions.Web),
    };

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()?.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()) ?? []);

    private static string EntityName(EntityEntry entry) =>
        entry.Metadata.HasSharedClrType ? entry.Metadata.Name : entry.Metadata.ClrType.Name;

    private static bool IsAudited(Type type) => type.GetCustomAttribute<NotAuditedAttribute>(inherit: true) is null && !ExcludedTypes.Contains(type.FullName ?? string.Empty);

    private static bool IsNotAudited(PropertyInfo? property) =>
        property is not null && (property.GetCustomAttribute<NotAuditedAttribute>() is not null || ExcludedProperties.Contains(property.Name));

    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    // Framework records that are either technical or hold secrets.
    private static readonly HashSet<string> ExcludedTypes =
    [
        "Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey",
        typeof(Microsoft.AspNetCore.Identity.IdentityUserToken<string>).FullName!,
        typeof(Microsoft.AspNetCore.Identity.IdentityUserLogin<string>).FullName!,
    ];

    // Identity's secrets and counters; never copied into the log.
    private static readonly HashSet<string> ExcludedProperties =
    [
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "AccessFailedCount", "LockoutEnd",
    ];

    private sealed record PendingChange(EntityEntry Entry, string Owner, string Entity, string Action, JsonObject Values, string? Key);

    private sealed class PendingAudit(List<PendingChange> changes, CrmActor? actor, DateTimeOffset occurredAt)
    {
        public List<PendingChange> Changes { get; } = changes;

        public CrmActor? Actor { get; } = actor;

        public DateTimeOffset OccurredAt { get; } = occurredAt;

        public IDbContextTransaction? OwnedTransaction { get; set; }
    }
}
