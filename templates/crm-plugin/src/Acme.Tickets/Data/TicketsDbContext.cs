using Acme.Tickets.Features;
using CrmBlazor.Sdk.Data;
using Microsoft.EntityFrameworkCore;

namespace Acme.Tickets.Data;

/// <summary>
/// The plugin's tables. The host gives each table the plugin's prefix (<c>entries</c> becomes
/// <c>acme_tickets_entries</c>) and applies the migrations of the provider it runs on at start-up.
/// </summary>
public sealed class TicketsDbContext(DbContextOptions<TicketsDbContext> options) : PluginDbContext(options)
{
    /// <summary>The entries people add on the page.</summary>
    public DbSet<Entry> Entries => Set<Entry>();

    /// <summary>One row per run of the daily summary.</summary>
    public DbSet<SummaryRun> SummaryRuns => Set<SummaryRun>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Entry>(e =>
        {
            e.ToTable("entries");
            e.Property(x => x.Title).HasMaxLength(EntryInput.TitleLength);
            e.HasIndex(x => x.CustomerId);
        });
        modelBuilder.Entity<SummaryRun>(e =>
        {
            e.ToTable("summary_runs");
            e.HasIndex(x => x.RunId).IsUnique();
        });
    }
}

/// <summary>An entry, optionally about a customer. Changes are audited and protected by optimistic concurrency.</summary>
public sealed class Entry : IVersionedEntity
{
    /// <summary>The id.</summary>
    public long Id { get; set; }

    /// <summary>The customer it is about, if any.</summary>
    public long? CustomerId { get; set; }

    /// <summary>What it says.</summary>
    public required string Title { get; set; }

    /// <summary>When it was added.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <inheritdoc />
    public Guid RowVersion { get; set; }
}

/// <summary>A run of the daily summary: technical, so not audited.</summary>
[NotAudited]
public sealed class SummaryRun
{
    /// <summary>The id.</summary>
    public long Id { get; set; }

    /// <summary>The job run; a run delivered twice is recorded once.</summary>
    public Guid RunId { get; set; }

    /// <summary>When it ran.</summary>
    public DateTimeOffset RanAt { get; set; }

    /// <summary>How many entries were added in the recent days.</summary>
    public int RecentEntries { get; set; }
}
