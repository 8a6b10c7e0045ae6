using CrmBlazor.Data.DesignTime;
using CrmBlazor.Sdk.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Data.Tests.DesignTime;

/// <summary>
/// <c>dotnet ef</c> (through <c>tools/add-migration.sh</c>) creates a plugin's context with the plugin id
/// from the <c>plugin.json</c> next to the plugin assembly, here the test assembly. It reads what the
/// host reads: the plugin guide allows comments and trailing commas.
/// </summary>
public sealed class PluginDesignTimeFactoryTests : IDisposable
{
    private static readonly string ManifestPath = Path.Combine(Path.GetDirectoryName(typeof(TicketsDbContext).Assembly.Location)!, "plugin.json");

    private readonly string? _providerBefore = Environment.GetEnvironmentVariable("CRM_DB_PROVIDER");

    public PluginDesignTimeFactoryTests() => Environment.SetEnvironmentVariable("CRM_DB_PROVIDER", "Sqlite");

    public void Dispose()
    {
        File.Delete(ManifestPath);
        Environment.SetEnvironmentVariable("CRM_DB_PROVIDER", _providerBefore);
    }

    [Fact]
    public void CreateDbContext_ManifestWithCommentsAndTrailingCommas_PrefixesTheTablesWithItsId()
    {
        File.WriteAllText(ManifestPath, """
            {
              // Support tickets of Acme's help desk.
              "id": "acme-tickets",
              "version": "1.0.0",
              "sdk": "[1.1,2.0)", /* the SDK it is built against */
              "assembly": "Acme.Tickets.dll",
            }
            """);

        using var context = new TicketsDesignTimeFactory().CreateDbContext([]);

        Assert.Equal("acme_tickets_tickets", context.Model.FindEntityType(typeof(Ticket))!.GetTableName());
    }

    private sealed class TicketsDesignTimeFactory : PluginDesignTimeFactory<TicketsDbContext>;
}

/// <summary>A plugin's context, as a plugin author writes one.</summary>
public sealed class TicketsDbContext(DbContextOptions<TicketsDbContext> options) : PluginDbContext(options)
{
    public DbSet<Ticket> Tickets => Set<Ticket>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Ticket>().ToTable("tickets");
}

public sealed class Ticket
{
    public long Id { get; set; }
}
