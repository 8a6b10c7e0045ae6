using Microsoft.Data.Sqlite;

namespace CrmBlazor.EndToEndTests.Infrastructure;

/// <summary>
/// Puts an open over-allocation into the running host's database as the resources plugin's daily check
/// records one (<c>resources_overbookings</c>), so that the dashboard lists it without waiting for the
/// check's next run; the check itself is covered by the plugin's integration tests. Stored as the host
/// stores them on SQLite: days as text, instants as UTC ticks, ids as upper-case text.
/// </summary>
public static class HostOverbookings
{
    /// <summary>Records a person-week above capacity, found now, with no manager told.</summary>
    /// <param name="host">The running host.</param>
    /// <param name="personId">The person.</param>
    /// <param name="weekStart">The week's Monday.</param>
    /// <param name="capacityMinutes">The capacity that week.</param>
    /// <param name="allocatedMinutes">What is planned that week.</param>
    public static async Task AddOpenAsync(CrmHostProcess host, long personId, DateOnly weekStart, int capacityMinutes, int allocatedMinutes)
    {
        ArgumentNullException.ThrowIfNull(host);
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(host.DataDirectory, "crm.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO resources_overbookings ("PersonId", "WeekStart", "Occurrence", "DetectedAt", "CapacityMinutes", "AllocatedMinutes",
                "NotifiedUserId", "MessageKey", "ResolvedAt", "RowVersion")
            VALUES (@person, @week, 1, @now, @capacity, @allocated, NULL, NULL, NULL, @version)
            """;
        command.Parameters.AddWithValue("@person", personId);
        command.Parameters.AddWithValue("@week", weekStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("@now", DateTimeOffset.UtcNow.UtcTicks);
        command.Parameters.AddWithValue("@capacity", capacityMinutes);
        command.Parameters.AddWithValue("@allocated", allocatedMinutes);
        command.Parameters.AddWithValue("@version", Guid.NewGuid().ToString().ToUpperInvariant());
        if (await command.ExecuteNonQueryAsync() != 1)
        {
            throw new InvalidOperationException("The over-allocation could not be added.");
        }
    }
}
