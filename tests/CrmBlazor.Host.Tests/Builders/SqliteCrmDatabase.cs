using CrmBlazor.Data;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Host.Tests.Builders;

/// <summary>
/// A real CRM database for component tests: an SQLite file with the core's migrations applied,
/// registered like the host registers it. The migrated file is made once per test run and copied
/// for each test, so every test starts empty and none waits for migrations.
/// </summary>
internal sealed class SqliteCrmDatabase : IDisposable
{
    private static readonly Lazy<string> Template = new(CreateTemplate);
    private readonly TemporaryDirectory _directory = new();

    public SqliteCrmDatabase()
    {
        var file = Path.Combine(_directory.Path, "crm.db");
        File.Copy(Template.Value, file);
        Settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=false");
    }

    /// <summary>The settings that select the database.</summary>
    public DatabaseSettings Settings { get; }

    /// <summary>Registers the core's context factory on this database.</summary>
    /// <param name="services">The services.</param>
    public IServiceCollection AddTo(IServiceCollection services)
    {
        services.AddSingleton(Settings);
        return services.AddCrmDbContext<CrmDbContext>(pluginId: null);
    }

    /// <summary>Stores customers by name; the archived ones are archived.</summary>
    /// <param name="names">Names of active customers.</param>
    public async Task AddCustomersAsync(params string[] names)
    {
        await using var db = NewContext();
        db.Customers.AddRange(names.Select(n => new Customer { Name = n, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow }));
        await db.SaveChangesAsync();
    }

    /// <summary>Stores an archived customer.</summary>
    /// <param name="name">The name.</param>
    public async Task AddArchivedCustomerAsync(string name)
    {
        await using var db = NewContext();
        db.Customers.Add(new Customer { Name = name, IsArchived = true, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    private CrmDbContext NewContext() =>
        new(new DbContextOptionsBuilder<CrmDbContext>().UseCrmDatabase(Settings, pluginId: null).Options);

    private static string CreateTemplate()
    {
        var file = Path.Combine(Path.GetTempPath(), "crm-host-tests", "template-" + Guid.NewGuid().ToString("N") + ".db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=false");
        using var db = new CrmDbContext(new DbContextOptionsBuilder<CrmDbContext>().UseCrmDatabase(settings, pluginId: null).Options);
        db.Database.Migrate();
        return file;
    }
}
