using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmBlazor.Data;

/// <summary>
/// Gives SQLite's <c>lower()</c> and <c>upper()</c> the Unicode case mapping PostgreSQL has. SQLite's
/// built-in functions change only ASCII letters, so "ÄRZTE".ToLower() would stay "ÄRZTE" in SQL and a
/// case-insensitive comparison (a segment rule "name contains ärzte") would find different customers
/// on the two providers. Application-defined functions of the same name replace the built-in ones for
/// the connection.
/// </summary>
internal sealed class SqliteUnicodeCase : DbConnectionInterceptor
{
    /// <summary>The one instance every context shares.</summary>
    public static readonly SqliteUnicodeCase Instance = new();

    private SqliteUnicodeCase()
    {
    }

    /// <inheritdoc />
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    /// <inheritdoc />
    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private static void Register(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            sqlite.CreateFunction<string?, string?>("lower", text => text?.ToLower(CultureInfo.InvariantCulture), isDeterministic: true);
            sqlite.CreateFunction<string?, string?>("upper", text => text?.ToUpper(CultureInfo.InvariantCulture), isDeterministic: true);
        }
    }
}
