using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Data.Audit;

/// <summary>The mapping of the audit log, which the core owns.</summary>
public static class AuditModel
{
    /// <summary>The table name.</summary>
    public const string Table = "crm_audit_entries";

    /// <summary>Maps <see cref="AuditEntry"/>.</summary>
    /// <param name="modelBuilder">The core's model.</param>
    public static void MapAudit(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable(Table);
            e.Property(a => a.ActorId).HasMaxLength(450);
            e.Property(a => a.ActorName).HasMaxLength(320);
            e.Property(a => a.Owner).HasMaxLength(40);
            e.Property(a => a.Entity).HasMaxLength(100);
            e.Property(a => a.EntityKey).HasMaxLength(100);
            e.Property(a => a.Action).HasMaxLength(10);
            e.HasIndex(a => new { a.Owner, a.Entity, a.EntityKey, a.OccurredAt });
            e.HasIndex(a => a.OccurredAt);
        });
    }
}
