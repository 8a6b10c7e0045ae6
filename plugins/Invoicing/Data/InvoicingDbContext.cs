using CrmBlazor.Sdk.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Invoicing.Data;

/// <summary>
/// The plugin's tables (prefixed <c>invoicing_</c> by the host). An <see cref="Invoice"/> is loaded whole
/// (<see cref="LoadInvoiceAsync"/>) and changed through its methods; the domain events it raises are
/// published with the save that stores the change, in the same transaction.
/// </summary>
public sealed class InvoicingDbContext(DbContextOptions<InvoicingDbContext> options) : PluginDbContext(options)
{
    public DbSet<Invoice> Invoices => Set<Invoice>();

    public DbSet<InvoiceLine> Lines => Set<InvoiceLine>();

    public DbSet<InvoiceTaxTotal> TaxTotals => Set<InvoiceTaxTotal>();

    public DbSet<InvoiceTimeEntry> TimeEntries => Set<InvoiceTimeEntry>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();

    public DbSet<InvoiceReminder> Reminders => Set<InvoiceReminder>();

    public DbSet<InvoiceRun> Runs => Set<InvoiceRun>();

    public DbSet<InvoiceSending> Sendings => Set<InvoiceSending>();

    /// <summary>An invoice or credit note with every part it owns (lines, tax totals, annex, payments, reminders, sendings), tracked; null if there is none.</summary>
    /// <param name="invoiceId">The document.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public Task<Invoice?> LoadInvoiceAsync(long invoiceId, CancellationToken cancellationToken) =>
        Invoices
            .Include(i => i.Lines.OrderBy(l => l.Position))
            .Include(i => i.TaxTotals)
            .Include(i => i.TimeEntries)
            .Include(i => i.Payments)
            .Include(i => i.Reminders)
            .Include(i => i.Sendings)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == invoiceId, cancellationToken);

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PublishRaisedEvents();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc />
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PublishRaisedEvents();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Invoice>(e =>
        {
            e.ToTable("invoices");
            e.Property(i => i.Number).HasMaxLength(50);
            e.Property(i => i.CustomerName).HasMaxLength(300);
            e.Property(i => i.Currency).HasMaxLength(3);
            e.Property(i => i.TaxProfile).HasMaxLength(50);
            e.Property(i => i.Notes).HasMaxLength(2000);
            e.Property(i => i.IssuedBy).HasMaxLength(450);
            Money(e.Property(i => i.NetTotal));
            Money(e.Property(i => i.TaxTotal));
            Money(e.Property(i => i.GrossTotal));
            Money(e.Property(i => i.PaidTotal));
            Money(e.Property(i => i.CreditedTotal));
            e.Ignore(i => i.Outstanding);
            e.Ignore(i => i.IsDraft);
            e.Ignore(i => i.DomainEvents);

            // A number is given once; a sequence position once per series (kind) and year.
            e.HasIndex(i => i.Number).IsUnique();
            e.HasIndex(i => new { i.Kind, i.SequenceYear, i.SequenceNumber }).IsUnique();

            // At most one draft per customer and month from the monthly runs, however often they run.
            e.HasIndex(i => new { i.CustomerId, i.RunPeriod }).IsUnique().HasFilter("\"RunPeriod\" IS NOT NULL");
            e.HasIndex(i => new { i.Status, i.DueDate });
            e.HasIndex(i => new { i.CustomerId, i.Date });
            e.HasIndex(i => i.Date);
            e.HasIndex(i => i.CreditedInvoiceId);
            e.HasMany(i => i.Lines).WithOne().HasForeignKey(l => l.InvoiceId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(i => i.TaxTotals).WithOne().HasForeignKey(t => t.InvoiceId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(i => i.TimeEntries).WithOne().HasForeignKey(t => t.InvoiceId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(i => i.Payments).WithOne().HasForeignKey(p => p.InvoiceId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(i => i.Reminders).WithOne().HasForeignKey(r => r.InvoiceId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(i => i.Sendings).WithOne().HasForeignKey(r => r.InvoiceId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(i => i.LastSending);
        });
        modelBuilder.Entity<InvoiceLine>(e =>
        {
            e.ToTable("lines");
            e.Property(l => l.Description).HasMaxLength(1000);
            e.Property(l => l.TaxProfile).HasMaxLength(50);
            e.Property(l => l.GroupKey).HasMaxLength(600);
            e.Property(l => l.Quantity).HasPrecision(18, 4);
            e.Property(l => l.UnitPrice).HasPrecision(18, 4);
            Money(e.Property(l => l.Amount));
        });
        modelBuilder.Entity<InvoiceTaxTotal>(e =>
        {
            e.ToTable("tax_totals");
            e.Property(t => t.TaxProfile).HasMaxLength(50);
            e.Property(t => t.ProfileName).HasMaxLength(200);
            e.Property(t => t.Component).HasMaxLength(100);
            e.Property(t => t.Rate).HasPrecision(9, 6);
            Money(e.Property(t => t.Base));
            Money(e.Property(t => t.Tax));
        });
        modelBuilder.Entity<InvoiceTimeEntry>(e =>
        {
            e.ToTable("time_entries");
            e.Property(t => t.GroupKey).HasMaxLength(600);
            e.Property(t => t.ProjectName).HasMaxLength(200);
            e.Property(t => t.TaskName).HasMaxLength(200);
            e.Property(t => t.UserId).HasMaxLength(450);
            e.Property(t => t.PersonName).HasMaxLength(300);
            e.Property(t => t.Note).HasMaxLength(1000);
            e.Property(t => t.HourlyRate).HasPrecision(18, 4);
            Money(e.Property(t => t.Amount));
            e.HasIndex(t => new { t.InvoiceId, t.EntryId }).IsUnique();
            e.HasIndex(t => t.EntryId);
        });
        modelBuilder.Entity<Payment>(e =>
        {
            e.ToTable("payments");
            e.Property(p => p.Reference).HasMaxLength(200);
            e.Property(p => p.RecordedBy).HasMaxLength(450);
            Money(e.Property(p => p.Amount));
        });
        modelBuilder.Entity<NumberSequence>(e =>
        {
            e.ToTable("number_sequences");
            e.HasKey(s => new { s.Series, s.Year });
            e.Property(s => s.Series).HasMaxLength(20);
        });
        modelBuilder.Entity<InvoiceReminder>(e =>
        {
            e.ToTable("reminders");
            e.HasIndex(r => new { r.InvoiceId, r.Level }).IsUnique();
        });
        modelBuilder.Entity<InvoiceSending>(e =>
        {
            e.ToTable("sendings");
            e.Property(s => s.RecipientEmail).HasMaxLength(320);
            e.Property(s => s.RecipientName).HasMaxLength(300);
            e.Property(s => s.SentBy).HasMaxLength(450);
            e.Property(s => s.FileName).HasMaxLength(255);
            e.HasOne(s => s.Pdf).WithOne().HasForeignKey<InvoiceSendingPdf>(p => p.SendingId).OnDelete(DeleteBehavior.Cascade);

            // One sending per position: two accountants sending at once cannot both be the next.
            e.HasIndex(s => new { s.InvoiceId, s.Position }).IsUnique();
        });
        modelBuilder.Entity<InvoiceSendingPdf>(e =>
        {
            e.ToTable("sending_pdfs");
            e.HasKey(p => p.SendingId);
        });
        modelBuilder.Entity<InvoiceRun>(e =>
        {
            e.ToTable("runs");
            e.Property(r => r.Message).HasMaxLength(4000);
            e.HasIndex(r => r.PeriodStart).IsUnique();
        });
    }

    // The events the documents raised go out with the save that stores them (PluginDbContext.Publish):
    // stored in the same transaction, delivered after it commits, never if the save fails.
    private void PublishRaisedEvents()
    {
        foreach (var invoice in ChangeTracker.Entries<Invoice>().Select(e => e.Entity).ToList())
        {
            foreach (var domainEvent in invoice.DomainEvents)
            {
                Publish(domainEvent);
            }

            invoice.ClearDomainEvents();
        }
    }

    private static void Money(Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<decimal> property) => property.HasPrecision(18, 4);

    private static void Money(Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<decimal?> property) => property.HasPrecision(18, 4);
}
