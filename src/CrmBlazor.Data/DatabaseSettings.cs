using Microsoft.Extensions.Configuration;

namespace CrmBlazor.Data;

/// <summary>The database engines the CRM runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded SQLite file; the default, nothing to install.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, for firms that outgrow one machine.</summary>
    Postgres,
}

/// <summary>Which database the CRM uses, from <c>Database:Provider</c> and <c>ConnectionStrings:Crm</c>.</summary>
/// <param name="Provider">The engine.</param>
/// <param name="ConnectionString">The connection string.</param>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The namespace suffix of the migration sets written for <see cref="Provider"/>.</summary>
    public string MigrationsNamespaceSuffix => ".Migrations." + Provider;

    /// <summary>
    /// Reads the settings. Without a connection string, SQLite uses <c>crm.db</c> in the data directory.
    /// </summary>
    /// <param name="configuration">The host configuration.</param>
    /// <param name="dataDirectory">The folder for the embedded database file.</param>
    /// <exception cref="InvalidOperationException">The provider is unknown, or PostgreSQL has no connection string.</exception>
    public static DatabaseSettings FromConfiguration(IConfiguration configuration, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var providerText = configuration["Database:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            throw new InvalidOperationException(
                $"Database:Provider is '{providerText}'; use 'Sqlite' or 'Postgres'.");
        }

        var connectionString = configuration.GetConnectionString("Crm");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException(
                    "Database:Provider is 'Postgres' but ConnectionStrings:Crm is empty. " +
                    "Set it, e.g. ConnectionStrings__Crm='Host=localhost;Database=crm;Username=crm;Password=...'.");
            }

            Directory.CreateDirectory(dataDirectory);
            connectionString = $"Data Source={Path.Combine(dataDirectory, "crm.db")}";
        }

        return new DatabaseSettings(provider, connectionString);
    }
}
