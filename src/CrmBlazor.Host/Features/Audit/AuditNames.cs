using System.Globalization;
using System.Text.Json;
using CrmBlazor.Data.Audit;
using CrmBlazor.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Audit;

/// <summary>
/// The names of the users and tags a page of audit entries mentions by id, loaded with one query
/// each, so that the entries read "Meera Iyer" and "retainer" instead of their keys.
/// </summary>
/// <param name="Users">User id → name.</param>
/// <param name="Tags">Tag id → name.</param>
public sealed record AuditNames(IReadOnlyDictionary<string, string> Users, IReadOnlyDictionary<long, string> Tags)
{
    /// <summary>No names: every id is shown as it is.</summary>
    public static AuditNames None { get; } = new(new Dictionary<string, string>(), new Dictionary<long, string>());

    /// <summary>Whether a property holds a user id.</summary>
    /// <param name="property">The property name.</param>
    public static bool IsUserId(string property) =>
        property.EndsWith("UserId", StringComparison.Ordinal) || property == nameof(AuditEntry.ActorId);

    /// <summary>Whether a property holds a tag id.</summary>
    /// <param name="property">The property name.</param>
    public static bool IsTagId(string property) => property == "TagId";

    /// <summary>The name of a user, or the id when the user no longer exists.</summary>
    /// <param name="userId">The user id.</param>
    public string UserName(string userId) => Users.TryGetValue(userId, out var name) ? name : userId;

    /// <summary>Loads the names of the users and tags that entries mention: who made them, user and tag ids among their values, user records.</summary>
    /// <param name="db">The context.</param>
    /// <param name="entries">The entries.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public static async Task<AuditNames> LoadAsync(CrmDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entries);
        var userIds = new HashSet<string>(StringComparer.Ordinal);
        var tagIds = new HashSet<long>();
        foreach (var entry in entries)
        {
            if (entry.ActorId is not null)
            {
                userIds.Add(entry.ActorId);
            }

            if (entry.Entity == AuditLabels.UserEntity)
            {
                userIds.Add(entry.EntityKey);
            }

            using var document = JsonDocument.Parse(entry.Changes);
            foreach (var (property, value) in Values(document.RootElement))
            {
                if (IsUserId(property) && value.ValueKind == JsonValueKind.String)
                {
                    userIds.Add(value.GetString()!);
                }
                else if (IsTagId(property) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var tagId))
                {
                    tagIds.Add(tagId);
                }
            }
        }

        var users = userIds.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.DisplayName ?? u.Email ?? u.UserName }).ToListAsync(cancellationToken);
        var tags = tagIds.Count == 0 ? [] : await db.Tags.AsNoTracking().Where(t => tagIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        return new AuditNames(
            users.ToDictionary(u => u.Id, u => u.Name ?? u.Id, StringComparer.Ordinal),
            tags.ToDictionary(t => t.Id, t => t.Name));
    }

    /// <summary>Formats an id-holding value as a name, or returns null if the property holds no id of a known kind.</summary>
    /// <param name="property">The property name.</param>
    /// <param name="value">The value.</param>
    public string? NameOf(string property, JsonElement value)
    {
        if (IsUserId(property) && value.ValueKind == JsonValueKind.String)
        {
            return UserName(value.GetString()!);
        }

        if (IsTagId(property) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var tagId))
        {
            return Tags.TryGetValue(tagId, out var tag) ? tag : tagId.ToString(CultureInfo.InvariantCulture);
        }

        return null;
    }

    // Every before and after value, as (property, value).
    private static IEnumerable<(string Property, JsonElement Value)> Values(JsonElement changes)
    {
        foreach (var property in changes.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object))
        {
            foreach (var side in property.Value.EnumerateObject())
            {
                yield return (property.Name, side.Value);
            }
        }
    }
}
