using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CrmBlazor.EndToEndTests.Infrastructure;

/// <summary>
/// Puts an open opportunity into the running host's database as the upsell plugin's evaluation opens one
/// (<c>upsell_opportunities</c>), for the pages the accessibility walk opens; the evaluation itself is covered
/// by the plugin's integration tests and the pipeline's end-to-end test. Stored as the host stores them on
/// SQLite: instants as UTC ticks, ids as upper-case text.
/// </summary>
public static class HostOpportunities
{
    /// <summary>Opens a budget-burn opportunity of a project at 95 % of 40 hours, with no owner, and returns its id.</summary>
    /// <param name="host">The running host.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="projectId">The project.</param>
    /// <param name="projectName">The project's name.</param>
    public static async Task<long> AddOpenAsync(CrmHostProcess host, long customerId, long projectId, string projectName)
    {
        ArgumentNullException.ThrowIfNull(host);
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(host.DataDirectory, "crm.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO upsell_opportunities ("CustomerId", "RuleId", "SituationKey", "Stage", "Score", "Evidence", "ValueSetByUser", "OpenedAt", "EvaluatedAt", "RowVersion")
            VALUES (@customer, 'upsell.budget-burn', @situation, 'New', 95, @evidence, 0, @now, @now, @version);
            SELECT last_insert_rowid();
            """;
        var evidence = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["project-id"] = projectId.ToString(CultureInfo.InvariantCulture),
            ["project-name"] = projectName,
            ["measure"] = "hours",
            ["budget"] = "40",
            ["used"] = "38",
            ["percent"] = "95",
            ["threshold"] = "90",
            ["currency"] = "INR",
        });
        command.Parameters.AddWithValue("@customer", customerId);
        command.Parameters.AddWithValue("@situation", string.Create(CultureInfo.InvariantCulture, $"project:{projectId}"));
        command.Parameters.AddWithValue("@evidence", evidence);
        command.Parameters.AddWithValue("@now", DateTimeOffset.UtcNow.UtcTicks);
        command.Parameters.AddWithValue("@version", Guid.NewGuid().ToString().ToUpperInvariant());
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
