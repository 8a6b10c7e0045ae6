using System.Globalization;
using System.Text.Json;
using CrmBlazor.Data.Audit;
using CrmBlazor.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Audit;

/// <summary>
/// Reads the changes of audit entries the way people read a record: without the bookkeeping columns
/// (keys, row versions, timestamps the entry already shows), with user names instead of user ids,
/// and dates, times and yes/no in the reader's language and time zone.
/// </summary>
/// <param name="userNames">User id → name, for the users the entries mention (see <see cref="LoadUserNamesAsync"/>).</param>
/// <param name="culture">The reader's culture.</param>
/// <param name="zone">The time zone to show times in.</param>
public sealed class AuditChangeReader(IReadOnlyDictionary<string, string> userNames, CultureInfo culture, TimeZoneInfo zone)
{
    // Bookkeeping that says nothing to a reader: keys and concurrency tokens, the times the entry itself
    // carries, and copies Identity keeps for lookups.
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.Ordinal)
    {
        "Id", "RowVersion", "ConcurrencyStamp", "SecurityStamp", "CreatedAt", "UpdatedAt",
        "NormalizedName", "NormalizedEmail", "NormalizedUserName",
    };

    /// <summary>Whether a property holds a user id (shown as the user's name).</summary>
    /// <param name="property">The property name.</param>
    public static bool IsUserId(string property) =>
        property.EndsWith("UserId", StringComparison.Ordinal) || property == nameof(AuditEntry.ActorId);

    /// <summary>The user ids mentioned by entries, as values of user-id properties or as keys of user records.</summary>
    /// <param name="entries">The entries.</param>
    public static IEnumerable<string> UserIdsIn(IEnumerable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            if (entry.Entity == AuditLabels.UserEntity)
            {
                yield return entry.EntityKey;
            }

            using var document = JsonDocument.Parse(entry.Changes);
            foreach (var property in document.RootElement.EnumerateObject().Where(p => IsUserId(p.Name) && p.Value.ValueKind == JsonValueKind.Object))
            {
                foreach (var side in property.Value.EnumerateObject().Where(s => s.Value.ValueKind == JsonValueKind.String))
                {
                    yield return side.Value.GetString()!;
                }
            }
        }
    }

    /// <summary>Loads the names of users in one query.</summary>
    /// <param name="db">The context.</param>
    /// <param name="userIds">The user ids.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static async Task<IReadOnlyDictionary<string, string>> LoadUserNamesAsync(CrmDbContext db, IEnumerable<string> userIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = userIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.DisplayName ?? u.Email ?? u.UserName }).ToListAsync(cancellationToken);
        return users.ToDictionary(u => u.Id, u => u.Name ?? u.Id, StringComparer.Ordinal);
    }

    /// <summary>The name of a user, or the id when the user no longer exists.</summary>
    /// <param name="userId">The user id.</param>
    public string UserName(string userId) => userNames.TryGetValue(userId, out var name) ? name : userId;

    /// <summary>The changes of an entry worth reading, in the order they were recorded.</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="hidden">More properties to leave out (a customer's history leaves out <c>CustomerId</c>).</param>
    public IReadOnlyList<AuditChange> Read(AuditEntry entry, IReadOnlySet<string>? hidden = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var changes = new List<AuditChange>();
        using var document = JsonDocument.Parse(entry.Changes);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (Bookkeeping.Contains(property.Name) || hidden?.Contains(property.Name) == true)
            {
                continue;
            }

            var label = AuditLabels.Property(entry.Entity, property.Name);
            if (property.Value.ValueKind != JsonValueKind.Object)
            {
                changes.Add(new AuditChange(property.Name, label, null, Format(property.Name, property.Value)));
                continue;
            }

            var before = property.Value.TryGetProperty("before", out var b) ? Format(property.Name, b) : null;
            var after = property.Value.TryGetProperty("after", out var a) ? Format(property.Name, a) : null;
            changes.Add(new AuditChange(property.Name, label, before, after));
        }

        return changes;
    }

    private string? Format(string property, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => "✓",
        JsonValueKind.False => "✗",
        JsonValueKind.Number when value.TryGetInt64(out var whole) && !property.EndsWith("Id", StringComparison.Ordinal) => whole.ToString("N0", culture),
        JsonValueKind.Number when value.TryGetDecimal(out var number) && !property.EndsWith("Id", StringComparison.Ordinal) => number.ToString("N", culture),
        JsonValueKind.String when IsUserId(property) => UserName(value.GetString()!),
        JsonValueKind.String when LooksLikeTimestamp(value.GetString()!, out var time) => TimeZoneInfo.ConvertTime(time, zone).ToString("g", culture),
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };

    // The interceptor writes DateTimeOffset values in ISO 8601 with an offset ("2026-11-23T13:24:09.37+00:00").
    private static bool LooksLikeTimestamp(string text, out DateTimeOffset time)
    {
        time = default;
        return text.Length >= 20 && text[4] == '-' && text[10] == 'T'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out time);
    }
}
