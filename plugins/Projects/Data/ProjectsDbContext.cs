using CrmBlazor.Sdk.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Projects.Data;

/// <summary>The plugin's tables (prefixed <c>projects_</c> by the host).</summary>
public sealed class ProjectsDbContext(DbContextOptions<ProjectsDbContext> options) : PluginDbContext(options)
{
    public DbSet<Project> Projects => Set<Project>();

    public DbSet<ProjectTask> Tasks => Set<ProjectTask>();

    public DbSet<Milestone> Milestones => Set<Milestone>();

    public DbSet<PersonRate> PersonRates => Set<PersonRate>();

    public DbSet<TimeEntry> TimeEntries => Set<TimeEntry>();

    public DbSet<BudgetCrossing> BudgetCrossings => Set<BudgetCrossing>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Project>(e =>
        {
            e.ToTable("projects");
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.Description).HasMaxLength(4000);
            e.Property(p => p.OwnerUserId).HasMaxLength(450);
            e.Property(p => p.Currency).HasMaxLength(3);
            e.Property(p => p.HourlyRate).HasPrecision(18, 4);
            e.Property(p => p.BudgetHours).HasPrecision(12, 2);
            e.Property(p => p.BudgetAmount).HasPrecision(18, 4);
            e.Property(p => p.MonthlyAllowanceHours).HasPrecision(8, 2);
            e.HasIndex(p => p.ServiceId);
            e.HasIndex(p => new { p.CustomerId, p.Status });
            e.HasIndex(p => p.Status);
            e.HasMany(p => p.Tasks).WithOne().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.Milestones).WithOne().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.PersonRates).WithOne().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ProjectTask>(e =>
        {
            e.ToTable("tasks");
            e.Property(t => t.Name).HasMaxLength(200);
        });
        modelBuilder.Entity<Milestone>(e =>
        {
            e.ToTable("milestones");
            e.Property(m => m.Name).HasMaxLength(200);
        });
        modelBuilder.Entity<PersonRate>(e =>
        {
            e.ToTable("person_rates");
            e.Property(r => r.UserId).HasMaxLength(450);
            e.Property(r => r.HourlyRate).HasPrecision(18, 4);
            e.HasIndex(r => new { r.ProjectId, r.UserId }).IsUnique();
        });
        modelBuilder.Entity<TimeEntry>(e =>
        {
            e.ToTable("time_entries");
            e.Property(t => t.UserId).HasMaxLength(450);
            e.Property(t => t.Note).HasMaxLength(1000);
            e.Property(t => t.BilledDocumentNumber).HasMaxLength(50);
            e.HasOne<Project>().WithMany().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<ProjectTask>().WithMany().HasForeignKey(t => t.TaskId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(t => new { t.UserId, t.Date });
            e.HasIndex(t => new { t.ProjectId, t.Date });
            e.HasIndex(t => t.BilledInvoiceId);

            // Covering indexes for the reads over every project (IProjectFacts): the burn of all active projects
            // groups by project, person, billable and billed; the hours per month read a range of days. With
            // every column they need in the index, neither reads the table's rows (notes, row versions), which
            // halves them at a million entries (bench/run.sh upsell).
            e.HasIndex(t => new { t.ProjectId, t.UserId, t.IsBillable, t.BilledInvoiceId, t.Minutes, t.Date }).HasDatabaseName("IX_projects_time_entries_burn");
            e.HasIndex(t => new { t.Date, t.ProjectId, t.Minutes, t.IsBillable }).HasDatabaseName("IX_projects_time_entries_month");
        });
        modelBuilder.Entity<BudgetCrossing>(e =>
        {
            e.ToTable("budget_crossings");
            e.Property(c => c.Budget).HasPrecision(18, 4);
            e.Property(c => c.Used).HasPrecision(18, 4);
            e.HasOne<Project>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);

            // One standing crossing per threshold: the filter reads the same on SQLite and PostgreSQL.
            e.HasIndex(c => new { c.ProjectId, c.Measure, c.ThresholdPercent }).IsUnique().HasFilter("\"ClearedAt\" IS NULL");
        });
    }
}
