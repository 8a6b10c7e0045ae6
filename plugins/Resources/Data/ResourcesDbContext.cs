using CrmBlazor.Sdk.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Resources.Data;

/// <summary>The plugin's tables (prefixed <c>resources_</c> by the host).</summary>
public sealed class ResourcesDbContext(DbContextOptions<ResourcesDbContext> options) : PluginDbContext(options)
{
    public DbSet<Person> People => Set<Person>();

    public DbSet<PersonSkill> Skills => Set<PersonSkill>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<WorkSchedule> Schedules => Set<WorkSchedule>();

    public DbSet<TimeOff> TimeOff => Set<TimeOff>();

    public DbSet<HolidayCalendar> HolidayCalendars => Set<HolidayCalendar>();

    public DbSet<PublicHoliday> PublicHolidays => Set<PublicHoliday>();

    public DbSet<Allocation> Allocations => Set<Allocation>();

    public DbSet<Overbooking> Overbookings => Set<Overbooking>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Team>(e =>
        {
            e.ToTable("teams");
            e.Property(t => t.Name).HasMaxLength(100);
            e.HasIndex(t => t.Name).IsUnique();
        });
        modelBuilder.Entity<HolidayCalendar>(e =>
        {
            e.ToTable("holiday_calendars");
            e.Property(c => c.Code).HasMaxLength(10);
            e.Property(c => c.Name).HasMaxLength(100);
            e.HasIndex(c => c.Code).IsUnique();
            e.HasMany(c => c.Holidays).WithOne().HasForeignKey(h => h.CalendarId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PublicHoliday>(e =>
        {
            e.ToTable("public_holidays");
            e.Property(h => h.Name).HasMaxLength(100);
            e.HasIndex(h => new { h.CalendarId, h.Date }).IsUnique();
        });
        modelBuilder.Entity<Person>(e =>
        {
            e.ToTable("people");
            e.Property(p => p.UserId).HasMaxLength(450);
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.ManagerUserId).HasMaxLength(450);
            e.HasIndex(p => p.UserId).IsUnique();
            e.HasIndex(p => p.ManagerUserId);
            e.HasOne<Team>().WithMany().HasForeignKey(p => p.TeamId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<HolidayCalendar>().WithMany().HasForeignKey(p => p.HolidayCalendarId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<Person>().WithMany().HasForeignKey(p => p.ReplacedByPersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(p => p.Skills).WithOne().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(p => p.IsPlaceholder);
        });
        modelBuilder.Entity<PersonSkill>(e =>
        {
            e.ToTable("person_skills");
            e.Property(s => s.Skill).HasMaxLength(100);
            e.HasIndex(s => new { s.PersonId, s.Skill }).IsUnique();
            e.HasIndex(s => s.Skill);
        });
        modelBuilder.Entity<WorkSchedule>(e =>
        {
            e.ToTable("work_schedules");
            e.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(s => new { s.PersonId, s.EffectiveFrom }).IsUnique();
        });
        modelBuilder.Entity<TimeOff>(e =>
        {
            e.ToTable("time_off");
            e.Property(t => t.Note).HasMaxLength(500);
            e.HasOne<Person>().WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(t => new { t.PersonId, t.StartDate, t.EndDate });
        });
        modelBuilder.Entity<Allocation>(e =>
        {
            e.ToTable("allocations");
            e.Property(a => a.Note).HasMaxLength(1000);
            e.Property(a => a.CreatedByUserId).HasMaxLength(450);
            e.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => new { a.PersonId, a.StartDate, a.EndDate });
            e.HasIndex(a => new { a.ProjectId, a.StartDate });
        });
        modelBuilder.Entity<Overbooking>(e =>
        {
            e.ToTable("overbookings");
            e.Property(o => o.NotifiedUserId).HasMaxLength(450);
            e.Property(o => o.MessageKey).HasMaxLength(200);
            e.HasOne<Person>().WithMany().HasForeignKey(o => o.PersonId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(o => new { o.PersonId, o.WeekStart, o.Occurrence }).IsUnique();

            // One open over-allocation per person and week: the filter reads the same on SQLite and PostgreSQL.
            e.HasIndex(o => new { o.PersonId, o.WeekStart }).IsUnique().HasFilter("\"ResolvedAt\" IS NULL");
            e.HasIndex(o => new { o.WeekStart, o.ResolvedAt });
        });
    }
}
