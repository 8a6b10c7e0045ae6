using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Data.Outbox;

/// <summary>The mapping of the outbox tables, which the core owns and every context writes to.</summary>
public static class OutboxModel
{
    /// <summary>Name of the table of published events.</summary>
    public const string EventsTable = "crm_domain_events";

    /// <summary>Name of the table of deliveries.</summary>
    public const string DeliveriesTable = "crm_domain_event_deliveries";

    /// <summary>Maps <see cref="DomainEventRecord"/> (and, for the core, <see cref="DomainEventDelivery"/>).</summary>
    /// <param name="modelBuilder">The model being built.</param>
    /// <param name="ownedByThisContext">True for the core's context, which creates the tables; false for plugin contexts.</param>
    public static void MapOutbox(this ModelBuilder modelBuilder, bool ownedByThisContext)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<DomainEventRecord>(e =>
        {
            e.ToTable(EventsTable, t => t.ExcludeFromMigrations(!ownedByThisContext));
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasIndex(x => x.CompletedAt);
        });

        if (ownedByThisContext)
        {
            modelBuilder.Entity<DomainEventDelivery>(e =>
            {
                e.ToTable(DeliveriesTable);
                e.HasKey(x => new { x.EventId, x.Subscriber });
                e.Property(x => x.Subscriber).HasMaxLength(300);
            });
        }
    }
}
