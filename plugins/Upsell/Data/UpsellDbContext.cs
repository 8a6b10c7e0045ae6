using CrmBlazor.Sdk.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Upsell.Data;

/// <summary>The plugin's tables (prefixed <c>upsell_</c> by the host).</summary>
public sealed class UpsellDbContext(DbContextOptions<UpsellDbContext> options) : PluginDbContext(options)
{
    public DbSet<Opportunity> Opportunities => Set<Opportunity>();

    public DbSet<RuleState> Rules => Set<RuleState>();

    public DbSet<RuleSettingValue> RuleSettings => Set<RuleSettingValue>();

    public DbSet<EvaluationRun> Runs => Set<EvaluationRun>();

    public DbSet<StagedHit> StagedHits => Set<StagedHit>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Opportunity>(e =>
        {
            e.ToTable("opportunities");
            e.Property(o => o.RuleId).HasMaxLength(100);
            e.Property(o => o.SituationKey).HasMaxLength(200);
            e.Property(o => o.Stage).HasConversion<string>().HasMaxLength(20);
            e.Property(o => o.ClosedBecause).HasConversion<string>().HasMaxLength(20);
            e.Property(o => o.Currency).HasMaxLength(3);
            e.Property(o => o.OwnerUserId).HasMaxLength(450);
            e.Property(o => o.AccountManagerUserId).HasMaxLength(450);
            e.Property(o => o.ClosedByUserId).HasMaxLength(450);
            e.Property(o => o.DismissReason).HasMaxLength(500);
            e.Ignore(o => o.IsOpen);

            // One open opportunity per customer and rule: the filter reads the same on SQLite and PostgreSQL.
            e.HasIndex(o => new { o.CustomerId, o.RuleId }).IsUnique().HasFilter("\"ClosedAt\" IS NULL");
            e.HasIndex(o => new { o.RuleId, o.CustomerId, o.SituationKey });
            e.HasIndex(o => new { o.Stage, o.Score });
            e.HasIndex(o => o.OwnerUserId);
            e.HasIndex(o => o.AccountManagerUserId);
        });
        modelBuilder.Entity<RuleState>(e =>
        {
            e.ToTable("rules");
            e.HasKey(r => r.RuleId);
            e.Property(r => r.RuleId).HasMaxLength(100);
        });
        modelBuilder.Entity<RuleSettingValue>(e =>
        {
            e.ToTable("rule_settings");
            e.HasKey(s => new { s.RuleId, s.Key });
            e.Property(s => s.RuleId).HasMaxLength(100);
            e.Property(s => s.Key).HasMaxLength(100);
        });
        modelBuilder.Entity<EvaluationRun>(e =>
        {
            e.ToTable("evaluation_runs");
            e.Property(r => r.Error).HasMaxLength(2000);
            e.HasIndex(r => r.StartedAt);
        });
        modelBuilder.Entity<StagedHit>(e =>
        {
            e.ToTable("staged_hits");
            e.HasKey(h => new { h.RunId, h.RuleId, h.CustomerId });
            e.Property(h => h.RuleId).HasMaxLength(100);
            e.Property(h => h.SituationKey).HasMaxLength(200);
            e.Property(h => h.Currency).HasMaxLength(3);
            e.Property(h => h.AccountManagerUserId).HasMaxLength(450);
        });
    }
}
