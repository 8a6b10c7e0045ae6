namespace CrmBlazor.Data.DesignTime;

/// <summary>
/// Database settings for EF Core's design-time tools (<c>dotnet ef migrations add</c>). The provider
/// comes from the environment variable <c>CRM_DB_PROVIDER</c> (<c>Sqlite</c> or <c>Postgres</c>);
/// no connection is opened, so the connection strings are placeholders.
/// </summary>
public static class CrmDesignTime
{
    /// <summary>The settings for the provider named by <c>CRM_DB_PROVIDER</c>.</summary>
    /// <exception cref="InvalidOperationException">The variable is missing or names no provider.</exception>
    public static DatabaseSettings Settings()
    {
        var name = Environment.GetEnvironmentVariable("CRM_DB_PROVIDER");
        if (!Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var provider))
        {
            throw new InvalidOperationException(
                "Set CRM_DB_PROVIDER to Sqlite or Postgres to choose the migration set (tools/add-migration.sh does this).");
        }

        return provider == DatabaseProvider.Sqlite
            ? new DatabaseSettings(provider, "Data Source=design-time.db")
            : new DatabaseSettings(provider, "Host=localhost;Database=design_time");
    }
}
