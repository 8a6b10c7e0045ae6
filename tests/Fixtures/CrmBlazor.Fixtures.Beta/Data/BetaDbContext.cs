using CrmBlazor.Sdk.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Fixtures.Beta.Data;

public sealed class BetaDbContext(DbContextOptions<BetaDbContext> options) : PluginDbContext(options)
{
    public DbSet<ReceivedNote> Received => Set<ReceivedNote>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<ReceivedNote>(e =>
        {
            e.ToTable("received");
            e.HasIndex(r => r.EventId).IsUnique();
        });
}

/// <summary>One "note added" event received from Alpha; the unique event id makes redelivery harmless.</summary>
public sealed class ReceivedNote
{
    public long Id { get; set; }

    public Guid EventId { get; set; }

    public long NoteId { get; set; }

    public long CustomerId { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}
