using System.Globalization;
using System.Text.Json;
using CrmBlazor.Data.Audit;

namespace CrmBlazor.Host.Features.Audit;

/// <summary>
/// Reads the changes of audit entries the way people read a record: without the bookkeeping columns
/// (keys, row versions, timestamps the entry already shows), with user and tag names instead of ids,
/// and dates, times and numbers in the reader's culture and time zone.
/// </summary>
/// <param name="names">The names of the users and tags the entries mention (see <see cref="AuditNames.LoadAsync"/>).</param>
/// <param name="culture">The reader's culture.</param>
/// <param name="zone">The time zone to show times in.</param>
public sealed class AuditChangeReader(AuditNames names, CultureInfo culture, TimeZoneInfo zone)
{
    // Bookkeeping that says nothing to a reader: keys and concurrency tokens, the times the entry itself
    // carries, and copies Identity keeps for lookups.
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.Ordinal)
    {
        "Id", "RowVersion", "ConcurrencyStamp", "SecurityStamp", "CreatedAt", "UpdatedAt",
        "NormalizedName", "NormalizedEmail", "NormalizedUserName",
    };

    /// <summary>The names the reader uses.</summary>
    public AuditNames Names => names;

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
        _ when names.NameOf(property, value) is { } name => name,
        JsonValueKind.Number when value.TryGetInt64(out var whole) && !property.EndsWith("Id", StringComparison.Ordinal) => whole.ToString("N0", culture),
        JsonValueKind.Number when value.TryGetDecimal(out var number) && !property.EndsWith("Id", StringComparison.Ordinal) => number.ToString("N", culture),
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
