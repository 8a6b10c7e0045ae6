using System.Data.Common;
using CrmBlazor.Data;
using CrmBlazor.Host.Features.Customers;

namespace CrmBlazor.Bench.Scenarios;

/// <summary>
/// Hand-written SQL on a raw ADO.NET connection, the baseline the host's queries are compared with:
/// what an experienced developer would write for the same result, in each provider's dialect.
/// </summary>
/// <param name="database">The database.</param>
internal sealed class RawSql(BenchDatabase database)
{
    /// <summary>The columns of a list row, for <see cref="ReadRowsAsync"/>.</summary>
    public const string RowColumns =
        "c.\"Id\", c.\"Kind\", c.\"Name\", c.\"Industry\", c.\"Email\", c.\"Phone\", COALESCE(u.\"DisplayName\", u.\"Email\"), c.\"LastInteractionAt\", c.\"IsArchived\"";

    public bool IsSqlite => database.Provider == DatabaseProvider.Sqlite;

    /// <summary>The literal false (SQLite stores booleans as integers).</summary>
    public string False => IsSqlite ? "0" : "FALSE";

    /// <summary>Opens a pooled connection.</summary>
    public Task<DbConnection> OpenAsync() => database.OpenConnectionAsync();

    /// <summary>A timestamp as the provider stores it (SQLite: UTC ticks, the CRM's convention).</summary>
    /// <param name="value">The timestamp.</param>
    public object Time(DateTimeOffset value) => IsSqlite ? value.UtcTicks : value;

    /// <summary>Reads a nullable timestamp.</summary>
    public DateTimeOffset? ReadTime(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null
        : IsSqlite ? new DateTimeOffset(reader.GetInt64(ordinal), TimeSpan.Zero)
        : reader.GetFieldValue<DateTimeOffset>(ordinal);

    /// <summary>A command with named parameters (<c>@name</c> in both dialects).</summary>
    public static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // The benchmark's own SQL; values are parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>Reads the rows of a query selecting <see cref="RowColumns"/>.</summary>
    public async Task<List<CustomerRow>> ReadRowsAsync(DbCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var rows = new List<CustomerRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new CustomerRow(
                reader.GetInt64(0),
                Enum.Parse<CustomerKind>(reader.GetString(1)),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                ReadTime(reader, 7),
                reader.GetBoolean(8)));
        }

        return rows;
    }

    /// <summary>
    /// A page of the customer list: the total of <paramref name="where"/> and one sorted page of rows
    /// with the account manager's name.
    /// </summary>
    /// <param name="where">The condition on <c>c</c> (crm_customers).</param>
    /// <param name="orderBy">The order.</param>
    /// <param name="skip">Rows to skip.</param>
    /// <param name="take">Rows to return.</param>
    /// <param name="parameters">Parameters of the condition.</param>
    public async Task<(List<CustomerRow> Rows, int Total)> CustomerPageAsync(string where, string orderBy, int skip, int take, params (string, object?)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var count = Command(connection, $"SELECT COUNT(*) FROM crm_customers AS c WHERE {where}", parameters);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await using var page = Command(connection,
            $"SELECT {RowColumns} FROM crm_customers AS c LEFT JOIN crm_users AS u ON u.\"Id\" = c.\"OwnerUserId\" " +
            $"WHERE {where} ORDER BY {orderBy} LIMIT {take} OFFSET {skip}",
            parameters);
        return (await ReadRowsAsync(page), total);
    }

    /// <summary>What a list page found, for comparing the two ways.</summary>
    public static string Fingerprint(IEnumerable<CustomerRow> rows, int total) =>
        total + "|" + string.Join(',', rows.Select(r => $"{r.Id}:{r.OwnerName}:{r.LastInteractionAt?.UtcTicks}:{r.IsArchived}"));
}
