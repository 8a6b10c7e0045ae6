using CrmBlazor.Sdk.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Fixtures.Alpha.Data;

public sealed class AlphaDbContext(DbContextOptions<AlphaDbContext> options) : PluginDbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();

    public DbSet<Heartbeat> Heartbeats => Set<Heartbeat>();

    public DbSet<MetaValue> Meta => Set<MetaValue>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Note>(e =>
        {
            e.ToTable("notes");
            e.Property(n => n.Text).HasMaxLength(500);
            e.HasIndex(n => n.CustomerId);
        });
        modelBuilder.Entity<Heartbeat>().ToTable("heartbeats");
        modelBuilder.Entity<MetaValue>(e =>
        {
            e.ToTable("meta");
            e.HasKey(m => m.Key);
        });
    }
}

public sealed class Note : IVersionedEntity
{
    public long Id { get; set; }

    public long CustomerId { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid RowVersion { get; set; }
}

public sealed class Heartbeat
{
    public long Id { get; set; }

    public Guid RunId { get; set; }

    public DateTimeOffset BeatAt { get; set; }
}

public sealed class MetaValue
{
    public required string Key { get; set; }

    public required string Value { get; set; }
}
