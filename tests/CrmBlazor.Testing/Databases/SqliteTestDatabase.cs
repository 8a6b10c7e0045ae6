using System.Data.Common;
using CrmBlazor.Data;
using Microsoft.Data.Sqlite;

namespace CrmBlazor.Testing.Databases;

/// <summary>
/// An SQLite database in a temporary data directory (<c>Crm:DataDirectory</c>), as a fresh
/// installation has it: the host creates <c>crm.db</c> there. Hosts started on the same directory
/// one after another see the same data, like a restarted installation.
/// </summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private SqliteTestDatabase(string dataDirectory)
    {
        DataDirectory = dataDirectory;
    }

    /// <summary>The data directory the host uses.</summary>
    public string DataDirectory { get; }

    /// <summary>The database file.</summary>
    public string FilePath => Path.Combine(DataDirectory, "crm.db");

    /// <inheritdoc />
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string?> HostSettings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Sqlite",
        ["ConnectionStrings:Crm"] = string.Empty,
        ["Crm:DataDirectory"] = DataDirectory,
    };

    /// <summary>Creates an empty data directory.</summary>
    public static SqliteTestDatabase Create()
    {
        var directory = Path.Combine(Path.GetTempPath(), "crmblazor-tests", "sqlite-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        return new SqliteTestDatabase(directory);
    }

    /// <inheritdoc />
    public override async Task<DbConnection> OpenConnectionAsync()
    {
        if (!File.Exists(FilePath))
        {
            throw new InvalidOperationException($"{FilePath} does not exist yet: start a host on this database first.");
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = FilePath, Mode = SqliteOpenMode.ReadWrite }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<string>> TablesAsync()
    {
        var rows = await QueryAsync("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
        return [.. rows.Select(r => (string)r["name"]!)];
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<string>> FindTextAsync(string text)
    {
        var found = new List<string>();
        foreach (var table in await TablesAsync())
        {
            // SQLite stores text in columns of any declared type, so every column is searched.
            var columns = await QueryAsync("SELECT name FROM pragma_table_info(@p0)", table);
            foreach (var column in columns.Select(c => (string)c["name"]!))
            {
                var hits = await ScalarAsync<long>($"SELECT COUNT(*) FROM \"{table}\" WHERE instr(CAST(\"{column}\" AS TEXT), @p0) > 0", text);
                if (hits > 0)
                {
                    found.Add(table + "." + column);
                }
            }
        }

        return found;
    }

    /// <inheritdoc />
    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A host that is still shutting down may hold the file a moment longer; the folder is in /tmp.
        }

        return ValueTask.CompletedTask;
    }
}
