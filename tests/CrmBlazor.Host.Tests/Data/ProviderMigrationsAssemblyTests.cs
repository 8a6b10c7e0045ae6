using CrmBlazor.Data;
using CrmBlazor.Data.Migrations;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Tests.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CrmBlazor.Host.Tests.Data;

/// <summary>
/// The core context keeps a migration set per provider in one assembly; only the active provider's set
/// may be seen, or SQLite would run PostgreSQL's DDL (and EF would find two snapshots).
/// </summary>
public sealed class ProviderMigrationsAssemblyTests : IDisposable
{
    private const string SqliteNamespace = "CrmBlazor.Host.Data.Migrations.Sqlite";
    private const string PostgresNamespace = "CrmBlazor.Host.Data.Migrations.Postgres";

    private readonly TemporaryDirectory _dataDirectory = new();

    public void Dispose() => _dataDirectory.Dispose();

    [Fact]
    public void Migrations_Sqlite_AreOnlyTheSqliteSet()
    {
        using var context = SqliteContext();

        var migrations = MigrationsOf(context);

        Assert.NotEmpty(migrations.Migrations);
        Assert.All(migrations.Migrations.Values, m => Assert.Equal(SqliteNamespace, m.Namespace));
    }

    [Fact]
    public void Migrations_Postgres_AreOnlyThePostgresSet()
    {
        using var context = PostgresContext();

        var migrations = MigrationsOf(context);

        Assert.NotEmpty(migrations.Migrations);
        Assert.All(migrations.Migrations.Values, m => Assert.Equal(PostgresNamespace, m.Namespace));
    }

    [Fact]
    public void Migrations_BothProviders_ShareNoMigrationId()
    {
        using var sqlite = SqliteContext();
        using var postgres = PostgresContext();

        Assert.Empty(MigrationsOf(sqlite).Migrations.Keys.Intersect(MigrationsOf(postgres).Migrations.Keys));
    }

    [Fact]
    public void ModelSnapshot_Sqlite_IsTheSqliteSnapshot()
    {
        using var context = SqliteContext();

        Assert.Equal(SqliteNamespace, MigrationsOf(context).ModelSnapshot?.GetType().Namespace);
    }

    [Fact]
    public void ModelSnapshot_Postgres_IsThePostgresSnapshot()
    {
        using var context = PostgresContext();

        Assert.Equal(PostgresNamespace, MigrationsOf(context).ModelSnapshot?.GetType().Namespace);
    }

    [Fact]
    public void FindMigrationId_NameWithoutTimestamp_FindsTheActiveProvidersMigration()
    {
        using var context = SqliteContext();
        var migrations = MigrationsOf(context);

        var id = migrations.FindMigrationId("initial");

        Assert.NotNull(id);
        Assert.Equal(SqliteNamespace, migrations.Migrations[id].Namespace);
    }

    private static IMigrationsAssembly MigrationsOf(DbContext context)
    {
        var migrations = context.GetService<IMigrationsAssembly>();
        Assert.IsType<ProviderMigrationsAssembly>(migrations);
        return migrations;
    }

    private CrmDbContext SqliteContext() => ContextFor(
        new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_dataDirectory.Path, "crm.db")}"));

    // Constructing the context and its services opens no connection: no server is needed.
    private static CrmDbContext PostgresContext() => ContextFor(
        new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost;Database=crm_unit_tests;Username=crm;Password=crm"));

    private static CrmDbContext ContextFor(DatabaseSettings settings) =>
        new(new DbContextOptionsBuilder<CrmDbContext>().UseCrmDatabase(settings, pluginId: null).Options);
}
