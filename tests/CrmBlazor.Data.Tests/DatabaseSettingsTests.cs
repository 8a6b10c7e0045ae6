using Microsoft.Extensions.Configuration;

namespace CrmBlazor.Data.Tests;

public sealed class DatabaseSettingsTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "crm-data-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    [Fact]
    public void FromConfiguration_NothingConfigured_UsesSqliteFileInTheDataDirectory()
    {
        var settings = DatabaseSettings.FromConfiguration(Configuration(), _dataDirectory);

        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Equal($"Data Source={Path.Combine(_dataDirectory, "crm.db")}", settings.ConnectionString);
        Assert.True(Directory.Exists(_dataDirectory));
    }

    [Fact]
    public void FromConfiguration_SqliteWithConnectionString_UsesIt()
    {
        var settings = DatabaseSettings.FromConfiguration(
            Configuration(("Database:Provider", "Sqlite"), ("ConnectionStrings:Crm", "Data Source=/srv/crm/crm.db")), _dataDirectory);

        Assert.Equal("Data Source=/srv/crm/crm.db", settings.ConnectionString);
    }

    [Theory]
    [InlineData("Postgres")]
    [InlineData("postgres")]
    public void FromConfiguration_PostgresWithConnectionString_SelectsPostgres(string provider)
    {
        var settings = DatabaseSettings.FromConfiguration(
            Configuration(("Database:Provider", provider), ("ConnectionStrings:Crm", "Host=db;Database=crm")), _dataDirectory);

        Assert.Equal(DatabaseProvider.Postgres, settings.Provider);
        Assert.Equal("Host=db;Database=crm", settings.ConnectionString);
        Assert.Equal(".Migrations.Postgres", settings.MigrationsNamespaceSuffix);
    }

    [Fact]
    public void FromConfiguration_PostgresWithoutConnectionString_ExplainsWhatToSet()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            DatabaseSettings.FromConfiguration(Configuration(("Database:Provider", "Postgres")), _dataDirectory));

        Assert.Equal(
            "Database:Provider is 'Postgres' but ConnectionStrings:Crm is empty. " +
            "Set it, e.g. ConnectionStrings__Crm='Host=localhost;Database=crm;Username=crm;Password=...'.",
            error.Message);
    }

    [Theory]
    [InlineData("SqlServer")]
    [InlineData("mysql")]
    public void FromConfiguration_UnknownProvider_NamesTheChoices(string provider)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            DatabaseSettings.FromConfiguration(Configuration(("Database:Provider", provider)), _dataDirectory));

        Assert.Equal($"Database:Provider is '{provider}'; use 'Sqlite' or 'Postgres'.", error.Message);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
